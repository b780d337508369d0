"""Flat tables (CSV/XLSX rows, one per measure-period) folded into a nested scorecard.

Headers are matched ignoring case, spaces, hyphens and a few common synonyms; see
``docs/scorecard-formats.md`` for the columns. Every problem is reported with its
spreadsheet row (the header is row 1) and column name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import ValidationError

from reviewtui.domain.checks import Finding, check_scorecard
from reviewtui.domain.numbers import NumberFormatError, is_words, parse_amount
from reviewtui.domain.scorecard import (
    ID_PATTERN,
    Frequency,
    Kind,
    Measure,
    MeasureStatus,
    Objective,
    PeriodValue,
    Person,
    Perspective,
    Scorecard,
    slugify,
)
from reviewtui.domain.status import Basis, Polarity
from reviewtui.domain.text import clean_name
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.importers.columns import (
    MEASURE_FIELDS,
    REQUIRED,
    Cell,
    guess_frequency,
    most_common_frequency,
    normalise_header,
    parse_bands,
    split_goal,
)
from reviewtui.importers.initiatives import InitiativeDrafts
from reviewtui.importers.schemes import TableSchemes
from reviewtui.importers.wide import is_wide, unfold

PROGRESS_EVERY = 1000
NAME_COLUMNS = ("perspective", "objective", "measure", "owner", "initiative", "initiative_owner")
"""Columns that hold names: one line, not blank, no control characters."""


@dataclass
class _MeasureDraft:
    first_row: int
    name: str
    attributes: dict[str, str] = field(default_factory=dict)
    attribute_rows: dict[str, int] = field(default_factory=dict)
    series: list[PeriodValue] = field(default_factory=list)
    period_rows: dict[str, int] = field(default_factory=dict)


class _TableReader:
    """Accumulates rows into drafts, collecting problems instead of stopping at the first."""

    def __init__(self, source: str, schemes: TableSchemes, wide: bool = False) -> None:
        self.source = source
        self.schemes = schemes
        self.wide = wide
        self.problems: list[Problem] = []
        self.measures: dict[str, _MeasureDraft] = {}
        self.initiatives = InitiativeDrafts(self.problem)
        self.emails: dict[str, tuple[str, int]] = {}
        self.owners: dict[str, None] = {}

    def problem(self, row: int | None, column: str, message: str) -> None:
        self.problems.append(Problem(self.source, f"row {row}" if row else "", column, message))

    def read_header(self, row: int, cells: Sequence[Cell]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            key = normalise_header(cell)
            if not key:
                continue
            if key in columns:
                self.problem(row, key, f"column {key!r} appears twice in the header")
            columns.setdefault(key, index)
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            self.problem(
                row,
                ", ".join(missing),
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                f"a scorecard table needs {', '.join(REQUIRED)} (see docs/scorecard-formats.md)",
            )
            return None
        return columns

    def read_row(self, row: int, values: dict[str, str], raw: dict[str, Cell]) -> None:
        for column in ("perspective", "objective", "measure", "period"):
            if not values.get(column):
                self.problem(row, column, f"{column} is blank; every row needs one")
        if any(not values.get(c) for c in ("perspective", "objective", "measure", "period")):
            return
        for column in NAME_COLUMNS:
            if values.get(column):
                try:
                    values[column] = clean_name(values[column])
                except ValueError as error:
                    self.problem(row, column, str(error))
                    return
        name, period = values["measure"], values["period"]
        measure_id = values.get("measure_id") or slugify(name)
        if not re.fullmatch(ID_PATTERN, measure_id):
            self.problem(
                row, "measure_id", f"expected letters, digits, '-', '_' or '.'; got {measure_id!r}"
            )
            return
        if not self._read_goal(row, values, raw):
            return
        draft = self.measures.get(measure_id)
        if draft is None:
            draft = self.measures[measure_id] = _MeasureDraft(first_row=row, name=name)
        elif draft.name != name:
            self.problem(
                row,
                "measure_id",
                f"duplicate measure id {measure_id!r}: row {draft.first_row} uses it for "
                f"{draft.name!r}, this row for {name!r}",
            )
            return
        self._merge_attributes(draft, row, values)
        if period in draft.period_rows:
            self.problem(
                row,
                "period",
                f"{name!r} already has period {period!r} at row {draft.period_rows[period]}",
            )
            return
        draft.period_rows[period] = row
        draft.series.append(self._period_value(row, period, values, raw))
        self._read_people(row, values)
        self.initiatives.read(row, values, measure_id)

    def _period_value(
        self, row: int, period: str, values: dict[str, str], raw: dict[str, Cell]
    ) -> PeriodValue:
        numbers: dict[str, Decimal | None] = {}
        in_words = is_words(raw.get("target"))  # "Maintain": kept as written, not a number
        for column in ("actual", "target", "target_low", "target_high"):
            if column == "target" and in_words:
                continue
            try:
                numbers[column] = parse_amount(raw.get(column)).value
            except NumberFormatError as error:
                self.problem(
                    row, period if self.wide and column == "actual" else column, str(error)
                )
        return PeriodValue(
            period=period,
            analysis=values.get("analysis", ""),
            recommendation=values.get("recommendation", ""),
            target_label=values.get("target", "") if in_words else "",
            **numbers,
        )

    def _read_goal(self, row: int, values: dict[str, str], raw: dict[str, Cell]) -> bool:
        """Read a goal written with its direction (``>= 50``, ``< 5``): the number is the
        target, the sign the polarity, which must agree with a polarity given beside it."""
        written = values.get("target", "")
        implied, number = split_goal(raw.get("target"))
        if implied is None:
            return True
        raw["target"] = number
        values["target"] = str(number)
        given = values.get("polarity", "")
        try:
            same = not given or Polarity(given) is Polarity(implied)
        except ValueError:
            same = True  # the polarity's own problem is reported when the measure is built
        if not same:
            self.problem(
                row,
                "target",
                f"the goal {written!r} says {implied} is better, but polarity is {given!r}",
            )
            return False
        values["polarity"] = given or implied
        return True

    def _merge_attributes(self, draft: _MeasureDraft, row: int, values: dict[str, str]) -> None:
        for column in MEASURE_FIELDS:
            value = values.get(column, "")
            if not value:
                continue
            known = draft.attributes.get(column)
            if known is None:
                draft.attributes[column] = value
                draft.attribute_rows[column] = row
            elif known != value:
                self.problem(
                    row,
                    column,
                    f"{draft.name!r} has {column} {known!r} at row {draft.attribute_rows[column]} "
                    f"but {value!r} here; a measure's {column} must be the same on every row",
                )

    def _read_people(self, row: int, values: dict[str, str]) -> None:
        for name_column, email_column in (("owner", "owner_email"), ("initiative_owner", "")):
            owner = values.get(name_column, "")
            if not owner:
                continue
            self.owners.setdefault(owner, None)
            email = values.get(email_column, "") if email_column else ""
            if not email:
                continue
            try:
                email = Person(name=owner, email=email).email or ""
            except ValidationError as error:
                self.problem(
                    row, email_column, error.errors()[0]["msg"].removeprefix("Value error, ")
                )
                continue
            known = self.emails.get(owner.casefold())
            if known and known[0].casefold() != email.casefold():
                self.problem(
                    row,
                    "owner_email",
                    f"{owner!r} has email {known[0]!r} at row {known[1]} but {email!r} here",
                )
            else:
                self.emails.setdefault(owner.casefold(), (email, row))

    def build(self, name: str) -> Scorecard | None:
        perspectives: dict[str, dict[str, list[Measure]]] = {}
        measure_rows: dict[str, int] = {}
        for measure_id, draft in self.measures.items():
            measure = self._build_measure(measure_id, draft)
            if measure is None:
                continue
            measure_rows[measure_id] = draft.first_row
            a = draft.attributes
            perspectives.setdefault(a["perspective"], {}).setdefault(a["objective"], []).append(
                measure
            )
        initiatives = [
            i
            for i in (self.initiatives.build(k, d) for k, d in self.initiatives.drafts.items())
            if i
        ]
        people = [
            Person(name=o, email=self.emails.get(o.casefold(), ("", 0))[0] or None)
            for o in self.owners
        ]
        if self.problems:
            return None
        frequencies = [m.frequency for o in perspectives.values() for ms in o.values() for m in ms]
        scorecard = Scorecard(
            id=slugify(name),
            name=name.replace("_", " ").replace("-", " ").strip().title() or "Scorecard",
            frequency=most_common_frequency(frequencies),
            perspectives=[
                Perspective(
                    name=p_name,
                    objectives=[
                        Objective(name=o_name, measures=ms) for o_name, ms in objectives.items()
                    ],
                )
                for p_name, objectives in perspectives.items()
            ],
            initiatives=initiatives,
            people=people,
            status_schemes=self.schemes.schemes,
            default_scheme=self.schemes.default,
        )
        for finding in check_scorecard(scorecard):
            self.problem(
                self._row_of(finding, scorecard, measure_rows), finding.field, finding.message
            )
        return None if self.problems else scorecard

    def _row_of(
        self, finding: Finding, scorecard: Scorecard, measure_rows: dict[str, int]
    ) -> int | None:
        path = finding.path
        if path[:1] == ("perspectives",) and len(path) >= 6:
            _, p, _, o, _, m = path[:6]
            assert isinstance(p, int) and isinstance(o, int) and isinstance(m, int)
            measure = scorecard.perspectives[p].objectives[o].measures[m]
            return measure_rows.get(measure.id)
        if path[:1] == ("initiatives",) and len(path) >= 2 and isinstance(path[1], int):
            initiative = scorecard.initiatives[path[1]]
            draft = self.initiatives.drafts.get(initiative.id)
            return draft.first_row if draft else None
        return None

    def _build_measure(self, measure_id: str, draft: _MeasureDraft) -> Measure | None:
        a = draft.attributes
        fields: dict[str, object] = {"id": measure_id, "name": draft.name, "series": draft.series}
        fields["owner"] = a.get("owner") or None
        fields["unit"] = a.get("unit", "")
        fields["description"] = a.get("description", "")
        for column, enum, default in (
            ("polarity", Polarity, Polarity.HIGHER_IS_BETTER),
            ("kind", Kind, Kind.LAGGING),
            ("frequency", Frequency, None),
        ):
            text = a.get(column)
            try:
                fields[column] = enum(text) if text else (default or guess_frequency(draft.series))
            except ValueError:
                choices = enum.choices()
                self.problem(
                    draft.attribute_rows.get(column),
                    column,
                    f"expected {choices}; got {text!r}",
                )
        status = self._build_status(draft)
        if status:
            fields["status"] = status
        try:
            return Measure.model_validate(fields)
        except ValidationError as error:
            for detail in error.errors():
                column = str(detail["loc"][0]) if detail["loc"] else ""
                self.problem(draft.first_row, column, detail["msg"].removeprefix("Value error, "))
            return None

    def _build_status(self, draft: _MeasureDraft) -> MeasureStatus | None:
        a = draft.attributes
        if not any(a.get(c) for c in ("status_scheme", "status_basis", "status_bands")):
            return None
        try:
            basis = Basis(a["status_basis"]) if a.get("status_basis") else None
        except ValueError:
            self.problem(
                draft.attribute_rows["status_basis"],
                "status_basis",
                f"expected {Basis.choices()}; got {a['status_basis']!r}",
            )
            return None
        bands = None
        if a.get("status_bands"):
            try:
                bands = parse_bands(a["status_bands"])
            except ValueError as error:
                self.problem(draft.attribute_rows["status_bands"], "status_bands", str(error))
                return None
        return MeasureStatus(scheme=a.get("status_scheme") or None, basis=basis, bands=bands)


def rows_to_scorecard(
    source: str,
    name: str,
    rows: list[tuple[int, list[Cell]]],
    schemes: TableSchemes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Scorecard:
    """Fold numbered rows (the first is the header) into a scorecard or raise every problem.

    ``schemes`` are the status schemes the file defines beside its rows (a scheme sheet or
    a companion file); ``progress`` hears (rows read, rows in all) every thousand rows."""
    if not rows:
        raise InvalidInputError(
            [Problem(source, "", "", "the file is empty; expected a header row")]
        )
    reader = _TableReader(source, schemes or TableSchemes(), wide=is_wide(rows[0][1]))
    if reader.wide:
        rows, wide_problems = unfold(rows)
        for row, column, message in wide_problems:
            reader.problem(row, column, message)
    header_row, header = rows[0]
    columns = reader.read_header(header_row, header)
    if columns is None:
        raise InvalidInputError(reader.problems)
    if len(rows) == 1:
        raise InvalidInputError([Problem(source, "row 2", "", "no data rows after the header")])
    total = len(rows) - 1
    for done, (row, cells) in enumerate(rows[1:]):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        raw = {c: cells[i] if i < len(cells) else None for c, i in columns.items()}
        values = {c: _text(v) for c, v in raw.items()}
        reader.read_row(row, values, raw)
    if progress is not None:
        progress(total, total)
    scorecard = reader.build(name)
    if scorecard is None:
        raise InvalidInputError(reader.problems)
    return scorecard


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
