"""Block rendering on its own: Slack's limits, safe cutting and escaping."""

from __future__ import annotations

import re

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


# ---- generated: any text a person writes is shown literally, and every reply is a payload Slack takes

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.slack.slack_rules import message_problems  # noqa: E402

WORDS = ["brukare", "bru", "föll", "på", "golvet", "Solgården", "kl", "22", "ssk", "kontaktad", "ingen", "skada",
         "MAS_USER_IDS", "AV-2026-00042", "2*3", "ca~5", "e-post", "fick", "fel", "dos"]
MARKUP = ["*", "_", "~", "`", "```", ">", "&", "<", "<!here>", "<@U123>", "<https://x.se|klicka>", "\n> ", "\n",
          ":warning:", "**", "__", "~~"]
LOOK_ALIKES = "\u2217\u02cd\u223c\u02cb\u203a"  # what the formatting characters are shown as
typed = st.text(st.characters(blacklist_characters=LOOK_ALIKES, blacklist_categories=("Cs",)), max_size=4)
mixed = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKUP), typed), max_size=40).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
FORMATTING = re.compile(r"(?:^|[^0-9A-Za-zÅÄÖåäöÉé])[*_~]|[*_~](?:$|[^0-9A-Za-zÅÄÖåäöÉé])|`|^\s*&gt;", re.MULTILINE)
LIVE = re.compile(r"<[!@#]|<https?:")
UNDO = str.maketrans(dict(zip(LOOK_ALIKES, "*_~`>")))


def mrkdwn_texts(message) -> list[str]:
    return [message.text] + [b["text"]["text"] for b in message.blocks if b["type"] == "section"]


@settings(max_examples=150, deadline=None)
@given(words=mixed, choices=st.lists(st.text(min_size=1, max_size=90), max_size=7))
def test_vad_som_helst_visas_bokstavligt_och_godtas_av_slack(words, choices):
    message = render_reply(Reply(words, [Choice(c, c) for c in choices], bound_to="7:abc"))
    assert message_problems({"text": message.text, "blocks": message.blocks}) == []
    for shown in mrkdwn_texts(message):
        assert not FORMATTING.search(shown), shown
        assert not LIVE.search(shown), shown
    body = "\n".join(b["text"]["text"] for b in message.blocks if b["type"] == "section")
    if len(words.strip()) < 2000:  # not cut: what is shown reads back as exactly what was written
        literal = body.translate(UNDO).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        assert re.sub(r"\s+", " ", literal).strip() == re.sub(r"\s+", " ", words).strip()
