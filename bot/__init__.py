"""Question-answering bot for «Вызов» (The Challenge, 2023) and Tom Cruise's planned space film."""

__version__ = "0.1.0"
