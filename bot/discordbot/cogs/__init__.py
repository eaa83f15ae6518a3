"""Cogs: thin adapters from Discord events and commands to `bot.core` and the embed renderers."""
