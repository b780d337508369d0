"""Initiatives named on a table scorecard's rows, gathered across rows and then built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError

from reviewtui.domain.scorecard import Initiative, Money, slugify


@dataclass
class InitiativeDraft:
    """An initiative as its rows name it, before it is validated."""

    first_row: int
    name: str
    owner: str = ""
    budget: str = ""
    measures: list[str] = field(default_factory=list)


class InitiativeDrafts:
    """The initiatives of a table, by id; problems go to ``report(row, column, message)``."""

    def __init__(self, report: Callable[[int | None, str, str], None]) -> None:
        self.drafts: dict[str, InitiativeDraft] = {}
        self.problem = report

    def read(self, row: int, values: dict[str, str], measure_id: str) -> None:
        """Note the initiative a row names (if any) and link it to the row's measure."""
        name = values.get("initiative", "")
        if not name:
            return
        key = values.get("initiative_id") or slugify(name)
        draft = self.drafts.setdefault(key, InitiativeDraft(first_row=row, name=name))
        for attribute in ("owner", "budget"):
            value = values.get(f"initiative_{attribute}", "")
            if value and getattr(draft, attribute) and getattr(draft, attribute) != value:
                self.problem(
                    row,
                    f"initiative_{attribute}",
                    f"initiative {name!r} has {attribute} {getattr(draft, attribute)!r} at row "
                    f"{draft.first_row} but {value!r} here",
                )
            elif value:
                setattr(draft, attribute, value)
        if measure_id not in draft.measures:
            draft.measures.append(measure_id)

    def build(self, key: str, draft: InitiativeDraft) -> Initiative | None:
        """The validated initiative, or None after reporting why it is not one."""
        try:
            budget = Money.parse(draft.budget) if draft.budget else None
            return Initiative(
                id=key,
                name=draft.name,
                owner=draft.owner or None,
                budget=budget,
                measures=draft.measures,
            )
        except (ValueError, ValidationError) as error:
            message = (
                str(error).splitlines()[-1] if isinstance(error, ValidationError) else str(error)
            )
            self.problem(draft.first_row, "initiative_budget", message)
            return None
