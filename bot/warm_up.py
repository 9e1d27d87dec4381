"""Readying a long-running bot process before it takes messages.

A first message would otherwise pay for what the language understanding loads on the way (the
Swedish word list of the spelling check: about a second), and every other person's reply would
wait behind it. After the warm-up, what is loaded is moved out of the garbage collector's reach
(`gc.freeze`): it lives as long as the process, and a full collection that walked through it all
held every thread for about 100 ms.
"""

from __future__ import annotations

import gc
import logging
import time
from datetime import UTC, datetime

from intents.turn import BotServices
from nlp_models.text.spelling import load_swedish_words

log = logging.getLogger(__name__)

# Written for the warm-up: a report with typos and no å/ä/ö, a question, a routine question.
SAMPLES = (
    "hittade brukaren pa golvet i badrumet i morse, ingen skada, ssk kontaktad",
    "kvallsmedicinen glomdes hos en brukare, lakare informerad",
    "hur manga fallavvikelser hade vi forra manaden",
    "vad ska jag gora nar larmet inte fungerar",
)


def warm_up(services: BotServices) -> float:
    """Load what the first messages would load, then freeze it; returns the seconds it took."""
    started = time.perf_counter()
    load_swedish_words()
    now = datetime.now(UTC)
    for text in SAMPLES:
        services.nlu.understand(text, now)
    gc.collect()
    gc.freeze()
    seconds = time.perf_counter() - started
    log.info("warmed up in %.1f s", seconds)
    return seconds
