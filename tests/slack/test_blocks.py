"""Block rendering on its own: Slack's limits, safe cutting and escaping."""

from __future__ import annotations

from bot.slack.blocks import cut, escape, render_reply, split_text
from bot.slack.conversation import incoming_text
from intents.messages import Choice, Reply


def test_escape_turns_slack_markup_into_literal_text():
    assert escape("<!channel> <@U123> <https://evil|klicka> a & b") == (
        "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|klicka&gt; a &amp; b")


def test_incoming_markup_becomes_plain_text():
    assert incoming_text("<@U123> <!here> <#C1|allmänt> <https://x.se|länk> <https://y.se> a &amp; &lt;b&gt;") == (
        "@U123 @here #allmänt länk https://y.se a & <b>")


def test_cut_never_breaks_an_entity_and_marks_the_cut():
    text = "a" * 95 + "&amp;" + "b" * 20
    out = cut(text, 99)
    assert len(out) <= 99 and out.endswith("…") and "&am…" not in out and "&…" not in out
    assert cut("kort", 10) == "kort"


def test_long_replies_are_split_into_valid_sections():
    reply = Reply(("Ett stycke med ord. " * 200 + "\n\n") * 5, [Choice(f"Val {i} " + "x" * 100, f"v{i}") for i in range(12)])
    message = render_reply(reply)
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert len(sections) > 1 and all(len(b["text"]["text"]) <= 3000 for b in sections)
    buttons = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(buttons) == 12 and all(len(e["text"]["text"]) <= 75 for e in buttons)
    assert len(message.blocks) <= 50 and 0 < len(message.text) <= 4000


def test_huge_text_stays_within_the_block_limit():
    message = render_reply(Reply("ord " * 100_000))
    assert len(message.blocks) <= 50 and all(len(b["text"]["text"]) <= 3000 for b in message.blocks)


def test_empty_text_still_has_a_top_level_text():
    message = render_reply(Reply("", [Choice("Ja", "ja")]))
    assert message.text.strip()


def test_split_text_keeps_everything_short():
    pieces = split_text("x" * 7000)
    assert all(len(p) <= 3000 for p in pieces) and "".join(pieces) == "x" * 7000
