"""`omsorgsbot påminnelser`: visar dagens påminnelser, och med --send går de genom utkorgen till
terminalen när Slack inte är inställt – en gång per person och dag."""

from __future__ import annotations


def _stale_report(cli) -> str:
    cli("units", "add", "Solgården")
    cli("users", "set-role", "U-chef", "chef", "--unit", "Solgården")
    cli("users", "set-role", "U1", "personal", "--unit", "Solgården")
    cli("ask", "--user", "U1", "--now", "2026-03-02 10:00",
        "bru hittad på golvet i badrummet på Solgården i natt kl 3, ingen skada, ssk kontaktad")
    saved = cli("ask", "--user", "U1", "--now", "2026-03-02 10:01", "skicka")
    assert "AV-2026-00001" in saved.output
    return "AV-2026-00001"


def test_paminnelser_visas_och_skickas_en_gang(cli):
    reference = _stale_report(cli)
    shown = cli("påminnelser", "--now", "2026-03-11 08:30")
    assert "[till U-chef]" in shown.output and reference in shown.output
    sent = cli("påminnelser", "--now", "2026-03-11 08:30", "--send")
    assert sent.exit_code == 0
    assert sent.output.count("[till U-chef]") == 1 and reference in sent.output
    assert "1 påminnelser skickade" in sent.output
    again = cli("påminnelser", "--now", "2026-03-11 09:30", "--send")
    assert "[till U-chef]" not in again.output and "0 påminnelser skickade" in again.output
