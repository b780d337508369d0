"""Schemes every scorecard can name (three_level, four_level, traffic_light, range) and
schemes made from a measure's bands alone (``met: >=100; not_met: <100``)."""

from __future__ import annotations

from reviewtui.domain.status import Basis, Interval, StatusLevel, StatusScheme, parse_interval


def _level(key: str, name: str, symbol: str, color: str, when: str) -> StatusLevel:
    return StatusLevel(key=key, name=name, symbol=symbol, color=color, when=parse_interval(when))


PRESET_SCHEMES: dict[str, StatusScheme] = {
    "three_level": StatusScheme(
        name="On track / at risk / off track",
        levels=[
            _level("on_track", "On track", "✔", "success", ">=100"),
            _level("at_risk", "At risk", "▲", "warning", "90..<100"),
            _level("off_track", "Off track", "✖", "error", "<90"),
        ],
    ),
    "four_level": StatusScheme(
        name="Exceeded / met / slightly below / not met",
        levels=[
            _level("exceeded", "Exceeded", "★", "accent", ">125"),
            _level("met", "Met", "✔", "success", "100..125"),
            _level("slightly_below", "Slightly below", "▼", "warning", "95..<100"),
            _level("not_met", "Not met", "✖", "error", "<95"),
        ],
    ),
    "traffic_light": StatusScheme(
        name="Green / amber / red",
        levels=[
            _level("green", "Green", "●", "success", ">=100"),
            _level("amber", "Amber", "◆", "warning", "90..<100"),
            _level("red", "Red", "■", "error", "<90"),
        ],
    ),
    "range": StatusScheme(
        name="Within range",
        basis=Basis.RANGE,
        levels=[
            _level("on_track", "On track", "✔", "success", "<=0"),
            _level("at_risk", "At risk", "▲", "warning", ">0 and <=10"),
            _level("off_track", "Off track", "✖", "error", ">10"),
        ],
    ),
}
"""Schemes every scorecard can name without defining them."""

DEFAULT_SCHEME = "three_level"


KNOWN_LEVELS: dict[str, tuple[str, str, str]] = {
    "exceeded": ("Exceeded", "★", "accent"),
    "on_track": ("On track", "✔", "success"),
    "met": ("Met", "✔", "success"),
    "green": ("Green", "●", "success"),
    "at_risk": ("At risk", "▲", "warning"),
    "slightly_below": ("Slightly below", "▼", "warning"),
    "amber": ("Amber", "◆", "warning"),
    "off_track": ("Off track", "✖", "error"),
    "not_met": ("Not met", "✖", "error"),
    "red": ("Red", "■", "error"),
}
"""Name, symbol and colour of level keys people use, for schemes given by bands alone."""


def scheme_from_bands(bands: dict[str, Interval], basis: Basis) -> StatusScheme:
    """A scheme made of just these bands, best first as written: ``met: >=100; not_met:
    <100`` is a two-level scheme. Unknown keys get a name from the key and, by rank, the
    symbol and colour of the best (✔), worst (✖) or an in-between (▲) level."""
    levels = []
    keys = list(bands)
    for rank, key in enumerate(keys):
        position = "best" if rank == 0 else "worst" if rank == len(keys) - 1 else "middle"
        default = {
            "best": ("", "✔", "success"),
            "middle": ("", "▲", "warning"),
            "worst": ("", "✖", "error"),
        }[position]
        name, symbol, color = KNOWN_LEVELS.get(key, default)
        levels.append(
            StatusLevel(
                key=key,
                name=name or key.replace("_", " ").capitalize(),
                symbol=symbol,
                color=color,
                when=bands[key],
            )
        )
    return StatusScheme(name=" / ".join(level.name for level in levels), basis=basis, levels=levels)
