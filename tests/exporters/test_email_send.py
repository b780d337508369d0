"""``reviewtui email`` against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from aiosmtpd.controller import Controller
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.store.repository import Store
from tests.exporters.mailbox import KillingMailbox, Mailbox, free_port


def send(store: Store, meeting_id: str, port: int, *extra: str) -> Result:
    return CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(store.data.root),
            "email",
            meeting_id,
            "--smtp",
            f"127.0.0.1:{port}",
            *extra,
        ],
    )


def owners(mailbox: Mailbox) -> list[str]:
    return sorted(str(m["To"]).split(" <")[0] for m in mailbox.received)


def test_each_owner_gets_one_intact_message(
    store: Store, finished: str, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    result = send(store, finished, port)
    assert result.exit_code == 0, result.output
    assert owners(mailbox) == ["James Okafor", "Maria Gonzalez", "Priya Raman", "Tom Becker"]
    assert "not sent to Sandra New: no email address" in result.output
    priya = next(m for m in mailbox.received if "Priya" in str(m["To"]))
    plain = priya.get_body(("plain",)).get_content()
    assert "Weekly collections calls" in plain and "Agree a recovery plan" in plain
    assert priya.get_body(("html",)) is not None
    again = send(store, finished, port)
    assert again.exit_code == 0 and len(mailbox.received) == 4  # never twice
    assert again.output.count("already sent to") == 4


def test_a_refused_recipient_is_recorded_and_a_rerun_sends_only_the_rest(
    store: Store, finished: str, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    mailbox.refuse = {"priya.raman@northwind-gear.example"}  # the 3rd owner, by name
    first = send(store, finished, port)
    assert first.exit_code == 1
    assert "✖ not sent to Priya Raman: recipient refused: 550" in first.output
    assert "Run the same command again" in first.output
    assert owners(mailbox) == ["James Okafor", "Maria Gonzalez", "Tom Becker"]
    sent = {entry["owner"] for entry in Store(store.data.root).sent_emails(finished)}
    assert sent == {"James Okafor", "Maria Gonzalez", "Tom Becker"}
    mailbox.refuse = set()
    second = send(store, finished, port)
    assert second.exit_code == 0, second.output
    assert "✔ sent to Priya Raman" in second.output
    assert owners(mailbox) == ["James Okafor", "Maria Gonzalez", "Priya Raman", "Tom Becker"]


def test_dry_run_sends_nothing(store: Store, finished: str, smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    result = send(store, finished, port, "--dry-run")
    assert result.exit_code == 0
    assert "would send to Maria Gonzalez <maria.gonzalez@northwind-gear.example>" in result.output
    assert mailbox.received == [] and Store(store.data.root).sent_emails(finished) == []


def test_no_server_is_a_clear_error(store: Store, finished: str, tmp_path: Path) -> None:
    result = send(store, finished, free_port())
    assert result.exit_code == 1
    assert "cannot connect to 127.0.0.1" in result.output
    assert "not attempted" in result.output and "Traceback" not in result.output


def test_bad_smtp_option(store: Store, finished: str) -> None:
    result = CliRunner().invoke(
        cli, ["--data-dir", str(store.data.root), "email", finished, "--smtp", "mailhost"]
    )
    assert result.exit_code == 1 and "expected HOST:PORT" in result.output


def test_each_message_is_recorded_the_moment_the_server_takes_it(
    store: Store, finished: str
) -> None:
    """A sender killed mid-batch has already recorded what went out: a re-run never sends
    the first owner's message twice."""
    mailbox, port = KillingMailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
        sender = subprocess.Popen(
            [sys.executable, "-m", "reviewtui", "--data-dir", str(store.data.root), "email",
             finished, "--smtp", f"127.0.0.1:{port}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        mailbox.victim = sender.pid
        assert sender.wait(timeout=60) == -signal.SIGKILL
        recorded = Store(store.data.root).sent_emails(finished)
        assert len(mailbox.received) == 1
        assert [entry["message_id"] for entry in recorded] == [mailbox.received[0]["Message-ID"]]
        mailbox.victim = None
        rerun = send(store, finished, port)
        assert rerun.exit_code == 0, rerun.output
        assert owners(mailbox) == ["James Okafor", "Maria Gonzalez", "Priya Raman", "Tom Becker"]
    finally:
        controller.stop()
