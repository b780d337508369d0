"""The wrap-up: what was captured, actions per owner, warnings left, attendance, rating."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.display import due_text
from reviewtui.services.views import LINES_SHOWN
from reviewtui.services.wrapup import WrapUp
from reviewtui.tui.markup import safe
from reviewtui.tui.widgets.captured_list import KIND_LABEL


class WrapUpView(VerticalScroll):
    """The meeting's summary before it is finalized."""

    class AttendanceChanged(Message):
        """Someone was marked present or absent."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def compose(self) -> ComposeResult:
        """Summary text, then the attendance list."""
        yield Static(id="wrapup-summary")
        yield Static(
            "[b]Attendance[/b] (Space marks someone present or absent)", id="wrapup-attendance"
        )
        yield AttendanceList(id="attendance")

    def show(self, summary: WrapUp) -> None:
        """Fill in the summary and attendance."""
        today = summary.today
        counts = " · ".join(f"{KIND_LABEL[k]} {summary.by_kind.get(k, 0)}" for k in ItemKind)
        lines = [f"[b]Captured[/b]  {counts}", ""]
        lines.append("[b]Actions per owner[/b]")
        for owner, items in summary.actions_by_owner.items():
            lines.append(f"  [b]{safe(owner)}[/b] ({len(items)})")
            soonest = sorted(items, key=lambda i: (i.due or dt.date.max, i.number))
            lines += [
                f"    {safe(i.ref)} {safe(i.text)} · due {safe(due_text(i.due, today))}"
                for i in soonest[:LINES_SHOWN]
            ]
            lines += _more(len(items), "soonest due shown; all in the minutes", indent=4)
        if not summary.actions_by_owner:
            lines.append("  [dim]no actions captured[/dim]")
        if summary.captured_here:
            lines += ["", f"[b]Captured at the wrap-up ({len(summary.captured_here)})[/b]"]
            lines += [
                f"  {safe(i.ref)} {KIND_LABEL[i.kind]}: {safe(i.text)}"
                for i in summary.captured_here[:LONG_LIST]
            ]
            lines += _more(len(summary.captured_here), "all in the minutes", shown=LONG_LIST)
        outcomes = ", ".join(f"{n} {k}" for k, n in summary.carried_outcomes.items()) or "none"
        lines += ["", f"[b]Open actions reviewed[/b]  {outcomes}", ""]
        if summary.will_carry:
            lines.append(f"[b]↷ Carries to the next meeting ({len(summary.will_carry)})[/b]")
            lines += [f"  ↷ {safe(line)}" for line in summary.will_carry[:LONG_LIST]]
            lines += _more(len(summary.will_carry), "all in the minutes", shown=LONG_LIST)
            lines.append("")
        if summary.warnings:
            lines.append(f"[bold $error]⚠ Warnings left ({len(summary.warnings)})[/]")
            lines += [f"  [$error]⚠[/] {safe(w)}" for w in summary.warnings[:LONG_LIST]]
            lines += _more(len(summary.warnings), "all in the minutes", shown=LONG_LIST)
        else:
            lines.append("[bold $success]✔ No warnings left[/]")
        rating = f"{summary.rating}/10" if summary.rating else "not rated yet (R)"
        lines += ["", f"[b]Meeting rating[/b]  {rating}"]
        present, absent = len(summary.present), len(summary.absent)
        lines.append(f"[b]Attendees[/b]  {present} present, {absent} absent")
        self.query_one("#wrapup-summary", Static).update("\n".join(lines))

        self.query_one(AttendanceList).show(summary)


LONG_LIST = 30
"""Lines of warnings or carried items listed before the rest are counted."""


def _more(total: int, where: str, shown: int = LINES_SHOWN, indent: int = 2) -> list[str]:
    """``… and 12 more (where)`` when a list was cut: never silently."""
    if total <= shown:
        return []
    return [f"{' ' * indent}[dim]… and {total - shown} more ({where})[/dim]"]


class AttendanceList(OptionList):
    """Who came: Space or Enter marks the highlighted person present or absent."""

    BINDINGS = [
        # Rate and finalize live here so the footer shows them first at the wrap-up.
        Binding("R", "screen.rate", "Rate", id="wrapup.rate"),
        Binding("F", "screen.finalize", "Finalize", id="wrapup.finalize"),
        Binding("space,enter", "attend", "Present/absent", key_display="␣", id="wrapup.attend"),
    ]

    def show(self, summary: WrapUp) -> None:
        """Redraw, keeping the highlight."""
        highlighted = self.highlighted
        self.clear_options()
        for name in summary.attendees:
            mark = "[$error]✖ absent [/]" if name in summary.absent else "[$success]✔ present[/]"
            self.add_option(Option(f"{mark}  {safe(name)}", id=name))
        if summary.attendees:
            self.highlighted = min(highlighted or 0, len(summary.attendees) - 1)
        self.disabled = summary.read_only

    def action_attend(self) -> None:
        """Mark the highlighted person present or absent."""
        if self.highlighted is not None:
            name = self.get_option_at_index(self.highlighted).id or ""
            self.post_message(WrapUpView.AttendanceChanged(name))
