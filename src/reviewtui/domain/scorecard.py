"""The scorecard: perspectives > objectives > measures, initiatives and people.

These models are what YAML/JSON scorecards spell out and what CSV/XLSX rows are folded
into. Cross-references (owners, initiative links, scheme names, duplicate ids) are checked
by :func:`reviewtui.domain.checks.check_scorecard`, which reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from reviewtui.domain.measure_status import status_for
from reviewtui.domain.model import Model
from reviewtui.domain.numbers import (
    format_compact,
    is_plain_number,
    is_words,
    parse_amount,
    parse_number,
)
from reviewtui.domain.people import answers_to
from reviewtui.domain.periods import in_calendar_order
from reviewtui.domain.presets import DEFAULT_SCHEME, PRESET_SCHEMES, scheme_from_bands
from reviewtui.domain.revise import revised
from reviewtui.domain.status import (
    Basis,
    ForgivingEnum,
    Interval,
    Polarity,
    StatusLevel,
    StatusScheme,
    parse_interval,
)
from reviewtui.domain.text import Name, parse_email

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


def slugify(text: str) -> str:
    """A stable, typeable id from a name: ``Net Promoter Score`` -> ``net-promoter-score``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "item"


def _number(value: object) -> object:
    # Every figure of every period when a scorecard is read: the common cases first.
    if value is None:
        return None
    if type(value) is str and is_plain_number(value):
        return Decimal(value) or Decimal(0)  # what a stored scorecard holds; never -0
    if isinstance(value, Decimal) and value.is_finite():
        return value  # already read by parse_number (a table cell) or built in code
    if isinstance(value, str | int | float | Decimal) and not isinstance(value, bool):
        return parse_number(value)
    return value


Number = Annotated[Decimal | None, BeforeValidator(_number)]
"""An exact number that also accepts spreadsheet text such as ``1,234.5``, ``95%`` or ``n/a``."""


def _period_label(value: object) -> object:
    # YAML reads an unquoted 2026 as a number and 2026-10-05 as a date: both are the
    # period label the person wrote. A float (2026.10) has lost what was written.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        raise ValueError(
            f"a period label is text such as '2026-10' or '2026-Q3'; got the number {value!r}: "
            "write it in quotes, exactly as the period is named"
        )
    return value


PeriodLabel = Annotated[str, BeforeValidator(_period_label), Field(min_length=1)]
"""A period label; a year or a date written without quotes in YAML is read as its text."""


class Kind(ForgivingEnum):
    """Leading indicators predict results; lagging ones report them."""

    LEADING = "leading"
    LAGGING = "lagging"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """``lead`` and ``lag`` as short forms."""
        return {"lead": "leading", "lag": "lagging"}


class Frequency(ForgivingEnum):
    """How often a measure is reported."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """Common alternative words."""
        return {
            "week": "weekly",
            "month": "monthly",
            "quarter": "quarterly",
            "annual": "yearly",
            "annually": "yearly",
            "year": "yearly",
        }


class Person(Model):
    """Someone who owns measures, initiatives or actions."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    email: str | None = None
    aliases: list[Name] = Field(default_factory=list)
    """Other names people type for this person (``maria``, ``MG``); matched ignoring case."""

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return parse_email(value)

    def answers_to(self, typed: str) -> bool:
        """Whether a typed name is this person's name or one of their aliases (any case)."""
        return answers_to(typed, self.name, self.aliases)


class PeriodValue(Model):
    """One period of a measure: actual, target and the owner's commentary."""

    model_config = ConfigDict(extra="forbid")

    period: PeriodLabel
    """A label such as ``2026-10``, ``2026-Q3`` or ``2026-W42``, in reporting order."""
    actual: Number = None
    target: Number = None
    target_label: str = ""
    """A target written in words (``Maintain``, ``Establish baseline``), shown as written;
    a measure with one has no numeric target to score against."""
    target_low: Number = None
    """Lower end of the target range, for measures that must stay within a range."""
    target_high: Number = None
    analysis: str = ""
    """The owner's explanation of the result."""
    recommendation: str = ""
    """What the owner proposes to do about it."""

    @model_validator(mode="before")
    @classmethod
    def _target_in_words(cls, value: Any) -> Any:
        if isinstance(value, dict) and is_words(value.get("target")):
            return {**value, "target": None, "target_label": str(value["target"]).strip()}
        return value


