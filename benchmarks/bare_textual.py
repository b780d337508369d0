"""The yardstick for cold start: a bare Textual app (Header, one Static, Footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Bare(App[None]):
    """Header, a line of text, Footer."""

    def compose(self) -> ComposeResult:
        """The three widgets."""
        yield Header()
        yield Static("bare textual app ready")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
