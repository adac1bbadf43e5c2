"""Approval business rules, one module per concept. No Strawberry here: tests call
these directly.

Lifecycle: submitted → accepted (受理) → completed (办结: approved or refused). Acceptance
needs a verified credit-check ticket; acceptance and completion each push the approval
information, in the same transaction, to every supervising department that the linkage list
in force names for the matter, and emit the events of docs/EVENTS.md.

This package re-exports the names resolvers, loaders, handlers and tests call as
``services.<name>``; import anything else from its module."""

from __future__ import annotations

# imported by tests and callers through this package since it was one module
from api.approval.models import Channel as Channel
from api.approval.models import FeedbackState as FeedbackState
from api.approval.models import HandlingMode as HandlingMode
from api.approval.models import Outcome as Outcome
from api.approval.models import PushState as PushState
from api.approval.models import SkipReason as SkipReason
from api.approval.services import facilitation as facilitation
from api.approval.services import liaisons as liaisons
from api.approval.services.applications import accept_application as accept_application
from api.approval.services.applications import (
    applications_by_applicant_codes as applications_by_applicant_codes,
)
from api.approval.services.applications import applications_by_ids as applications_by_ids
from api.approval.services.applications import (
    applications_by_matter_ids as applications_by_matter_ids,
)
from api.approval.services.applications import complete_application as complete_application
from api.approval.services.applications import submit_application as submit_application
from api.approval.services.cards import cards_by_push_ids as cards_by_push_ids
from api.approval.services.cards import escalation_cards as escalation_cards
from api.approval.services.cards import red_card_board as red_card_board
from api.approval.services.common import CODE_ALPHABET as CODE_ALPHABET
from api.approval.services.common import CODE_LENGTH as CODE_LENGTH
from api.approval.services.common import Actor as Actor
from api.approval.services.common import (
    documents_by_application_ids as documents_by_application_ids,
)
from api.approval.services.common import get_application as get_application
from api.approval.services.common import level_name as level_name
from api.approval.services.connected_systems import ReportedTimes as ReportedTimes
from api.approval.services.connected_systems import report_acceptance as report_acceptance
from api.approval.services.connected_systems import report_completion as report_completion
from api.approval.services.credit_notices import (
    application_ids_in_scope as application_ids_in_scope,
)
from api.approval.services.credit_notices import credit_notice_text as credit_notice_text
from api.approval.services.credit_notices import receive_credit_change as receive_credit_change
from api.approval.services.credit_notices import received_credit_notices as received_credit_notices
from api.approval.services.feedback import receive_finding as receive_finding
from api.approval.services.inbox_search import received_pushes as received_pushes
from api.approval.services.linkage_list import store_published_list as store_published_list
from api.approval.services.linkage_list import version_in_force as version_in_force
from api.approval.services.lists import application_number_of as application_number_of
from api.approval.services.lists import emit_overdue_reminders as emit_overdue_reminders
from api.approval.services.lists import list_applications as list_applications
from api.approval.services.lists import overdue_pushes as overdue_pushes
from api.approval.services.lists import received_feedback as received_feedback
from api.approval.services.measures import MeasureSkip as MeasureSkip
from api.approval.services.measures import measure_statistics as measure_statistics
from api.approval.services.measures import (
    measures_by_application_ids as measures_by_application_ids,
)
from api.approval.services.measures import proposed_measures as proposed_measures
from api.approval.services.monthly_summaries import monthly_summaries as monthly_summaries
from api.approval.services.monthly_summaries import monthly_summary as monthly_summary
from api.approval.services.pushes import claim_at_meeting as claim_at_meeting
from api.approval.services.pushes import claim_push as claim_push
from api.approval.services.pushes import close_without_abnormality as close_without_abnormality
from api.approval.services.pushes import push_by_code as push_by_code
from api.approval.services.pushes import pushes_by_application_ids as pushes_by_application_ids
from api.approval.services.pushes import pushes_by_ids as pushes_by_ids
from api.approval.services.pushes import (
    responsibilities_by_push_ids as responsibilities_by_push_ids,
)
from api.approval.services.quality import QualityFigures as QualityFigures
from api.approval.services.quality import approval_quality as approval_quality
from api.core.clock import local_date as local_date
from api.core.errors import ValidationFailed as ValidationFailed
from api.core.pagination import MAX_PAGE as MAX_PAGE
from api.core.pagination import KeysetPage as Page  # noqa: F401  (re-exported: services.Page)