class MeasureStatus(Model):
    """A measure's own status rules: another scheme, basis or bands than the scorecard's."""

    model_config = ConfigDict(extra="forbid")

    scheme: str | None = None
    basis: Basis | None = None
    bands: dict[str, Interval] | None = None
    """Band per level key, e.g. ``{on_track: ">=40", at_risk: "30..<40", off_track: "<30"}``."""

    @model_validator(mode="before")
    @classmethod
    def _scheme_alone(cls, value: Any) -> Any:
        # ``status: four_level`` is short for ``status: {scheme: four_level}``.
        return {"scheme": value} if isinstance(value, str) else value

    @field_validator("bands", mode="before")
    @classmethod
    def _parse_bands(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: parse_interval(v) if isinstance(v, str) else v for k, v in value.items()}
        return value


class Measure(Model):
    """A KPI: what is measured, who owns it, which way is good, and its series of periods."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: Name
    description: str = ""
    owner: Name | None = None
    unit: str = ""
    polarity: Polarity = Polarity.HIGHER_IS_BETTER
    kind: Kind = Kind.LAGGING
    frequency: Frequency | None = None
    """Defaults to the scorecard's frequency."""
    series: list[PeriodValue] = Field(default_factory=list)
    status: MeasureStatus | None = None

    def period(self, label: str) -> PeriodValue | None:
        """The value for one period, if the series has it."""
        for value in self.series:
            if value.period == label:
                return value
        return None

    def in_order(self, until: str | None = None) -> list[PeriodValue]:
        """The series in calendar order (row order for labels that are not periods we can
        read), up to and including ``until`` when given."""
        order = {
            label: i for i, label in enumerate(in_calendar_order(v.period for v in self.series))
        }
        ordered = sorted(self.series, key=lambda value: order[value.period])
        if until is not None and until in order:
            ordered = [v for v in ordered if order[v.period] <= order[until]]
        return ordered


class Objective(Model):
    """A strategic objective inside a perspective, measured by one or more measures."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    measures: list[Measure] = Field(default_factory=list)


class Perspective(Model):
    """A Balanced Scorecard perspective (financial, customer, process, people) or any other."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    objectives: list[Objective] = Field(default_factory=list)


class Money(Model):
    """An amount in a currency, e.g. a budget."""

    model_config = ConfigDict(extra="forbid")

    amount: Decimal = Field(ge=0)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")

    @classmethod
    def parse(cls, text: str | float, default_currency: str = "USD") -> Money:
        """Read ``$250k``, ``EUR 1.2M`` or ``40000`` as money."""
        parsed = parse_amount(text)
        if parsed.value is None:
            raise ValueError("expected an amount such as $250k or EUR 1.2M; got a blank")
        return cls(amount=parsed.value, currency=parsed.currency or default_currency)

    def __str__(self) -> str:
        return f"{self.currency} {format_compact(self.amount)}"


