"""Masking personal identifiers: personnummer, samordningsnummer, phone numbers, e-mail."""

from __future__ import annotations

import pytest

from nlp_models.personal_data.masking import MaskedText, mask_personal_data


@pytest.mark.parametrize(
    "number",
    [
        "19450312-1234",   # 12 digits with hyphen
        "194503121234",    # 12 digits without separator
        "450312-1234",     # 10 digits with hyphen
        "450312+1234",     # 10 digits, over 100 years old
        "4503121234",      # 10 digits without separator
        "19450372-1235",   # samordningsnummer (day + 60)
        "450372-1235",
        "121212-1212",     # valid checksum
        "121212-1213",     # invalid checksum: masked all the same
    ],
)
def test_personnummer_och_samordningsnummer_maskeras(number: str) -> None:
    masked = mask_personal_data(f"bru {number} ramlade i natt")
    assert masked.text == "bru [personnummer] ramlade i natt"
    assert masked.kinds == ["personnummer"]


@pytest.mark.parametrize(
    "phone",
    [
        "070-123 45 67",
        "0701234567",
        "070-1234567",
        "+46 70 123 45 67",
        "+46701234567",
        "0046 70 123 45 67",
        "08-123 456 78",
        "031-12 34 56",
        "0771-123 456",
    ],
)
def test_svenska_telefonnummer_maskeras(phone: str) -> None:
    masked = mask_personal_data(f"ring dottern på {phone} i kväll")
    assert masked.text == "ring dottern på [telefonnummer] i kväll"
    assert masked.kinds == ["telefonnummer"]


def test_epost_maskeras() -> None:
    masked = mask_personal_data("skicka till anna.svensson@kommun.se eller a_b+x@mail.example.com.")
    assert masked.text == "skicka till [e-post] eller [e-post]."
    assert masked.kinds == ["e-post"]


def test_flera_slag_i_ordning() -> None:
    masked = mask_personal_data("19450312-1234, tel 0701234567, mejl x@y.se")
    assert masked.text == "[personnummer], tel [telefonnummer], mejl [e-post]"
    assert masked.kinds == ["personnummer", "telefonnummer", "e-post"]


@pytest.mark.parametrize(
    "text",
    [
        "fall kl 14.30 i matsalen",
        "hände 2026-03-05 på kvällen",
        "500 kr saknas i plånboken",
        "ringde 112 direkt",
        "rum 12, avd 2, 5 mg Oxynorm",
        "blodsocker 14 vid lunch, INR 6,2",
        "mellan 21.00 och 07.00",
        "vecka 12 2026",
        "kl 06.10 vid morgonbesöket",
    ],
)
def test_tider_datum_och_belopp_maskeras_inte(text: str) -> None:
    assert mask_personal_data(text) == MaskedText(text, [])


def test_tom_text() -> None:
    assert mask_personal_data("") == MaskedText("", [])
