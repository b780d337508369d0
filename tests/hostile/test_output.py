"""What leaves reviewtui stays safe whatever was typed: files, CSV, Markdown, the terminal.

Each test reproduces a finding of the hostile-input review and reads the output back with
a real parser (csv, markdown-it, email, a pseudo-terminal).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from reviewtui.cli import cli
from reviewtui.domain.capture import ItemKind
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store

ROOT = Path(__file__).resolve().parents[2]
FRIDAY = dt.date(2026, 11, 27)
FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\tpadded", "\rreturn"]


def run(store: Store, *args: str, **env: str) -> Result:
    return CliRunner().invoke(
        cli, list(args), env={"REVIEWTUI_DATA_DIR": str(store.data.root), **env}
    )


@pytest.fixture
def session(store: Store, demo_meeting: str) -> MeetingSession:
    session = MeetingSession(store, demo_meeting, by="champion")
    session.start()
    session.agenda.go_to(1)
    return session


def test_owners_in_any_script_get_their_own_email_file(
    store: Store, session: MeetingSession, tmp_path: Path
) -> None:
    owners = ["李雷", "王芳", "Sam Lee", "Sam-Lee", "Ölaf Ünsal", "X" * 300]
    for owner in owners:
        session.captures.capture(Capture(ItemKind.ACTION, f"Task for {owner[:20]}", owner, FRIDAY))
    result = run(
        store, "export", session.meeting.id, "--out", str(tmp_path / "out"), "--format", "eml"
    )
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "out" / "email").glob("*.eml"))
    written = [line for line in result.stdout.splitlines() if line.startswith("✔")]
    assert len(files) == len(written) == len(set(written))
    assert all(len(path.name.encode()) <= 60 for path in files)
    import email
    from email import policy

    greeted = set()
    for path in files:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        greeted.add(text.splitlines()[0].removeprefix("Hello ").rstrip(","))
    assert set(owners) <= greeted, "every owner's message is there, none overwritten"


def test_a_failed_export_writes_nothing_and_says_so(
    store: Store, demo_meeting: str, tmp_path: Path, own_config_dir: Path
) -> None:
    templates = own_config_dir / "templates"
    templates.mkdir(parents=True)
    (templates / "email.txt.j2").write_text("{% for x in %}broken")
    out = tmp_path / "out"
    result = run(store, "export", demo_meeting, "--out", str(out))
    assert result.exit_code == 1
    assert "email.txt.j2" in result.output
    assert not out.exists() and not list(tmp_path.glob(".out.*"))


def test_an_export_into_an_existing_folder_replaces_every_file(
    store: Store, demo_meeting: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "minutes.md").write_text("old")
    (out / "notes-of-mine.txt").write_text("kept")
    result = run(store, "export", demo_meeting, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "minutes.md").read_text() != "old"
    assert (out / "notes-of-mine.txt").read_text() == "kept"
    assert (out / "minutes.md").stat().st_mode & 0o044, "exports follow the umask, not 0600"


def test_followups_csv_never_holds_a_live_formula(
    store: Store, session: MeetingSession, tmp_path: Path
) -> None:
    for text in FORMULAS:
        session.captures.capture(Capture(ItemKind.ACTION, text, "maria", FRIDAY))
    result = run(
        store, "export", session.meeting.id, "--out", str(tmp_path / "o"), "--format", "csv"
    )
    assert result.exit_code == 0
    with (tmp_path / "o" / "followups.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [cell for cell in cells if cell[0] in "=+-@\t\r"]
    actions = {row["action"] for row in rows}
    assert '\'=HYPERLINK("http://evil","x")' in actions
    # and reading it back into reviewtui gives the titles as typed
    imported = run(store, "action", "import", str(tmp_path / "o" / "followups.csv"))
    assert imported.exit_code == 0, imported.output


def test_status_csv_never_holds_a_live_formula(store: Store, demo_meeting: str) -> None:
    for text in FORMULAS:
        added = run(store, "action", "add", "--owner", "maria", "--due", "fri", "--", text)
        assert added.exit_code == 0, added.output
    rows = list(csv.reader(io.StringIO(run(store, "status", "--csv").stdout)))
    assert not [cell for row in rows[1:] for cell in row if cell and cell[0] in "=+-@\t\r"]


def test_markdown_minutes_render_typed_html_and_links_as_text(
    store: Store, session: MeetingSession, tmp_path: Path
) -> None:
    hostile = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click me](javascript:alert(1))",
        "<javascript:alert(1)>",
        "**bold** | pipe",
    ]
    for text in hostile:
        session.captures.capture(Capture(ItemKind.DECISION, text))
    result = run(
        store, "export", session.meeting.id, "--out", str(tmp_path / "o"), "--format", "md"
    )
    assert result.exit_code == 0
    rendered = MarkdownIt("gfm-like").render((tmp_path / "o" / "minutes.md").read_text())
    assert "<script" not in rendered and "<img" not in rendered
    assert "javascript:" not in rendered.replace("javascript:alert(1)", "")  # text only
    assert 'href="javascript' not in rendered and "<strong>bold" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown, as typed


def test_a_title_with_markup_is_shown_literally_on_a_terminal(
    store: Store, demo_meeting: str
) -> None:
    for title in ("Close [/] gap", "[red on red]hidden[/]", "[link=http://evil]click[/link]"):
        assert run(store, "action", "add", title, "--owner", "maria", "--due", "fri").exit_code == 0
    for command in (["status"], ["action", "list"]):
        code, screen = on_a_terminal(store, *command)
        assert code == 0, screen
        for title in ("Close [/] gap", "[red on red]hidden[/]", "[link=http://evil]click[/link]"):
            assert title in screen
        assert "\x1b]8;" not in screen, "no terminal hyperlink"


def on_a_terminal(store: Store, *args: str) -> tuple[int, str]:
    """Run reviewtui with its stdout on a pseudo-terminal, 200 columns wide."""
    main, secondary = pty.openpty()
    env = {
        **os.environ,
        "REVIEWTUI_DATA_DIR": str(store.data.root),
        "PYTHONPATH": str(ROOT / "src"),
        "COLUMNS": "200",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "reviewtui", *args], stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(timeout=30), b"".join(chunks).decode(errors="replace")


def test_escape_sequences_in_names_never_reach_the_terminal(
    store: Store, demo_meeting: str
) -> None:
    result = run(
        store,
        "action",
        "add",
        "Fix \x1b[2J\x1b]8;;http://evil\x07it",
        "--owner",
        "maria\x1b[31m",
        "--due",
        "fri",
    )
    assert result.exit_code == 0, result.output
    for command in (("status",), ("action", "list"), ("email", demo_meeting, "--dry-run")):
        output = run(store, *command).output
        assert "\x1b" not in output and "\x07" not in output, command


def test_a_title_with_line_breaks_is_kept_on_one_line(store: Store, tmp_path: Path) -> None:
    from tests.conftest import NORTHWIND_CSV

    result = run(
        store, "meeting", "new", str(NORTHWIND_CSV), "--title", "Line one\r\nLine two\x1b[31m"
    )
    assert result.exit_code == 0, result.output
    listed = run(store, "meeting", "list").stdout.splitlines()
    assert len(listed) == 1 and "Line one Line two" in listed[0]
    exported = run(store, "export", "M-1", "--out", str(tmp_path / "o"))
    assert exported.exit_code == 0, exported.output


@pytest.mark.parametrize(
    ("due", "zone"),
    [("00010101T000000Z", "America/Los_Angeles"), ("99991231T235959Z", "Asia/Tokyo")],
)
def test_taskwarrior_dues_at_the_ends_of_the_calendar_import_in_any_zone(
    store: Store, tmp_path: Path, due: str, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        tasks = [{"uuid": "0b2c7d6e-1111-2222-3333-444455556666", "description": "far",
                  "status": "pending", "due": due, "owner": "maria"}]  # fmt: skip
        path = tmp_path / "tasks.json"
        path.write_text(json.dumps(tasks))
        result = run(store, "action", "import", str(path))
        assert result.exit_code == 0, result.output
        assert run(store, "status").exit_code == 0
        assert run(store, "report").exit_code == 0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_wrong_shaped_item_record_is_skipped_with_a_note(store: Store, demo_meeting: str) -> None:
    assert (
        run(store, "action", "add", "Fine one", "--owner", "maria", "--due", "fri").exit_code == 0
    )
    path = store.data.actions_dir / "loose.json"
    journal = path.with_suffix(".journal")
    rows = [json.loads(line) for line in journal.read_text().splitlines()]
    bad = {**rows[0]["doc"], "number": 900, "due": 5, "history": "oops"}
    with journal.open("a") as handle:
        handle.write(json.dumps({"t": "item", "doc": bad}) + "\n")
    for command in (("status",), ("action", "list"), ("action", "list", "--json")):
        result = run(store, *command)
        assert result.exit_code == 0, (command, result.output)
        assert "Fine one" in result.stdout
        assert "skipped an action in loose.json" in result.stderr


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_email_to_a_server_that_never_answers_gives_up_and_names_it(
    store: Store, demo_meeting: str, silent_server: int
) -> None:
    started = time.monotonic()
    result = run(
        store, "email", demo_meeting, "--smtp", f"127.0.0.1:{silent_server}", "--timeout", "1"
    )
    took = time.monotonic() - started
    assert result.exit_code == 1
    assert f"127.0.0.1:{silent_server} did not answer within 1 s" in result.output
    assert took < 5
    default = next(p for p in cli.commands["email"].params if p.name == "timeout")
    assert default.default == 30, "by default it gives up after 30 s"


def test_ssl_to_a_plain_server_fails_clearly(
    store: Store, demo_meeting: str, silent_server: int
) -> None:
    result = run(
        store,
        "email",
        demo_meeting,
        "--smtp",
        f"127.0.0.1:{silent_server}",
        "--ssl",
        "--timeout",
        "1",
    )
    assert (
        result.exit_code == 1 and "127.0.0.1" in result.output and "Traceback" not in result.output
    )


def test_a_sender_with_two_addresses_is_refused(
    store: Store, demo_meeting: str, own_config_dir: Path, tmp_path: Path
) -> None:
    own_config_dir.mkdir(parents=True, exist_ok=True)
    (own_config_dir / "config.toml").write_text('email_from = "me@x.org, evil@attacker.example"\n')
    result = run(store, "export", demo_meeting, "--out", str(tmp_path / "o"))
    assert (
        result.exit_code == 1 and "email_from" in result.output and "config.toml" in result.output
    )


def test_escape_sequences_written_into_a_file_by_hand_never_reach_the_terminal(
    store: Store, demo_meeting: str
) -> None:
    """What the app writes is cleaned on the way in; a file edited by hand or by another
    tool is not, so the listing makes every field printable on the way out."""
    from reviewtui.store.files import atomic_write_bytes, dump_json
    from reviewtui.store.journal import journal_of
    from reviewtui.store.layout import LOOSE_ACTIONS, read_document

    added = run(store, "action", "add", "Fix it", "--owner", "maria", "--due", "fri")
    assert added.exit_code == 0, added.output
    path = store.data.actions_dir / f"{LOOSE_ACTIONS}.json"
    document = read_document(path)
    assert document is not None
    for item in document["items"].values():
        item["text"] = "Fix \x1b[2J\x1b]8;;http://evil\x07it\u202e"
        item["owner"] = "Maria Gonzalez"
    atomic_write_bytes(path, dump_json(document))
    journal_of(path).unlink(missing_ok=True)
    for command in (("status",), ("status", "--owner", "maria"), ("action", "list")):
        output = run(store, *command).output
        assert "Fix" in output and "\x1b" not in output and "\x07" not in output, command
        assert "\u202e" not in output, command
