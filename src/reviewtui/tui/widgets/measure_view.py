"""One measure, legible from the back of the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Sparkline, Static

from reviewtui.services.views import LastTime, Line, MeasureCard
from reviewtui.tui.markup import safe, status_badge


class MeasureView(VerticalScroll):
    """Actual vs target, variance, status, trend, owner, commentary, initiatives, actions."""

    def compose(self) -> ComposeResult:
        """Lay out the parts; :meth:`show` fills them."""
        yield Static(id="measure-title")
        with Horizontal(id="measure-figures"):
            yield Digits(id="measure-actual")
            with Vertical(id="measure-numbers"):
                yield Static(id="measure-status")
                yield Static(id="measure-target")
                yield Static(id="measure-variance")
        with Horizontal(id="measure-trend-row"):
            yield Sparkline([], id="measure-trend")
            yield Static(id="measure-trend-word")
        yield Static(id="measure-warnings")
        yield Static(id="measure-notices")
        yield Static(id="measure-facts")
        yield Static(id="measure-commentary")
        yield Static(id="measure-last-time")
        yield Static(id="measure-initiatives")
        yield Static(id="measure-actions")
        yield Static(id="measure-history")

    def show(self, card: MeasureCard) -> None:
        """Draw one measure."""
        self._set("#measure-title", f"[b]{safe(card.name)}[/b]  [dim]{safe(card.id)}[/dim]")
        self.query_one("#measure-actual", Digits).update(card.actual)
        self._set("#measure-status", status_badge(card.status))
        self._set(
            "#measure-target", f"Target {safe(card.target)}  [dim]({safe(card.period)})[/dim]"
        )
        self._set("#measure-variance", safe(card.variance))
        self.query_one("#measure-trend", Sparkline).data = card.series
        self._set(
            "#measure-trend-word",
            f"{card.trend.symbol} {card.trend.value}  [dim]{len(card.series)} periods from "
            f"{safe(card.series_from)}[/dim]",
        )
        self._set(
            "#measure-warnings", "\n".join(f"[bold $error]⚠ {safe(w)}[/]" for w in card.warnings)
        )
        self.query_one("#measure-warnings").display = bool(card.warnings)
        notices = []
        if card.stale_since:
            notices.append(
                f"[bold $warning]◷ Stale data[/]: the latest actual is for {safe(card.stale_since)}"
            )
        if card.carried_from:
            notices.append(
                f"↷ Carried from {safe(card.carried_from)}: skipped or not reached there"
            )
        self._set("#measure-notices", "\n".join(notices))
        self.query_one("#measure-notices").display = bool(notices)
        self._set("#measure-last-time", _last_time(card.last_time))
        self.query_one("#measure-last-time").display = card.last_time is not None
        owner = safe(card.owner) if card.owner else "[bold $error]⚠ nobody[/]"
        self._set("#measure-facts", f"Owner [b]{owner}[/b] · {safe(card.facts)}")
        commentary = []
        if card.analysis:
            commentary.append(f"[b]Analysis[/b]  {safe(card.analysis)}")
        if card.recommendation:
            commentary.append(f"[b]Recommendation[/b]  {safe(card.recommendation)}")
        self._set("#measure-commentary", "\n".join(commentary) or "[dim]No commentary[/dim]")
        self._set(
            "#measure-initiatives", "[b]Initiatives[/b]\n" + _lines(card.initiatives, "none linked")
        )
        self._set(
            "#measure-actions",
            f"[b]Open actions on this measure ({len(card.open_actions)})[/b]\n"
            + _lines(card.open_actions, "none"),
        )
        rows = [
            f"{safe(row.period):<9} {row.actual:>12}  {safe(row.target):<18} "
            f"{status_badge(row.status)}"
            for row in card.history
        ]
        self._set("#measure-history", "[b]Recent periods[/b]\n" + "\n".join(rows))

    def _set(self, selector: str, content: str) -> None:
        self.query_one(selector, Static).update(content)


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
    return head + "\n" + _lines(last.lines, "nothing decided or captured on it")
