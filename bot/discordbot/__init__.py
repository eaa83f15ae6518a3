"""The Discord layer: settings in, cited answers out. The only package that imports discord.

`make_bot(settings)` in `client.py` builds the bot; `runner.py` runs it for `python -m bot run`.
"""
