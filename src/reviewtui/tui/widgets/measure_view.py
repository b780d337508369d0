"""One measure, legible from the back of the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Digits, Sparkline, Static

from reviewtui.services.views import LastTime, Line, MeasureCard
from reviewtui.tui.markup import safe, set_text, status_badge
from reviewtui.tui.widgets.big_figure import BigFigure
from reviewtui.tui.widgets.leaf import Leaf


def figure_scale(width: int, height: int) -> int:
    """How big the headline figure is drawn: 0 (Textual's three-row Digits) below 110x32,
    1 (five rows) up to 150x42, 2 (ten rows) above: a projected 160x45 screen."""
    if width >= 150 and height >= 42:
        return 2
    if width >= 110 and height >= 32:
        return 1
    return 0


MIN_SPARKLINE = 3
"""Points a sparkline needs before its shape means something."""


class MeasureView(VerticalScroll):
    """Actual vs target, variance, status, trend, owner, commentary, initiatives, actions.

    Few widgets on purpose: each one costs layout and styling on every step, so what is
    text is one block (``#measure-body``), drawn with one update.
    """

    def compose(self) -> ComposeResult:
        """Lay out the parts; :meth:`show` fills them."""
        yield Leaf(id="measure-title")
        with Horizontal(id="measure-figures"):
            yield Digits(id="measure-actual")
            yield BigFigure(id="measure-big")
            yield Leaf(id="measure-numbers")
        with Horizontal(id="measure-trend-row"):
            yield Leaf(id="measure-trend-from")
            yield Sparkline([], id="measure-trend")
            yield Leaf(id="measure-trend-word")
        yield Leaf(id="measure-body")

    def show(self, card: MeasureCard) -> None:
        """Draw one measure."""
        self._set("#measure-title", f"[b]{safe(card.name)}[/b]  [dim]{safe(card.id)}[/dim]")
        self._actual = card.actual
        self._draw_actual()
        self._set(
            "#measure-numbers",
            f"{status_badge(card.status)}\n"
            f"Target {safe(card.target)}  [dim]({safe(card.period)})[/dim]\n"
            f"{safe(card.variance)}",
        )
        # Fewer than three points make a sparkline that exaggerates (120k -> 130k would
        # draw bottom to top): the words say it instead.
        drawn = card.series if len(card.series) >= MIN_SPARKLINE else []
        self.query_one("#measure-trend", Sparkline).data = drawn
        self.query_one("#measure-trend", Sparkline).display = bool(drawn)
        self._set("#measure-trend-from", f"[dim]{safe(card.series_from)}[/dim]" if drawn else "")
        periods = f"{len(card.series)} period{'s' * (len(card.series) != 1)}"
        span = (
            f"{safe(card.series_to)}"
            if drawn
            else (
                f"{safe(card.series_from)} → {safe(card.series_to)}"
                if len(card.series) == 2
                else safe(card.series_to)
            )
        )
        self._set(
            "#measure-trend-word",
            f"[dim]{span}[/dim]  {card.trend.symbol} {card.trend.value}  [dim]({periods})[/dim]",
        )
        self._set("#measure-body", "\n\n".join(part for part in _body(card) if part))

    def on_resize(self) -> None:
        """A bigger terminal gets a bigger figure."""
        if getattr(self, "_actual", None) is not None:
            self._draw_actual()

    def _draw_actual(self) -> None:
        scale = figure_scale(self.app.size.width, self.app.size.height)
        digits, big = self.query_one("#measure-actual", Digits), self.query_one(BigFigure)
        digits.display, big.display = scale == 0, scale > 0
        if scale == 0:
            digits.update(self._actual)
        elif (big.figure, big.scale) != (self._actual, scale):
            big.show(self._actual, scale)

    def _set(self, selector: str, content: str) -> None:
        set_text(self.query_one(selector, Static), content)


def _body(card: MeasureCard) -> list[str]:
    """The text under the figures, block by block (an empty block is left out)."""
    warnings = "\n".join(f"[bold $error]▌ ⚠ {safe(w)}[/]" for w in card.warnings)
    notices = []
    if card.stale_since:
        notices.append(
            f"[bold $warning]▌ ◷ Stale data[/]: the latest actual is for {safe(card.stale_since)}"
        )
    if card.carried_from:
        notices.append(
            f"[$warning]▌[/] ↷ Carried from {safe(card.carried_from)}: skipped or not reached there"
        )
    owner = safe(card.owner) if card.owner else "[bold $error]⚠ nobody[/]"
    commentary = []
    if card.analysis:
        commentary.append(f"[b]Analysis[/b]  {safe(card.analysis)}")
    if card.recommendation:
        commentary.append(f"[b]Recommendation[/b]  {safe(card.recommendation)}")
    history = [
        f"{safe(row.period):<9} {row.actual:>12}  {safe(row.target):<18} {status_badge(row.status)}"
        for row in card.history
    ]
    return [
        warnings,
        "\n".join(notices),
        f"Owner [b]{owner}[/b] · {safe(card.facts)}",
        "\n".join(commentary) or "[dim]No commentary[/dim]",
        _last_time(card.last_time),
        "[b]Initiatives[/b]\n" + _lines(card.initiatives, "none linked"),
        f"[b]Open actions on this measure ({card.open_actions_total})[/b]\n"
        + _lines(card.open_actions, "none")
        + _more(card.open_actions_total - len(card.open_actions), "soonest due shown"),
        "[b]Recent periods[/b]\n" + "\n".join(history),
    ]


def _lines(lines: list[Line], empty: str) -> str:
    if not lines:
        return f"[dim]{empty}[/dim]"
    return "\n".join(
        f"[bold $warning]{safe(line.text)}[/]" if line.warning else safe(line.text)
        for line in lines
    )


def _last_time(last: LastTime | None) -> str:
    if last is None:
        return ""
    head = f"[b]Last time[/b] {safe(last.meeting)}: {safe(last.status)}"
    lines = _lines(last.lines, "nothing decided or captured on it")
    return head + "\n" + lines + _more(last.more, f"reviewtui meeting show {safe(last.meeting_id)}")


def _more(count: int, where: str) -> str:
    """``… and 12 more (where)``: what a long list leaves out, never silently."""
    return f"\n[dim]… and {count} more ({where})[/dim]" if count > 0 else ""
