from __future__ import annotations

import pytest

from storage.indicators.definitions import load_indicator_catalog


@pytest.fixture(scope="session")
def catalog():
    return load_indicator_catalog()
