"""A serving process loads what the first messages would load before it takes any, and sets the
loaded objects aside from the garbage collector."""

from __future__ import annotations

import gc
from types import SimpleNamespace

from bot.warm_up import SAMPLES, warm_up
from nlp_models.analyzer import LanguageUnderstanding
from nlp_models.text import spelling


class CountingNlu:
    def __init__(self) -> None:
        self.inner, self.texts = LanguageUnderstanding(), []

    def understand(self, text, now):
        self.texts.append(text)
        return self.inner.understand(text, now)


def test_uppvarmningen_laser_ordlistan_och_gar_igenom_exempel_innan_forsta_meddelandet():
    nlu = CountingNlu()
    with spelling._loading:
        spelling._built_word_groups.cache_clear()
    try:
        warm_up(SimpleNamespace(nlu=nlu))
        assert spelling._built_word_groups.cache_info().currsize == 1
        assert nlu.texts == list(SAMPLES)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
