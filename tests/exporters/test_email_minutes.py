"""``reviewtui email M-n --minutes``: the minutes to every attendee and absentee with an
address, once each, against a real SMTP server (aiosmtpd); ``--json`` for scripts."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.domain.clock import FixedClock
from reviewtui.store.repository import Store
from tests.exporters.mailbox import Mailbox


def email(store: Store, meeting_id: str, port: int, *extra: str) -> Result:
    return CliRunner().invoke(
        cli,
        ["--data-dir", str(store.data.root), "email", meeting_id, "--smtp", f"127.0.0.1:{port}",
         *extra],
    )  # fmt: skip


def test_the_minutes_reach_everyone_once_present_or_absent(
    store: Store, finished: str, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    meeting = store.meeting(finished)
    everyone = list(dict.fromkeys([*meeting.attendees, *meeting.absent]))
    assert "Lena Fischer" in meeting.absent and len(everyone) >= 3
    sent = email(store, finished, port, "--minutes", "--json")
    assert sent.exit_code == 0, sent.output
    summary = json.loads(sent.stdout)
    assert summary["schema_version"] == 1
    assert sorted(summary["sent"] + summary["no_address"]) == sorted(everyone)
    assert "Lena Fischer" in summary["sent"]  # an absentee gets the minutes too
    assert len(mailbox.received) == len(summary["sent"])
    message = mailbox.received[0]
    assert message["Subject"].startswith(f"Minutes: {meeting.title}")
    assert meeting.title in message.get_body(("plain",)).get_content()
    assert "<table" in message.get_body(("html",)).get_content()
    again = json.loads(email(store, finished, port, "--minutes", "--json").stdout)
    assert again["sent"] == [] and sorted(again["already_sent"]) == sorted(summary["sent"])
    followups = email(store, finished, port)  # the follow-ups are other messages
    assert followups.exit_code == 0 and "✔ sent to" in followups.output


def test_sending_the_minutes_again_later_sends_nothing_twice(
    store: Store, finished: str, smtp: tuple[Mailbox, int], clock: FixedClock
) -> None:
    """The minutes say when they were made (to the minute): a second `email --minutes`
    a while later still finds each message sent (it once mailed everyone again when
    the two runs fell in different minutes)."""
    mailbox, port = smtp

    def send_minutes() -> dict[str, list[str]]:
        args = ["--data-dir", str(store.data.root), "email", finished, "--minutes", "--json"]
        result = CliRunner().invoke(
            cli, [*args, "--smtp", f"127.0.0.1:{port}"], obj={"clock": clock}
        )
        assert result.exit_code == 0, result.output
        sent: dict[str, list[str]] = json.loads(result.stdout)
        return sent

    first = send_minutes()
    clock.advance(minutes=7)
    again = send_minutes()
    assert again["sent"] == [] and sorted(again["already_sent"]) == sorted(first["sent"])
    assert len(mailbox.received) == len(first["sent"])
