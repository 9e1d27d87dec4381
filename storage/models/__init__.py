"""SQLModel tables, one module per entity family. Importing this package registers them all."""

from storage.models.access_log import AccessLogEntry
from storage.models.conversation import ConversationDraft
from storage.models.digest_run import DigestRun
from storage.models.handling_focus import HandlingFocus
from storage.models.indicator import IndicatorDefinition, IndicatorValue
from storage.models.lex_assessment import LexAssessment
from storage.models.list_cursor import ListCursor
from storage.models.outbound_message import OutboundMessage
from storage.models.person import Person, PersonCreate, PersonUnit
from storage.models.platform_event import ProcessedEvent
from storage.models.reference_counter import ReferenceCounter
from storage.models.reminder_run import ReminderRun
from storage.models.report import Report, ReportCreate, ReportUpdate
from storage.models.report_event import ReportEvent
from storage.models.retention_run import RetentionRun
from storage.models.unit import Unit, UnitCreate

__all__ = [
    "AccessLogEntry",
    "ConversationDraft",
    "DigestRun",
    "HandlingFocus",
    "IndicatorDefinition",
    "IndicatorValue",
    "LexAssessment",
    "ListCursor",
    "OutboundMessage",
    "Person",
    "PersonCreate",
    "PersonUnit",
    "ProcessedEvent",
    "ReferenceCounter",
    "ReminderRun",
    "Report",
    "ReportCreate",
    "ReportEvent",
    "ReportUpdate",
    "RetentionRun",
    "Unit",
    "UnitCreate",
]
