"""A database written before masking knew the shapes: the privacy migration masks what is stored."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storage.database import alembic_config, make_engine
from alembic import command

LEAKED_PNR = "450312 1234"
LEAKED_PHONE = "(08) 123 456 78"


@pytest.fixture
def old_database(database_url):
    """The schema of the first migration, with text as the old masking let it through."""
    engine = make_engine(database_url)
    config = alembic_config(engine)
    command.downgrade(config, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO unit (name, type, name_key, aliases) VALUES ('Solgården', 'annan', 'solgården', '[]')"))
        conn.execute(text(
            "INSERT INTO report (reference, kind, area, description, immediate_action, consequence, severe, "
            "lex_sarah_candidate, lex_maria_candidate, source, secondary_areas, unit_id, occurred_at, reported_at, "
            "status, action, updated_at) VALUES ('AV-2026-00001', 'avvikelse', 'fall', :d, :a, NULL, false, false, "
            "false, 'terminal', '[]', 1, '2026-03-01 10:00:00+00:00', '2026-03-01 10:00:00+00:00', 'ny', :x, "
            "'2026-03-01 10:00:00+00:00')"),
            {"d": f"bru {LEAKED_PNR} föll kl 06 45", "a": f"ringde {LEAKED_PHONE}", "x": "ring tfn: 070-123 45 67"})
        conn.execute(text("INSERT INTO report_event (report_id, at, action, field, old_value, new_value) VALUES "
                          "(1, '2026-03-01 10:00:00+00:00', 'changed', 'action', NULL, :v)"),
                     {"v": "ring tfn: 070-123 45 67"})
        conn.execute(text("INSERT INTO access_log (at, user_key, role, question, revealed) VALUES "
                          "('2026-03-01 10:00:00+00:00', 'U1', 'mas', :q, 'x')"), {"q": f"visa {LEAKED_PNR}"})
        conn.execute(text("INSERT INTO conversation_draft (user_key, thread_key, state, created_at, updated_at) "
                          "VALUES ('U1', '', :s, '2026-03-01 10:00:00+00:00', '2026-03-01 10:00:00+00:00')"),
                     {"s": '{"flow": "report", "held_text": "bru 19 450312 1234", '
                           '"occurred_at": "2026-03-01T10:00:00+01:00"}'})
    yield engine, config
    engine.dispose()


def test_migreringen_maskerar_text_som_redan_ligger_i_databasen(old_database):
    engine, config = old_database
    command.upgrade(config, "head")
    with engine.connect() as conn:
        report = conn.execute(text("SELECT description, immediate_action, action FROM report")).one()
        event = conn.execute(text("SELECT new_value FROM report_event")).scalar_one()
        question = conn.execute(text("SELECT question FROM access_log")).scalar_one()
        state = conn.execute(text("SELECT state FROM conversation_draft")).scalar_one()
    assert tuple(report) == ("bru [personnummer] föll kl 06 45", "ringde [telefonnummer]",
                             "ring tfn: [telefonnummer]")
    assert event == "ring tfn: [telefonnummer]"
    assert question == "visa [personnummer]"
    state_text = state if isinstance(state, str) else __import__("json").dumps(state)
    assert "450312" not in state_text and "2026-03-01T10:00:00+01:00" in state_text
