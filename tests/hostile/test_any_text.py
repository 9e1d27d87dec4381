"""Whatever anyone types — unicode, control characters, NUL, RTL, emoji, very long text — the NLU
answers with a valid analysis and the dialogue engine with a reply, never an exception. On SQLite
and on PostgreSQL (which refuses NUL in text columns)."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from itertools import count

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import select

from intents.engine import DATABASE_DOWN, DialogueEngine
from intents.messages import ChannelKind, IncomingMessage
from intents.notifier import RecordingNotifier
from nlp_models.personal_data.masking import mask_personal_data
from storage.database import make_engine, session_scope
from storage.models import Report
from tests.hostile.strategies import long_messages, messages

NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")
INTENTS = {"report", "count", "indicator", "routine", "help"}
AREAS = {"fall", "läkemedel", "trycksår", "larm", "övrigt"}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PERSONNUMMER = re.compile(r"\b\d{8}-\d{4}\b")


@FAST
@given(words=messages)
@example(words="\x00")
@example(words="\u202ebrukare föll\u202c \x00 på Solgården 🧓🏻 i natt")
@example(words="İİİ ßß ﬁ hur många fall i mars İ")
def test_sprakforstaelsen_tal_vilken_text_som_helst(shared_nlu, words):
    understanding = shared_nlu.understand(words, NOW)
    assert understanding.intent in INTENTS
    assert understanding.report.area in AREAS
    contract = understanding.contract()
    assert contract["intent"] == understanding.intent
    if understanding.occurred_at is not None:
        assert understanding.occurred_at.tzinfo is not None


@FEW
@given(words=long_messages)
@example(words="brukare föll " * 8000)  # about 100 000 characters
def test_sprakforstaelsen_tal_mycket_lang_text(shared_nlu, words):
    assert shared_nlu.understand(words, NOW).intent in INTENTS


@FAST
@given(words=messages, today=st.dates(min_value=date(1970, 1, 1), max_value=date(2200, 12, 31)))
@example(words="vecka 53 i fjol", today=date(2021, 1, 3))
@example(words="mellan 31 och 1 februari", today=date(2024, 2, 29))
@example(words="senaste 999999999 månaderna", today=date(2026, 3, 10))
def test_fragetolkningen_tal_vilken_text_och_vilket_datum_som_helst(shared_nlu, words, today):
    parsed = shared_nlu.questions.parse(words, today)
    if parsed.period is not None:
        assert parsed.period.start <= parsed.period.end


@FAST
@given(before=messages, after=messages)
def test_personnummer_maskeras_vad_som_an_star_runt_omkring(before, after):
    masked = mask_personal_data(f"{before} 19450101-1234 {after}").text
    assert "19450101-1234" not in masked


# ---- the dialogue engine, on a database kept for the whole module (drafts carry over between examples) ----

_users = count()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fuzz_engine(request, tmp_path_factory, shared_nlu, routine_library):
    from tests.hostile.conftest import seeded, services_on

    if request.param == "sqlite":
        db = make_engine(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
        cleanup = db.dispose
    else:
        server, admin = request.getfixturevalue("postgres_server")
        name = f"fuzz{os.getpid()}"
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        db = make_engine(server.url(name))

        def cleanup() -> None:
            db.dispose()
            with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    seeded(db)
    engine = DialogueEngine(services_on(db, shared_nlu, routine_library, RecordingNotifier()))
    yield engine
    cleanup()


ROLES = ["U-usk", "U-chef", "U-mas", "U-ny"]


@FAST
@given(words=messages, user=st.sampled_from(ROLES), public=st.booleans())
@example(words="brukare på Solgården föll i natt \x00 ingen skada, ssk kontaktad", user="U-usk", public=False)
@example(words="skicka", user="U-usk", public=False)
@example(words="\x00", user="U-mas", public=False)
@example(words="hur många fall på Solgården\x00 i mars", user="U-mas", public=False)
def test_dialogen_svarar_pa_vad_som_helst_utan_undantag(fuzz_engine, words, user, public):
    channel = ChannelKind.PUBLIC if public else ChannelKind.DIRECT
    replies = fuzz_engine.handle(IncomingMessage(user_id=user, text=words, at=NOW, channel=channel,
                                                 thread_key="C-allmant" if public else ""))
    assert replies and all(isinstance(r.text, str) and r.text.strip() for r in replies)
    assert all(r.text != DATABASE_DOWN for r in replies), "odd text must not look like a database outage"


@FEW
@given(words=long_messages, user=st.sampled_from(ROLES))
def test_dialogen_tal_mycket_langa_meddelanden(fuzz_engine, words, user):
    replies = fuzz_engine.handle(IncomingMessage(user_id=user, text=words, at=NOW))
    assert replies and all(r.text != DATABASE_DOWN for r in replies)


def test_nul_i_en_rapport_sparas_utan_nul_och_med_resten_av_texten(fuzz_engine):
    user = f"U-nul-{next(_users)}"
    say = lambda words: fuzz_engine.handle(IncomingMessage(user_id=user, text=words, at=NOW))  # noqa: E731
    say("avbryt")
    answer = " ".join(r.text for r in say("brukare på Björkhagen\x00 föll i natt kl 2, ingen skada, ssk kontaktad"))
    assert "Sammanfattning" in answer
    saved = " ".join(r.text for r in say("skicka"))
    reference = re.search(r"AV-\d{4}-\d{5}", saved).group(0)
    with session_scope(fuzz_engine.services.engine) as session:
        report = session.exec(select(Report).where(Report.reference == reference)).one()
    assert "\x00" not in report.description and "Björkhagen" in report.description
