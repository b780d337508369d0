"""``reviewtui remind`` against a real SMTP server on 127.0.0.1 (aiosmtpd): one digest per
owner, never twice the same day, and a run killed mid-batch sends only the rest."""

from __future__ import annotations

import json
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

SRC = Path(__file__).resolve().parents[2] / "src"


def remind(store: Store, port: int, *extra: str) -> Result:
    return CliRunner().invoke(
        cli,
        ["--data-dir", str(store.data.root), "remind", "--smtp", f"127.0.0.1:{port}", *extra],
    )


def recipients(mailbox: Mailbox) -> list[str]:
    return sorted(str(message["To"]) for message in mailbox.received)


def test_one_digest_per_owner_and_none_twice_the_same_day(
    store: Store, demo_meeting: str, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    planned = remind(store, port, "--dry-run", "--json")
    assert planned.exit_code == 0, planned.output
    summary = json.loads(planned.stdout)
    assert summary["schema_version"] == 1 and summary["sent"] == [] and mailbox.received == []
    owners = [d["owner"] for d in summary["digests"]]
    assert owners and len(owners) == len(set(owners))
    first = remind(store, port)
    assert first.exit_code == 0, first.output
    assert len(mailbox.received) == len(owners) == len(recipients(mailbox))
    message = mailbox.received[0]
    assert message["Subject"].startswith("Reminder: ")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    digest = next(d for d in summary["digests"] if d["owner"] in str(message["To"]))
    for ref in digest["overdue"] + digest["due_soon"]:
        assert ref in text and ref in html
    again = remind(store, port)
    assert again.exit_code == 0 and "already reminded" in again.output
    assert len(mailbox.received) == len(owners)  # nothing sent twice


def test_overdue_only_leaves_out_what_is_merely_due_soon(
    store: Store, demo_meeting: str, smtp: tuple[Mailbox, int]
) -> None:
    _, port = smtp
    everything = json.loads(remind(store, port, "--dry-run", "--json").stdout)["digests"]
    late = json.loads(remind(store, port, "--dry-run", "--json", "--overdue").stdout)["digests"]
    assert all(not d["due_soon"] for d in late)
    assert sum(len(d["overdue"]) for d in late) == sum(len(d["overdue"]) for d in everything)


def test_a_run_killed_mid_batch_sends_only_the_rest(store: Store, demo_meeting: str) -> None:
    mailbox, port = KillingMailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        sender = subprocess.Popen(
            [sys.executable, "-m", "reviewtui", "--data-dir", str(store.data.root), "remind",
             "--smtp", f"127.0.0.1:{port}"],
            env={**os.environ, "PYTHONPATH": str(SRC)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        mailbox.victim = sender.pid
        assert sender.wait(timeout=60) == -signal.SIGKILL
        assert len(mailbox.received) == 1
        recorded = Store(store.data.root).sent_reminders()
        assert [e["message_id"] for e in recorded] == [mailbox.received[0]["Message-ID"]]
        mailbox.victim = None
        rerun = remind(store, port)
        assert rerun.exit_code == 0, rerun.output
        ids = [str(m["Message-ID"]) for m in mailbox.received]
        assert len(ids) == len(set(ids)) >= 2  # the first owner was not sent theirs again
        assert "already reminded" in rerun.output
    finally:
        controller.stop()
