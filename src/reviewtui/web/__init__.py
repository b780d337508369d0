"""The meeting in a browser: ``reviewtui serve`` (a UI layer beside ``tui``)."""
