"""The agenda: open-actions review, then measures, then the parking lot and the wrap-up.

Timeboxes are whole seconds that add up exactly to the meeting's length, so the champion
can trust "12:00 left" on the wall. Measures that need a discussion (off track, at risk)
get more time than measures that are on track.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from reviewtui.domain.agenda_terms import AgendaKind, AgendaOrder, ItemProgress
from reviewtui.domain.model import Model
from reviewtui.domain.scorecard import Measure, Scorecard
from reviewtui.domain.status import StatusLevel, StatusScheme


class AgendaItem(Model):
    """One agenda item with its timebox and the time used on it so far."""

    model_config = ConfigDict(validate_assignment=True)

    key: str
    """Stable key: ``open-actions``, ``measure:FIN-01``, ``parking-lot``, ``wrap-up``."""
    kind: AgendaKind
    title: str
    measure_id: str | None = None
    timebox_seconds: int = Field(ge=0)
    used_seconds: float = Field(default=0, ge=0)
    progress: ItemProgress = ItemProgress.PENDING
    carried_from: str | None = None
    """The earlier meeting that skipped this measure or did not reach it (``M-3``)."""

    @property
    def overrun_seconds(self) -> float:
        """Seconds beyond the timebox (0 while within it)."""
        return max(0.0, self.used_seconds - self.timebox_seconds)


WEIGHT_BY_BADNESS = (1.0, 1.5, 2.5)
"""Relative time for a measure whose status is good, in between, or the worst level."""
SLOT = 15
"""Timeboxes are multiples of 15 seconds (except for rounding on the last items)."""


def badness(level: StatusLevel, scheme: StatusScheme) -> float:
    """0 for the best level, 1 for the worst, 0.5 for no data (worth asking why)."""
    keys = [lvl.key for lvl in scheme.levels]
    if level.key not in keys or len(keys) < 2:
        return 0.5
    return keys.index(level.key) / (len(keys) - 1)


def is_worst(level: StatusLevel, scheme: StatusScheme) -> bool:
    """Whether a level is its scheme's worst (off track, red, not met...)."""
    return bool(scheme.levels) and scheme.levels[-1].key == level.key


def build_agenda(
    scorecard: Scorecard,
    length_minutes: int,
    open_actions: int,
    order: AgendaOrder = AgendaOrder.EXCEPTIONS_FIRST,
    period: str | None = None,
) -> list[AgendaItem]:
    """The agenda for one review of ``scorecard``, timeboxes adding up to the length."""
    measures = ordered_measures(scorecard, order, period)
    seconds = timeboxes([bad for bad, _ in measures], length_minutes * 60, open_actions)
    items = [
        AgendaItem(
            key="open-actions",
            kind=AgendaKind.OPEN_ACTIONS,
            title=f"Open actions from earlier meetings ({open_actions})",
            timebox_seconds=seconds[0],
        )
    ]
    items += [
        AgendaItem(
            key=f"measure:{measure.id}",
            kind=AgendaKind.MEASURE,
            title=measure.name,
            measure_id=measure.id,
            timebox_seconds=box,
        )
        for (_, measure), box in zip(measures, seconds[1:-2], strict=True)
    ]
    items.append(
        AgendaItem(
            key="parking-lot",
            kind=AgendaKind.PARKING_LOT,
            title="Parking lot",
            timebox_seconds=seconds[-2],
        )
    )
    items.append(
        AgendaItem(
            key="wrap-up", kind=AgendaKind.WRAP_UP, title="Wrap-up", timebox_seconds=seconds[-1]
        )
    )
    return items


def ordered_measures(
    scorecard: Scorecard, order: AgendaOrder, period: str | None
) -> list[tuple[float, Measure]]:
    """Each measure with its badness, worst first (or in scorecard order)."""
    found = []
    for position, (_, _, measure) in enumerate(scorecard.measures()):
        level = scorecard.status_of(measure, period)
        found.append((badness(level, scorecard.scheme_for(measure)), position, measure))
    if order is AgendaOrder.EXCEPTIONS_FIRST:
        found.sort(key=lambda entry: (-entry[0], entry[1]))
    return [(bad, measure) for bad, _, measure in found]


def untimed_measures(agenda: list[AgendaItem]) -> int:
    """Measures the agenda gives no time of their own: too many for the meeting's length
    (timeboxes are whole slots of :data:`SLOT` seconds)."""
    return sum(1 for item in agenda if item.kind is AgendaKind.MEASURE and not item.timebox_seconds)


def length_timing_every_measure(
    scorecard: Scorecard,
    order: AgendaOrder,
    period: str | None,
    open_actions: int,
    minutes: range,
) -> int | None:
    """The first length in ``minutes`` whose agenda gives every measure some time; None
    when none does."""
    badness_of_measures = [bad for bad, _ in ordered_measures(scorecard, order, period)]
    for length in minutes:
        if all(timeboxes(badness_of_measures, length * 60, open_actions)[1:-2]):
            return length
    return None


def timeboxes(badness_of_measures: list[float], total: int, open_actions: int) -> list[int]:
    """Seconds for: the open-actions review, each measure, the parking lot, the wrap-up.

    The fixed items get a share of the length; the measures split the rest by badness.
    """
    opening = min(total * 0.15, 60 + 30 * open_actions)
    parking, closing = max(120, total * 0.08), max(180, total * 0.08)
    measure_share = max(0.0, total - opening - parking - closing)
    weight_sum = sum(_weight(bad) for bad in badness_of_measures) or 1.0
    weights = [
        opening,
        *(measure_share * _weight(bad) / weight_sum for bad in badness_of_measures),
        parking,
        closing,
    ]
    return _apportion(weights, total)


def _weight(bad: float) -> float:
    if bad >= 1:
        return WEIGHT_BY_BADNESS[2]
    return WEIGHT_BY_BADNESS[1] if bad > 0 else WEIGHT_BY_BADNESS[0]


def _apportion(weights: list[float], total: int) -> list[int]:
    """Whole seconds in SLOT steps proportional to ``weights``, summing exactly to ``total``.

    Largest-remainder rounding: floor every share to a slot, then hand the slots left over
    to the largest remainders; any seconds that are not a whole slot go to the last item.
    """
    weight_sum = sum(weights)
    if weight_sum <= 0:
        return [0] * (len(weights) - 1) + [total]
    slots_total, extra = divmod(total, SLOT)
    shares = [w / weight_sum * slots_total for w in weights]
    slots = [int(share) for share in shares]
    leftovers = slots_total - sum(slots)
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - slots[i], reverse=True)
    for index in by_remainder[:leftovers]:
        slots[index] += 1
    result = [s * SLOT for s in slots]
    result[-1] += extra
    return result