class Initiative(Model):
    """A funded project meant to move one or more measures."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: Name
    owner: Name | None = None
    budget: Money | None = None
    measures: list[str] = Field(default_factory=list)
    """Ids of the measures this initiative should move."""

    @field_validator("budget", mode="before")
    @classmethod
    def _parse_budget(cls, value: Any) -> Any:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return Money.parse(value)
        return value


class Scorecard(Model):
    """The set of measures for one review period, grouped by perspective and objective."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: Name
    organisation: str = ""
    frequency: Frequency = Frequency.MONTHLY
    period: PeriodLabel | None = None
    """The period under review; defaults to the latest period with any actual."""
    default_scheme: str = DEFAULT_SCHEME
    status_schemes: dict[str, StatusScheme] = Field(default_factory=dict)
    """Schemes defined by this scorecard, beside the presets (three_level, four_level...)."""
    perspectives: list[Perspective] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)

    def measures(self) -> Iterator[tuple[Perspective, Objective, Measure]]:
        """Every measure with its perspective and objective, in scorecard order."""
        for perspective in self.perspectives:
            for objective in perspective.objectives:
                for measure in objective.measures:
                    yield perspective, objective, measure

    def measure(self, measure_id: str) -> Measure | None:
        """The measure with this id, if any."""
        return next((m for _, _, m in self.measures() if m.id == measure_id), None)

    def periods(self) -> list[str]:
        """All period labels in calendar order (first-seen order if some are unreadable)."""
        return in_calendar_order(v.period for _, _, m in self.measures() for v in m.series)

    def review_period(self) -> str | None:
        """The period under review: the declared one, else the latest with an actual (the
        latest in time: rows for Q2, Q3 and then Q1 review Q3)."""
        if self.period:
            return self.period
        with_actuals = {
            v.period for _, _, m in self.measures() for v in m.series if v.actual is not None
        }
        candidates = [p for p in self.periods() if p in with_actuals]
        return candidates[-1] if candidates else None

    def scheme_named(self, name: str) -> StatusScheme | None:
        """A scheme defined here or a preset."""
        return self.status_schemes.get(name) or PRESET_SCHEMES.get(name)

    def scheme_for(self, measure: Measure) -> StatusScheme:
        """The status scheme that applies to one measure, with its own bands if it has any."""
        override = measure.status or MeasureStatus()
        default = "range" if measure.polarity is Polarity.WITHIN_RANGE else self.default_scheme
        scheme = self.scheme_named(override.scheme or default) or PRESET_SCHEMES[DEFAULT_SCHEME]
        if override.bands:
            if override.scheme is None and set(override.bands) != {x.key for x in scheme.levels}:
                return scheme_from_bands(override.bands, override.basis or scheme.basis)
            return scheme.with_bands(override.bands, override.basis)
        if override.basis:
            return revised(scheme, basis=override.basis)
        return scheme

    def status_of(self, measure: Measure, period: str | None = None) -> StatusLevel:
        """The measure's status for a period (default: the review period)."""
        label = period or self.review_period()
        value = measure.period(label) if label else None
        return status_for(measure, value, self.scheme_for(measure))

    def with_history_from(self, older: Scorecard) -> tuple[Scorecard, int]:
        """This scorecard with the periods ``older`` has and this one lacks, per measure id.

        Importing next month's file (one new period, same measure ids) keeps each measure's
        history for trends, history and report; a period in both files takes this one's
        values (a corrected file wins). Returns the merged card and how many periods it kept.
        """
        earlier = {m.id: m for _, _, m in older.measures()}
        kept = 0

        def merged(measure: Measure) -> Measure:
            nonlocal kept
            have = {value.period for value in measure.series}
            before = earlier.get(measure.id)
            extra = [v for v in (before.series if before else []) if v.period not in have]
            kept += len(extra)
            return measure.model_copy(update={"series": extra + measure.series})

        # Both cards are validated, so copying (not re-validating) keeps this linear and
        # cheap on a 100,000-row scorecard.
        perspectives = [
            p.model_copy(
                update={
                    "objectives": [
                        o.model_copy(update={"measures": [merged(m) for m in o.measures]})
                        for o in p.objectives
                    ]
                }
            )
            for p in self.perspectives
        ]
        return self.model_copy(update={"perspectives": perspectives}), kept

    def person(self, typed: str) -> Person | None:
        """The person a typed name or alias refers to (any case)."""
        return next((p for p in self.people if p.answers_to(typed)), None)

    def initiatives_for(self, measure_id: str) -> list[Initiative]:
        """The initiatives linked to a measure."""
        return [i for i in self.initiatives if measure_id in i.measures]
