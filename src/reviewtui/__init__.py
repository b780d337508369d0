"""reviewtui: run a performance review meeting live from the terminal."""

__version__ = "0.1.0"
