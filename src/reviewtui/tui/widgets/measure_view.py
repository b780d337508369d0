"""One measure, legible from the back of the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Sparkline, Static

from reviewtui.domain.agenda import AgendaItem
from reviewtui.domain.display import due_text, format_value, target_text, variance_text
from reviewtui.domain.trend import trend
from reviewtui.services.session import MeetingSession
from reviewtui.tui.markup import safe, status_badge

TREND_PERIODS = 12
HISTORY_PERIODS = 6


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
        yield Static(id="measure-facts")
        yield Static(id="measure-commentary")
        yield Static(id="measure-initiatives")
        yield Static(id="measure-actions")
        yield Static(id="measure-history")

    def show(self, session: MeetingSession, item: AgendaItem) -> None:
        """Fill every part for the measure of ``item``."""
        measure = session.state.measure(item)
        if measure is None:
            return
        period = session.meeting.period
        value = measure.period(period) if period else None
        level = session.state.level(measure)
        unit = measure.unit
        self._set("#measure-title", f"[b]{safe(measure.name)}[/b]  [dim]{safe(measure.id)}[/dim]")
        actual = value.actual if value else None
        self.query_one("#measure-actual", Digits).update(format_value(actual, unit, compact=True))
        self._set("#measure-status", status_badge(level))
        target = target_text(measure, value) if value else "no data for this period"
        self._set("#measure-target", f"Target {safe(target)}  [dim]({safe(period or '')})[/dim]")
        self._set("#measure-variance", safe(variance_text(measure, value)) if value else "")

        series = [v.actual for v in measure.series if v.actual is not None][-TREND_PERIODS:]
        self.query_one("#measure-trend", Sparkline).data = series
        direction = trend(measure, period)
        first = measure.series[-len(series)].period if series else ""
        self._set(
            "#measure-trend-word",
            f"{direction.symbol} {direction.value}  [dim]{len(series)} periods from "
            f"{safe(first)}[/dim]",
        )

        warnings = session.agenda.warnings(item)
        self._set(
            "#measure-warnings",
            "\n".join(f"[bold $error]⚠ {safe(w)}[/]" for w in warnings),
        )
        self.query_one("#measure-warnings").display = bool(warnings)

        owner = safe(measure.owner) if measure.owner else "[bold $error]⚠ nobody[/]"
        self._set(
            "#measure-facts",
            f"Owner [b]{owner}[/b] · {measure.kind.value} · "
            f"{safe(measure.polarity.value.replace('_', ' '))}",
        )
        commentary = []
        if value and value.analysis:
            commentary.append(f"[b]Analysis[/b]  {safe(value.analysis)}")
        if value and value.recommendation:
            commentary.append(f"[b]Recommendation[/b]  {safe(value.recommendation)}")
        self._set("#measure-commentary", "\n".join(commentary) or "[dim]No commentary[/dim]")

        initiatives = session.scorecard.initiatives_for(measure.id)
        lines = [
            f"◆ {safe(i.name)} · {safe(i.owner or 'no owner')} · "
            + (f"budget {safe(i.budget)}" if i.budget else "[bold $warning]no budget[/]")
            for i in initiatives
        ]
        self._set(
            "#measure-initiatives",
            "[b]Initiatives[/b]\n" + ("\n".join(lines) if lines else "[dim]none linked[/dim]"),
        )
        today = session.store.clock.today()
        open_actions = session.state.actions_on(measure.id)
        action_lines = [
            " · ".join(
                [
                    f"{safe(a.ref)} {safe(a.text)}",
                    safe(a.owner or "?"),
                    safe(due_text(a.due, today)),
                ]
            )
            for a in open_actions
        ]
        self._set(
            "#measure-actions",
            f"[b]Open actions on this measure ({len(open_actions)})[/b]\n"
            + ("\n".join(action_lines) if action_lines else "[dim]none[/dim]"),
        )

        self._set("#measure-history", self._history(session, item))

    def _history(self, session: MeetingSession, item: AgendaItem) -> str:
        """The last periods as a small table: period, actual, target, status."""
        measure = session.state.measure(item)
        if measure is None:
            return ""
        card = session.scorecard
        rows = []
        for value in measure.series[-HISTORY_PERIODS:]:
            level = card.status_of(measure, value.period)
            rows.append(
                f"{safe(value.period):<9} {format_value(value.actual, measure.unit):>12}  "
                f"{safe(target_text(measure, value)):<18} {status_badge(level)}"
            )
        return "[b]Recent periods[/b]\n" + "\n".join(reversed(rows))

    def _set(self, selector: str, content: str) -> None:
        self.query_one(selector, Static).update(content)
