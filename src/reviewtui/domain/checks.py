"""Cross-reference checks on a whole scorecard, reporting every problem at once.

Pydantic checks each field; this module checks what only the whole scorecard knows:
duplicate ids, owners missing from the people list, initiatives linked to measures that
do not exist, unknown status schemes, and bands that do not fit their scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewtui.domain.rules import closest
from reviewtui.domain.scorecard import Measure, Scorecard
from reviewtui.domain.status import Polarity

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem at a path inside the scorecard model (mapped to a row or line by importers)."""

    path: Path
    field: str
    message: str


def suggest(typed: str, known: list[str]) -> str:
    """A ``did you mean`` hint for a mistyped name, or ``""``."""
    close = closest(typed, known)
    return f" (did you mean {close!r}?)" if close else ""


def check_scorecard(scorecard: Scorecard) -> list[Finding]:
    """Every cross-reference problem in the scorecard, in file order."""
    findings: list[Finding] = []
    names = [n for p in scorecard.people for n in (p.name, *p.aliases)]
    if scorecard.scheme_named(scorecard.default_scheme) is None:
        name = scorecard.default_scheme
        findings.append(_unknown_scheme(("default_scheme",), "default_scheme", name, scorecard))
    seen: dict[str, Path] = {}
    for p_index, perspective in enumerate(scorecard.perspectives):
        for o_index, objective in enumerate(perspective.objectives):
            for m_index, measure in enumerate(objective.measures):
                path: Path = ("perspectives", p_index, "objectives", o_index, "measures", m_index)
                if measure.id in seen:
                    findings.append(
                        Finding(
                            path, "id", f"duplicate measure id {measure.id!r}; ids must be unique"
                        )
                    )
                seen.setdefault(measure.id, path)
                findings += _check_measure(scorecard, measure, path, names)
    initiative_ids: set[str] = set()
    for i_index, initiative in enumerate(scorecard.initiatives):
        path = ("initiatives", i_index)
        if initiative.id in initiative_ids:
            findings.append(Finding(path, "id", f"duplicate initiative id {initiative.id!r}"))
        initiative_ids.add(initiative.id)
        if initiative.owner and names and scorecard.person(initiative.owner) is None:
            findings.append(_unknown_owner(path, initiative.owner, names))
        for linked in initiative.measures:
            if linked not in seen:
                findings.append(
                    Finding(
                        path,
                        "measures",
                        f"unknown measure id {linked!r}" + suggest(linked, list(seen)),
                    )
                )
    if scorecard.period and scorecard.period not in scorecard.periods():
        findings.append(
            Finding(
                ("period",), "period", f"period {scorecard.period!r} is not in any measure's series"
            )
        )
    return findings


def _check_measure(
    scorecard: Scorecard, measure: Measure, path: Path, names: list[str]
) -> list[Finding]:
    findings: list[Finding] = []
    if measure.owner and names and scorecard.person(measure.owner) is None:
        findings.append(_unknown_owner(path, measure.owner, names))
    periods: set[str] = set()
    for v_index, value in enumerate(measure.series):
        if value.period in periods:
            findings.append(
                Finding(
                    (*path, "series", v_index), "period", f"period {value.period!r} appears twice"
                )
            )
        periods.add(value.period)
    if (
        measure.polarity is Polarity.WITHIN_RANGE
        and measure.series
        and not any(v.target_low is not None or v.target_high is not None for v in measure.series)
    ):
        findings.append(
            Finding(
                path, "target_low", "a within-range measure needs target_low and/or target_high"
            )
        )
    if measure.status:
        name = measure.status.scheme
        if name and scorecard.scheme_named(name) is None:
            findings.append(_unknown_scheme((*path, "status"), "scheme", name, scorecard))
        else:
            try:
                scorecard.scheme_for(measure)
            except ValueError as error:
                findings.append(Finding((*path, "status"), "bands", str(error).splitlines()[-1]))
    return findings


def _unknown_owner(path: Path, owner: str, names: list[str]) -> Finding:
    return Finding(
        path, "owner", f"unknown owner {owner!r}: not in the people list{suggest(owner, names)}"
    )


def _unknown_scheme(path: Path, field: str, name: str, scorecard: Scorecard) -> Finding:
    from reviewtui.domain.presets import PRESET_SCHEMES

    known = sorted({*PRESET_SCHEMES, *scorecard.status_schemes})
    return Finding(path, field, f"unknown status scheme {name!r}; known: {', '.join(known)}")
