"""The export formats, by the name ``--format`` takes (kept light: the CLI imports it)."""

FORMATS = ("md", "html", "csv", "ics", "eml", "json")
