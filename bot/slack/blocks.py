"""Replies as Slack messages: Block Kit built with slack_sdk's models, so Slack's limits are checked.

Every text that reaches Slack goes through `escape` first: the core writes plain text (which
contains what users typed), so `<!channel>`, `<@U123>` or `<https://evil|klicka>` must show literally,
and so must `*`, `_`, `~`, backticks and a `>` starting a line, which mrkdwn would turn into bold,
italics, strike-through, code or a quote (a stray ``` would swallow the rest of the message). Slack
has no escape for those, so they become look-alike characters that mrkdwn leaves alone.

A button's value carries the choice and what it is bound to (`encode_choice`), so a click on an
old message can be refused by the engine.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from intents.messages import Choice, Reply

SECTION_LIMIT = 3000  # SectionBlock.text_max_length
MESSAGE_TEXT_LIMIT = 3900  # Slack truncates a message's top-level text beyond 4000 characters
BUTTON_LABEL_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
BUTTONS_PER_ROW = 5  # Slack allows 25; five keep the buttons readable on a phone
MAX_BLOCKS = 50
CHOICE_ACTION_PREFIX = "choice"
ELLIPSIS = "…"


# mrkdwn's formatting characters and what is shown instead: ∗ (U+2217), ˍ (U+02CD), ∼ (U+223C), ˋ (U+02CB)
_LOOK_ALIKES = {"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"}
_QUOTE_AT_LINE_START = re.compile(r"^(\s*)&gt;", re.MULTILINE)
_WORD_CHARACTERS = frozenset(string.ascii_letters + string.digits + "åäöÅÄÖéÉ")


def _neutral(text: str) -> str:
    """*, _ and ~ can only open or close formatting next to a space, punctuation or the text's edge; one
    between two letters or digits (MAS_USER_IDS, user_not_found) stays as it is. Backticks always go."""
    out = []
    for i, char in enumerate(text):
        if char in _LOOK_ALIKES and not (char != "`" and 0 < i < len(text) - 1
                                         and text[i - 1] in _WORD_CHARACTERS and text[i + 1] in _WORD_CHARACTERS):
            char = _LOOK_ALIKES[char]
        out.append(char)
    return "".join(out)


def escape(text: str) -> str:
    """Text shown literally in mrkdwn: Slack's three control characters as entities, so it can never
    become a mention, link or @channel, and the formatting characters that could format as look-alikes."""
    text = _neutral(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return _QUOTE_AT_LINE_START.sub("\\1\u203a", text)  # › instead of a quote marker


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending in … ; never in the middle of an `&amp;`-style entity,
    preferably at a word boundary."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    head = text[: limit - len(ELLIPSIS)]
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:] and len(head) - amp < 6:
        head = head[:amp]
    space = head.rfind(" ")
    if space > len(head) - 40 and space > 0:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Long (already escaped) text in pieces of at most `limit`, broken at paragraphs or lines."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        at = max(window.rfind("\n\n"), window.rfind("\n"))
        if at < limit // 2:
            at = window.rfind(" ")
        if at < limit // 2:
            at = limit
            amp = window.rfind("&")
            if amp != -1 and ";" not in window[amp:]:
                at = amp
        pieces.append(rest[:at].rstrip())
        rest = rest[at:].lstrip("\n ")
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def section(text: str) -> SectionBlock:
    """A section of already escaped mrkdwn; verbatim so nothing is auto-linked or mentioned."""
    return SectionBlock(text=MarkdownTextObject(text=cut(text, SECTION_LIMIT), verbatim=True))


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=cut(text, 2000), verbatim=True)])


def encode_choice(value: str, bound_to: str | None) -> str:
    """A button's value: the choice, and the conversation state it belongs to."""
    if bound_to is None:
        return value[:BUTTON_VALUE_LIMIT]
    return json.dumps({"v": value[:1000], "b": bound_to}, ensure_ascii=False, separators=(",", ":"))


def decode_choice(raw: str) -> tuple[str, str | None]:
    """(choice value, binding) from a button's value; an unbound value is the choice itself."""
    if raw.startswith("{"):
        try:
            data = json.loads(raw)
        except ValueError:
            return raw, None
        if isinstance(data, dict) and isinstance(data.get("v"), str) and isinstance(data.get("b"), str):
            return data["v"], data["b"]
    return raw, None


def choice_buttons(choices: list[Choice], prefix: str = CHOICE_ACTION_PREFIX,
                   bound_to: str | None = None) -> list[ActionsBlock]:
    rows: list[ActionsBlock] = []
    for start in range(0, len(choices), BUTTONS_PER_ROW):
        row = choices[start : start + BUTTONS_PER_ROW]
        rows.append(ActionsBlock(
            block_id=f"{prefix}-{start // BUTTONS_PER_ROW}",
            elements=[
                ButtonElement(
                    text=PlainTextObject(text=cut(c.label, BUTTON_LABEL_LIMIT) or "–", emoji=True),
                    action_id=f"{prefix}:{start + i}",
                    value=encode_choice(c.value, bound_to),
                )
                for i, c in enumerate(row)
            ],
        ))
    return rows


@dataclass(frozen=True)
class SlackMessage:
    """What chat.postMessage / chat.postEphemeral get: the top-level text is always set."""

    text: str
    blocks: list[dict[str, Any]]

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def render_blocks(blocks: list[Block]) -> list[dict[str, Any]]:
    """to_dict() runs slack_sdk's validators: a block over Slack's limits fails here, not in Slack."""
    return [b.to_dict() for b in blocks[:MAX_BLOCKS]]


def render_reply(reply: Reply) -> SlackMessage:
    escaped = escape(reply.text.strip()) or " "
    button_rows = choice_buttons(reply.choices, bound_to=reply.bound_to)
    room = MAX_BLOCKS - len(button_rows)
    pieces = split_text(escaped)
    if len(pieces) > room:
        pieces = pieces[: room - 1] + [cut(" ".join(pieces[room - 1 :]), SECTION_LIMIT)]
    blocks: list[Block] = [section(p) for p in pieces]
    blocks += button_rows
    fallback = escaped
    if reply.choices:
        fallback += "\n" + "  ".join(f"{i}) {escape(c.label)}" for i, c in enumerate(reply.choices, 1))
    return SlackMessage(text=cut(fallback, MESSAGE_TEXT_LIMIT), blocks=render_blocks(blocks))


def render_text(text: str) -> SlackMessage:
    return render_reply(Reply(text))


def answered_message(original_text: str, chosen_label: str, *, stale: bool = False) -> SlackMessage:
    """A message whose buttons were used: the question stays, the buttons become what was chosen
    (or a note that they no longer applied)."""
    question = cut(original_text or " ", SECTION_LIMIT)
    chosen = ("Knapparna här gäller inte längre." if stale
              else f"Du valde: *{escape(cut(chosen_label, 200))}*")
    return SlackMessage(text=cut(f"{question}\n{chosen}", MESSAGE_TEXT_LIMIT),
                        blocks=render_blocks([section(question), context(chosen)]))
