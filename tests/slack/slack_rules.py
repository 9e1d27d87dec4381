"""Slack's rules for Block Kit payloads, as the Web API enforces them: what the stand-in refuses with
`invalid_blocks`. slack_sdk's models check each block's own limits; Slack also requires what the
models do not check: a block_id at most once per message or view, an action_id at most once per
block, non-empty texts, and the documented counts and lengths.

Limits from Slack's Block Kit reference: 50 blocks in a message, 100 in a modal or Home tab;
block_id and action_id at most 255 characters; a text object 1–3000 characters; section fields at
most 10 of 2000; a header 150; a button's text 75 and value 2000; at most 25 elements in an actions
block and 10 in a context block; an option's text 75 and value 150, at most 100 options; a modal's
title, submit and close 24; private_metadata 3000; callback_id 255.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
ID_LENGTH = 255
TEXT_LENGTH = 3000
LIMITS = {
    ("section", "fields"): 10, ("actions", "elements"): 25, ("context", "elements"): 10,
}
TEXT_LIMITS = {"header": 150, "button": 75, "option": 75}
OPTION_VALUE = 150
BUTTON_VALUE = 2000
FIELD_TEXT = 2000
OPTIONS = 100
MODAL_TEXT = 24
PRIVATE_METADATA = 3000


def _texts(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every text object in a block, with where it is."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if node.get("type") in ("plain_text", "mrkdwn") and "text" in node:
            found.append((path, node))
        for key, value in node.items():
            found += _texts(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _texts(value, f"{path}/{i}")
    return found


def _elements(block: dict[str, Any]) -> list[dict[str, Any]]:
    elements = [e for e in block.get("elements") or [] if isinstance(e, dict)]
    for key in ("accessory", "element"):
        if isinstance(block.get(key), dict):
            elements.append(block[key])
    return elements


def _element_problems(element: dict[str, Any], where: str) -> list[str]:
    problems = []
    kind = element.get("type")
    if len(str(element.get("action_id", ""))) > ID_LENGTH:
        problems.append(f"{where}: action_id longer than {ID_LENGTH}")
    if kind == "button":
        text = (element.get("text") or {}).get("text", "")
        if len(text) > TEXT_LIMITS["button"]:
            problems.append(f"{where}: button text longer than {TEXT_LIMITS['button']}")
        if len(str(element.get("value", ""))) > BUTTON_VALUE:
            problems.append(f"{where}: button value longer than {BUTTON_VALUE}")
    options = element.get("options") or []
    if len(options) > OPTIONS:
        problems.append(f"{where}: more than {OPTIONS} options")
    for option in options + ([element["initial_option"]] if isinstance(element.get("initial_option"), dict) else []):
        if len((option.get("text") or {}).get("text", "")) > TEXT_LIMITS["option"]:
            problems.append(f"{where}: option text longer than {TEXT_LIMITS['option']}")
        if len(str(option.get("value", ""))) > OPTION_VALUE:
            problems.append(f"{where}: option value longer than {OPTION_VALUE}")
    if kind == "plain_text_input":
        longest = element.get("max_length", TEXT_LENGTH)
        if longest > TEXT_LENGTH:
            problems.append(f"{where}: max_length above {TEXT_LENGTH}")
        if len(element.get("initial_value") or "") > longest:
            problems.append(f"{where}: initial_value longer than max_length")
    return problems


def block_problems(blocks: Any, limit: int) -> list[str]:
    if not isinstance(blocks, list):
        return ["blocks must be an array"]
    problems = [f"more than {limit} blocks ({len(blocks)})"] if len(blocks) > limit else []
    block_ids: set[str] = set()
    for i, raw in enumerate(blocks):
        where = f"/blocks/{i}"
        if not isinstance(raw, dict) or not raw.get("type"):
            problems.append(f"{where}: not a block")
            continue
        parsed = Block.parse(raw)
        if parsed is None or type(parsed) is Block:
            problems.append(f"{where}: unknown block type {raw.get('type')!r}")
            continue
        try:
            parsed.to_dict()  # slack_sdk's validators
        except SlackObjectFormationError as exc:
            problems.append(f"{where}: {exc}")
        block_id = raw.get("block_id")
        if block_id is not None:
            if not block_id or len(block_id) > ID_LENGTH:
                problems.append(f"{where}: block_id must be 1–{ID_LENGTH} characters")
            if block_id in block_ids:
                problems.append(f"{where}: duplicate block_id {block_id!r}")
            block_ids.add(block_id)
        action_ids = [e["action_id"] for e in _elements(raw) if e.get("action_id")]
        for action_id in {a for a in action_ids if action_ids.count(a) > 1}:
            problems.append(f"{where}: duplicate action_id {action_id!r} in one block")
        for (kind, key), most in LIMITS.items():
            if raw.get("type") == kind and len(raw.get(key) or []) > most:
                problems.append(f"{where}: more than {most} {key}")
        if raw.get("type") == "section":
            if not raw.get("text") and not raw.get("fields"):
                problems.append(f"{where}: a section needs text or fields")
            problems += [f"{where}: a field longer than {FIELD_TEXT}" for f in raw.get("fields") or []
                         if len(f.get("text", "")) > FIELD_TEXT]
        if raw.get("type") == "header" and len((raw.get("text") or {}).get("text", "")) > TEXT_LIMITS["header"]:
            problems.append(f"{where}: header longer than {TEXT_LIMITS['header']}")
        for path, text in _texts(raw):
            value = text.get("text")
            if not isinstance(value, str) or not value:
                problems.append(f"{where}{path}: empty text")
            elif len(value) > TEXT_LENGTH:
                problems.append(f"{where}{path}: text longer than {TEXT_LENGTH}")
        for j, element in enumerate(_elements(raw)):
            problems += _element_problems(element, f"{where}/element{j}")
    return problems


def message_problems(params: dict[str, Any]) -> list[str]:
    """A chat.postMessage / postEphemeral / update, or a response_url payload."""
    blocks = params.get("blocks")
    if isinstance(blocks, str):
        import json

        blocks = json.loads(blocks)
    if blocks is None:
        return [] if params.get("text") else ["no_text"]
    return block_problems(blocks, MESSAGE_BLOCKS)


def view_problems(view: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    kind = view.get("type")
    if kind not in ("modal", "home"):
        return [f"unknown view type {kind!r}"]
    try:
        View(**view).to_dict()
    except (SlackObjectFormationError, TypeError) as exc:
        problems.append(str(exc))
    blocks = view.get("blocks") or []
    problems += block_problems(blocks, VIEW_BLOCKS)
    if kind == "modal":
        for key in ("title", "submit", "close"):
            text = (view.get(key) or {}).get("text", "")
            if key == "title" and not text:
                problems.append("a modal needs a title")
            if len(text) > MODAL_TEXT:
                problems.append(f"{key} longer than {MODAL_TEXT}")
        if any(b.get("type") == "input" for b in blocks) and not view.get("submit"):
            problems.append("a modal with inputs needs submit")
    if len(view.get("private_metadata") or "") > PRIVATE_METADATA:
        problems.append(f"private_metadata longer than {PRIVATE_METADATA}")
    if len(view.get("callback_id") or "") > ID_LENGTH:
        problems.append(f"callback_id longer than {ID_LENGTH}")
    return problems
