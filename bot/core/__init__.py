"""Pure domain logic: knowledge-base models, loader and answer engine.

Nothing in this package may import discord (tests/test_layers.py enforces it), so the CLI
starts fast and the engine can be tested without a bot.
"""
