"""Plain-text rendering of replies for the terminal and `omsorgsbot ask`: choices numbered."""

from __future__ import annotations

from intents.messages import Reply


def render_reply(reply: Reply) -> str:
    if not reply.choices:
        return reply.text
    options = "  ".join(f"{i}) {choice.label}" for i, choice in enumerate(reply.choices, 1))
    return f"{reply.text}\n{options}"


def render_replies(replies: list[Reply]) -> str:
    return "\n\n".join(render_reply(r) for r in replies)
