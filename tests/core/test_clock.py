"""The one clock: a clock file moves every "now" outside production; production refuses it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api import cli
from api.core import clock
from api.core.config import get_settings
from api.core.credit_ticket import CreditTicket, InvalidTicketError, sign_ticket, verify_ticket
from api.core.models import utcnow


@pytest.fixture
def clock_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "clock"
    monkeypatch.setenv("SHENGUAN_CLOCK_FILE", str(path))
    get_settings.cache_clear()
    yield path
    monkeypatch.undo()  # SHENGUAN_ENV too, before the settings are read again
    get_settings.cache_clear()


def test_without_a_clock_file_now_is_the_system_time() -> None:
    before = datetime.now(UTC)
    assert before <= clock.utcnow() <= datetime.now(UTC)


def test_the_offset_in_the_file_moves_now_and_today(clock_file: Path) -> None:
    clock.set_offset(clock_file, timedelta(days=40))
    moved = utcnow() - datetime.now(UTC)
    assert timedelta(days=40) - timedelta(seconds=1) < moved <= timedelta(days=40)
    expected_today = (datetime.now(UTC) + timedelta(days=40)).astimezone(clock.LOCAL_TZ).date()
    assert clock.local_today() == expected_today


def test_a_rewritten_file_is_read_again(clock_file: Path) -> None:
    clock.set_offset(clock_file, timedelta(days=1))
    assert clock.offset() == timedelta(days=1)
    clock.set_offset(clock_file, timedelta(hours=-3))
    assert clock.offset() == timedelta(hours=-3)


def test_a_missing_file_means_no_offset(clock_file: Path) -> None:
    assert not clock_file.exists()
    assert clock.offset() == timedelta(0)


def test_a_file_without_a_number_is_an_error(clock_file: Path) -> None:
    clock_file.write_text("next tuesday", encoding="utf-8")
    with pytest.raises(clock.ClockFileError, match="number of seconds"):
        clock.offset()


def test_a_credit_ticket_expires_by_the_moved_clock(clock_file: Path) -> None:
    ticket = CreditTicket(
        lookup_id=1,
        subject_code="91430900MA4L0001XA",
        application_id=7,
        level="A",
        joint_punished=False,
        allowed_modes=("STANDARD",),
        checked_at=utcnow().replace(microsecond=0),
    )
    token = sign_ticket(ticket)
    clock.set_offset(clock_file, timedelta(days=2))
    # Signed two days "ago" by the platform's clock: expired, although the OS says minutes.
    with pytest.raises(InvalidTicketError):
        verify_ticket(token, subject_code=ticket.subject_code, application_id=7)


def test_a_ticket_signed_on_the_moved_clock_is_valid(clock_file: Path) -> None:
    clock.set_offset(clock_file, timedelta(days=30))
    checked_at = utcnow().replace(microsecond=0)
    ticket = CreditTicket(
        lookup_id=1,
        subject_code="91430900MA4L0001XA",
        application_id=7,
        level="A",
        joint_punished=False,
        allowed_modes=("STANDARD",),
        checked_at=checked_at,
    )
    verified = verify_ticket(
        sign_ticket(ticket), subject_code=ticket.subject_code, application_id=7
    )
    assert verified.checked_at == checked_at


def test_production_refuses_the_clock_file(
    clock_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHENGUAN_ENV", "production")
    get_settings.cache_clear()
    clock.set_offset(clock_file, timedelta(days=5))
    with pytest.raises(clock.ClockSettingRefusedError):
        clock.check_setting()
    # Never read in production, even by a process that skipped the start-up check.
    assert clock.offset() == timedelta(0)


def test_every_command_refuses_to_start_in_production_with_a_clock_file(
    clock_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SHENGUAN_ENV", "production")
    get_settings.cache_clear()
    assert cli.main(["serve", "--no-demo"]) == 2
    assert "SHENGUAN_CLOCK_FILE" in capsys.readouterr().err


def test_a_subgraph_app_refuses_to_start_in_production_with_a_clock_file(
    clock_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.approval.schema import schema  # noqa: PLC0415
    from api.core.app import create_subgraph_app  # noqa: PLC0415

    monkeypatch.setenv("SHENGUAN_ENV", "production")
    get_settings.cache_clear()
    with pytest.raises(clock.ClockSettingRefusedError):
        create_subgraph_app("approval", schema, loaders_factory=dict)
