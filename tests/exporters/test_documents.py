"""Every export read back with a real parser: csv, icalendar, email, html.parser, json."""

from __future__ import annotations

import csv
import datetime as dt
import email
import io
import json
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from reviewtui.cli import cli
from reviewtui.exporters.documents import FOLLOWUP_HEADER
from reviewtui.exporters.export import export_meeting
from reviewtui.store.repository import Store
from tests.exporters.conftest import HOSTILE


@pytest.fixture
def out(store: Store, finished: str, tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    result = export_meeting(store, finished, folder)
    assert {p.relative_to(folder).as_posix() for p in result.files} >= {
        "minutes.md",
        "minutes.html",
        "followups.csv",
        "actions.ics",
        "meeting.json",
        "email/priya-raman.eml",
        "email/maria-gonzalez.eml",
        "email/sandra-new.eml",
    }
    assert result.without_address == ["Sandra New"]
    return folder


class Page(HTMLParser):
    """Collects tags, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_minutes_html_is_self_contained_accessible_and_escaped(out: Path) -> None:
    page = Page()
    page.feed((out / "minutes.html").read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "script" not in page.tags  # the typed <script> is text, not a tag
    assert HOSTILE in text  # shown exactly as typed
    assert not {"link", "img", "iframe"} & set(page.tags)
    assert not [v for k, v in page.attrs if k in {"src", "href"}]
    assert page.tags.count("table") >= 3 and "caption" in page.tags and "thead" in page.tags
    assert ("scope", "col") in page.attrs and ("lang", "en") in page.attrs
    assert "✖ Off track" in " ".join(text.split())  # status is a symbol and a word
    assert "8/10" in text and "Lena Fischer" in text
    for expected in (
        "Tighten payment terms at renewal",
        "Wholesale catalogue timing",
        "Receivables average 71 days",
        "↻ slipped",
        "✔ done",
    ):
        assert expected in text


def test_minutes_markdown_has_every_part(out: Path) -> None:
    minutes = (out / "minutes.md").read_text(encoding="utf-8")
    assert minutes.startswith("# Northwind Balanced Scorecard review, 2026-10")
    assert "| FIN-05 Cash conversion cycle | Financial | Maria Gonzalez |" in minutes
    assert "### ✖ Cash conversion cycle (FIN-05): Off track" in minutes
    assert "A-3 | Agree a recovery plan" in minutes and "↻ slipped" in minutes
    assert "\\|" in minutes  # a typed pipe does not break the table
    assert "- **Absent:** Lena Fischer" in minutes
    assert "- **Meeting rating:** 8/10" in minutes


def test_followups_csv_opens_cleanly_sorted_by_owner_then_due(out: Path) -> None:
    raw = (out / "followups.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == FOLLOWUP_HEADER
    keys = [(r["owner"], r["due"]) for r in rows]
    assert keys == sorted(keys, key=lambda k: (k[0].casefold(), k[1]))
    by_text = {r["action"]: r for r in rows}
    assert by_text[HOSTILE]["owner_email"] == "maria.gonzalez@northwind-gear.example"
    assert by_text["Weekly collections calls"]["measure"] == "Cash conversion cycle"
    assert all(r["status"] == "open" for r in rows)
    assert "Re-phase the Q4 revenue forecast with the wholesale figures" not in by_text  # done


def test_actions_ics_one_vtodo_per_action_with_stable_uids(
    store: Store, finished: str, out: Path, tmp_path: Path
) -> None:
    calendar = Calendar.from_ical((out / "actions.ics").read_bytes())
    todos = [c for c in calendar.walk("VTODO")]
    actions = [i for i in store.items(finished) if i.kind.value == "action"]
    assert len(todos) == len(actions) + 4  # plus the four reviewed from M-1
    by_summary = {str(t["summary"]): t for t in todos}
    collections = by_summary[next(s for s in by_summary if "Weekly collections" in s)]
    assert collections.decoded("due") == dt.date(2026, 11, 30)
    assert str(collections["status"]) == "NEEDS-ACTION"
    assert "priya.raman@northwind-gear.example" in str(collections["attendee"])
    assert "FIN-05 Cash conversion cycle" in str(collections["description"])
    assert "Decision: Tighten payment terms" in str(collections["description"])
    assert str(by_summary[next(s for s in by_summary if s.startswith("A-1 "))]["status"]) == (
        "COMPLETED"
    )
    again = export_meeting(store, finished, tmp_path / "again", ["ics"])
    second = Calendar.from_ical(again.files[0].read_bytes())
    assert sorted(str(t["uid"]) for t in second.walk("VTODO")) == sorted(
        str(t["uid"]) for t in todos
    )


def read_message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_owner_emails_have_headers_both_parts_and_each_action(out: Path) -> None:
    message = read_message(out / "email" / "maria-gonzalez.eml")
    assert message["To"] == "Maria Gonzalez <maria.gonzalez@northwind-gear.example>"
    assert "@" in message["From"] and message["Date"] and message["Message-ID"]
    assert "Northwind Balanced Scorecard review, 2026-10" in message["Subject"]
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    plain_text, html_text = plain.get_content(), html.get_content()
    for ref_text in (HOSTILE, "Cash conversion cycle", "Off track"):
        assert ref_text in plain_text
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert "Decision: Tighten payment terms at renewal" in plain_text
    nobody = read_message(out / "email" / "sandra-new.eml")
    assert nobody["To"] is None  # no address known: the file is there, the To is not


def test_meeting_json_has_the_whole_meeting(out: Path, finished: str) -> None:
    document = json.loads((out / "meeting.json").read_text())
    assert document["meeting"]["id"] == finished
    assert len(document["items"]) == 6
    assert {row["outcome"] for row in document["carried"]} >= {"done", "slipped"}


def test_export_command_and_formats(store: Store, finished: str, tmp_path: Path) -> None:
    runner = CliRunner()
    root = str(store.data.root)
    result = runner.invoke(
        cli,
        [
            "--data-dir",
            root,
            "export",
            finished,
            "--out",
            str(tmp_path / "x"),
            "--format",
            "csv",
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["followups.csv", "minutes.md"]
    missing = runner.invoke(cli, ["--data-dir", root, "export", "M-99"])
    assert missing.exit_code == 1 and "no meeting 'M-99'" in missing.output
    again = runner.invoke(
        cli, ["--data-dir", root, "action", "import", str(tmp_path / "x" / "followups.csv")]
    )
    assert "0 action(s) imported" in again.output  # our own follow-ups are already ours


def test_a_user_template_replaces_the_shipped_one(
    store: Store, finished: str, tmp_path: Path, own_config_dir: Path
) -> None:
    templates = own_config_dir / "templates"
    templates.mkdir(parents=True)
    (templates / "minutes.md.j2").write_text("Minutes of {{ record.meeting.title }}\n")
    result = export_meeting(store, finished, tmp_path / "o", ["md"])
    assert (
        result.files[0].read_text() == "Minutes of Northwind Balanced Scorecard review, 2026-10\n"
    )
    (templates / "minutes.md.j2").write_text("{% for x in %}\n")
    broken = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(store.data.root),
            "export",
            finished,
            "--format",
            "md",
            "--out",
            str(tmp_path / "p"),
        ],
    )
    assert broken.exit_code == 1
    assert "minutes.md.j2, line 1" in broken.output and "Traceback" not in broken.output
