"""One entry point to the Swedish understanding: what a message is and everything found in it.

Combines the report analyzer (kind, area, severity, cues, masking), the question parser
(intent and count query), the time resolver and the unit matcher. Units are handed in by
the caller (from the database), never written in code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from nlp_models.questions.parser import QuestionParse, QuestionParser
from nlp_models.reports.analyzer import ReportAnalysis, ReportAnalyzer
from nlp_models.times.expressions import resolve_occurred_at
from nlp_models.units.matcher import UnitEntry, UnitMatcher

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Understanding:
    intent: str
    question: QuestionParse
    report: ReportAnalysis
    occurred_at: datetime | None

    @property
    def unit(self) -> str | None:
        return self.question.unit

    def contract(self) -> dict[str, Any]:
        """The JSON fields of `omsorgsbot nlu` (shared/eval/SCHEMA.md plus evidence and cues)."""
        q, r = self.question, self.report
        counting = self.intent == "count"
        period = q.period
        return {
            "intent": self.intent,
            "kind": q.kind if counting else r.kind,
            "area": q.area if counting else r.area,
            "severe": r.severe,
            "unit": q.unit,
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()} if period else None,
            "group_by": q.group_by,
            "evidence": list(q.evidence) if counting else list(r.evidence),
            "confidence": round(r.confidence, 3),
            "occurred_at": self.occurred_at.isoformat() if self.occurred_at else None,
            "masked_text": r.masked_text,
            "secondary_areas": list(r.secondary_areas),
            "lex_sarah": r.lex_sarah,
            "lex_maria": r.lex_maria,
            "consequence": r.consequence,
            "immediate_action": r.immediate_action,
            "staff_injury": r.staff_injury,
        }


class LanguageUnderstanding:
    def __init__(self, units: Iterable[UnitEntry] = ()) -> None:
        self.reports = ReportAnalyzer()
        self.set_units(units)

    def set_units(self, units: Iterable[UnitEntry]) -> None:
        self.units = UnitMatcher(list(units))
        self.questions = QuestionParser(self.units)

    def understand(self, text: str, now: datetime) -> Understanding:
        local_now = now.astimezone(STOCKHOLM)
        report = self.reports.analyze(text)
        question = self.questions.parse(text, local_now.date(), report)
        return Understanding(
            intent=question.intent, question=question, report=report,
            occurred_at=resolve_occurred_at(text, local_now),
        )
