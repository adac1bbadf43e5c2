from datetime import UTC, datetime

import pytest

from api.core.credit_ticket import CreditTicket, InvalidTicketError, sign_ticket, verify_ticket

TICKET = CreditTicket(
    lookup_id=7,
    subject_code="91350100M000100Y43",
    application_id=42,
    level="TRUSTWORTHY",
    joint_punished=False,
    allowed_modes=("NORMAL", "GREEN_CHANNEL"),
    checked_at=datetime(2026, 11, 25, 8, 0, tzinfo=UTC).replace(microsecond=0),
)


def test_a_genuine_ticket_round_trips():
    fresh = CreditTicket(
        **{**TICKET.__dict__, "checked_at": datetime.now(UTC).replace(microsecond=0)}
    )
    assert (
        verify_ticket(sign_ticket(fresh), subject_code=fresh.subject_code, application_id=42)
        == fresh
    )


def test_a_ticket_for_another_application_is_refused():
    fresh = CreditTicket(**{**TICKET.__dict__, "checked_at": datetime.now(UTC)})
    with pytest.raises(InvalidTicketError, match="与本办件不符"):
        verify_ticket(sign_ticket(fresh), subject_code=fresh.subject_code, application_id=43)


def test_expired_or_tampered_tickets_are_refused():
    with pytest.raises(InvalidTicketError, match="无效或已过期"):
        verify_ticket(sign_ticket(TICKET), subject_code=TICKET.subject_code, application_id=42)
    fresh = sign_ticket(CreditTicket(**{**TICKET.__dict__, "checked_at": datetime.now(UTC)}))
    with pytest.raises(InvalidTicketError):
        verify_ticket(fresh[:-3] + "abc", subject_code=TICKET.subject_code, application_id=42)
