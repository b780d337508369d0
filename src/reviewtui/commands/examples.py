"""Each command's one-line summary (as ``reviewtui --help`` lists it, whole) and the
examples its own ``--help`` ends with: kept in one table so they read alike."""

from __future__ import annotations

import click

HELP: dict[str, tuple[str, list[str]]] = {
    "validate": (
        "Check scorecard files and list every problem.",
        ["reviewtui validate kpis.xlsx --sheet 'Q3 2026'", "reviewtui validate - < kpis.csv"],
    ),
    "import": (
        "Import or re-import a scorecard into the data dir.",
        ["reviewtui import acme-2026-10.csv", "reviewtui import - --as acme < kpis.csv"],
    ),
    "status": (
        "Open actions across meetings, overdue first.",
        ["reviewtui status --me", "reviewtui status --owner maria --overdue --json"],
    ),
    "action": (
        "Add, close, re-date and list actions from the shell.",
        ["reviewtui action add 'Call the bank' --owner maria --due fri"],
    ),
    "action add": (
        "Add an action.",
        ["reviewtui action add 'Call the bank' --owner maria --due fri --measure FIN-05"],
    ),
    "action list": (
        "List actions with filters.",
        ["reviewtui action list --status done --owner priya --csv"],
    ),
    "action import": (
        "Import actions from followups.csv or taskwarrior.",
        ["task export | reviewtui action import -", "reviewtui action import followups.csv"],
    ),
    "action done": (
        "Mark an action done.",
        ["reviewtui action done A-142 --note 'sent to the board'"],
    ),
    "action drop": (
        "Drop an action (it will not be done).",
        ["reviewtui action drop A-142 --note 'superseded'"],
    ),
    "action reopen": ("Open a done or dropped action again.", ["reviewtui action reopen A-142"]),
    "action redate": (
        "Give an action a new due date.",
        ["reviewtui action redate A-142 'next fri' --note 'waiting for figures'"],
    ),
    "action reassign": (
        "Give an action to someone else.",
        ["reviewtui action reassign A-142 priya"],
    ),
    "action reword": (
        "Change what an action says.",
        ["reviewtui action reword A-142 'Call both banks'"],
    ),
    "action link": (
        "Link an action to a measure.",
        ["reviewtui action link A-142 FIN-05", "reviewtui action link A-142 --none"],
    ),
    "meeting": ("Plan, run and list review meetings.", ["reviewtui meeting new acme --length 45"]),
    "meeting new": (
        "Plan a meeting and print its id.",
        [
            "reviewtui meeting new acme-2026-10.csv --date 2026-12-01",
            "reviewtui meeting new acme --period 2026-09",
        ],
    ),
    "meeting run": (
        "Open a meeting in the app.",
        ["reviewtui meeting run", "reviewtui meeting run M-3 --theme projector --overview"],
    ),
    "meeting list": ("List meetings, newest first.", ["reviewtui meeting list --json"]),
    "meeting show": (
        "A meeting's agenda, reviews and captures.",
        ["reviewtui meeting show M-3", "reviewtui meeting show M-3 --json"],
    ),
    "watch": (
        "Follow a meeting read-only, as it is run.",
        ["reviewtui watch", "ssh meeting-laptop -t reviewtui watch M-3 --theme projector"],
    ),
    "serve": (
        "Let people follow the meeting read-only in a browser.",
        ["reviewtui serve", "reviewtui serve M-3 --host 0.0.0.0 --max-viewers 30"],
    ),
    "demo": (
        "Try the app on a sample, in a throwaway data dir.",
        ["reviewtui demo", "reviewtui demo --theme projector"],
    ),
    "history": ("A measure at each meeting, and its actions.", ["reviewtui history FIN-05"]),
    "report": (
        "Red runs, slipping actions, on-time rates.",
        ["reviewtui report --since 2026-01-01 --runs 3"],
    ),
    "export": (
        "Write minutes, follow-ups, calendar, emails, JSON.",
        [
            "reviewtui export M-3 --out minutes/",
            "reviewtui export M-3 --format md --format ics --ics-events",
        ],
    ),
    "email": (
        "Email follow-ups (or the minutes), once each.",
        [
            "reviewtui email M-3 --smtp smtp.example.org:587 --starttls --user champion",
            "reviewtui email M-3 --minutes --dry-run",
        ],
    ),
    "remind": (
        "Email owners a digest of what is late or due.",
        [
            "reviewtui remind --dry-run",
            "reviewtui remind --overdue --smtp smtp.example.org:587 --starttls",
        ],
    ),
    "where": (
        "Where data, config and state are; config keys.",
        ["reviewtui where", "reviewtui --data-dir ./team where --json"],
    ),
}
"""Command path -> (summary, examples)."""


def annotate(group: click.Group, prefix: str = "") -> None:
    """Give every command of ``group`` (and its sub-groups) its summary and examples."""
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if path in HELP:
            summary, examples = HELP[path]
            command.short_help = summary
            command.epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in examples)
        if isinstance(command, click.Group):
            annotate(command, f"{path} ")
