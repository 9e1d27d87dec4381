"""The closed value sets the database stores, in the Swedish words staff see."""

from __future__ import annotations

from enum import StrEnum


class UnitType(StrEnum):
    HEMTJANST = "hemtjänst"
    SARSKILT_BOENDE = "särskilt boende"
    KORTTIDSBOENDE = "korttidsboende"
    ANNAN = "annan"


class Role(StrEnum):
    PERSONAL = "personal"
    SJUKSKOTERSKA = "sjuksköterska"
    CHEF = "chef"
    MAS = "mas"
    SAS = "sas"  # socialt ansvarig samordnare: lex Sarah across the municipality
    ADMIN = "admin"


class ReportKind(StrEnum):
    AVVIKELSE = "avvikelse"
    SYNPUNKT = "synpunkt"


class Area(StrEnum):
    FALL = "fall"
    LAKEMEDEL = "läkemedel"
    TRYCKSAR = "trycksår"
    LARM = "larm"
    OVRIGT = "övrigt"


class Consequence(StrEnum):
    INGEN = "ingen"
    LINDRIG = "lindrig"
    MATTLIG = "måttlig"
    ALLVARLIG = "allvarlig"
    OKAND = "okänd"  # the reporter did not know ("vet ej")


class ReportStatus(StrEnum):
    NY = "ny"
    UTREDS = "utreds"
    ATGARDAD = "åtgärdad"
    AVSLUTAD = "avslutad"


class Flag(StrEnum):
    """What the bot or the reporter flagged a report as; the people responsible decide."""

    SEVERE = "severe"  # severe, or consequence "allvarlig"
    LEX_SARAH = "lex_sarah"  # possible missförhållande (SoL/LSS)
    LEX_MARIA = "lex_maria"  # possible serious vårdskada (HSL)
    ANY = "any"  # any of the three


class Lagrum(StrEnum):
    SOL = "SoL"
    HSL = "HSL"
    LSS = "LSS"


class TimePrecision(StrEnum):
    """How much of `occurred_at` was said: only the day, a part of it, the week, or nothing (then the report's
    time stands in). No value: the clock time was said."""

    DAG = "dag"
    NATT = "natt"
    MORSE = "morse"
    FORMIDDAG = "formiddag"
    LUNCH = "lunch"
    MIDDAG = "middag"
    EFTERMIDDAG = "eftermiddag"
    KVALL = "kvall"
    VECKA = "vecka"
    OKAND = "okand"


class Source(StrEnum):
    SLACK = "slack"
    TERMINAL = "terminal"
    IMPORT = "import"


class UnitRelation(StrEnum):
    MEMBER = "member"
    MANAGER = "manager"


REFERENCE_PREFIX = {ReportKind.AVVIKELSE: "AV", ReportKind.SYNPUNKT: "SP"}


class MessageKind(StrEnum):
    """What an outbox message is (storage/outbox.py); any feature may queue its own kind."""

    ALERT = "alert"
    FEEDBACK = "feedback"
    DIGEST = "digest"
    REMINDER = "reminder"
    ADMIN = "admin"  # to the administrators about the bot itself (e.g. a message that could not be sent)
    REPLY = "reply"  # an answer to something done outside a conversation (e.g. the report form's receipt)
