"""Att läsa en hanteringstext: genererade meddelanden av verkliga former – fälten i valfri ordning,
med punkt, semikolon, ny rad eller bara fältordet emellan, fältord i vardagsform, med och utan å/ä/ö,
versaler och små stavfel – ger varje fält med sin egen text, och inget tappas tyst."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_models.handling import read_handling
from nlp_models.handling.causes import categorize_cause
from nlp_models.text.normalize import fold

FEW = settings(max_examples=120, deadline=None)

# field -> (names a handler writes before a colon, values they write)
FREE_FIELDS = {
    "investigation": (["utredning", "Utredning", "händelseutredning", "utredningen", "Utredn"],
                      ["pratat med nattpersonalen och ssk", "gått igenom signeringslistan med teamet",
                       "intervjuat usk som hittade brukaren, golvet var vått"]),
    "cause": (["orsak", "Orsak", "orsaken", "bakomliggande orsak", "rotorsak", "anledning"],
              ["lös matta i hallen", "larmet var urladdat", "ny vikarie utan delegering",
               "brukaren reste sig utan rollator"]),
    "action": (["åtgärd", "Åtgärd", "åtgärder", "vidtagen åtgärd", "atgard", "ATGÄRD"],
               ["mattan borttagen, AT bokad för hembesök", "extra tillsyn nattetid", "sänglarm beställt",
                "dubbelkontroll vid kvällsutdelning"]),
    "feedback": (["återkoppling", "Återkoppling", "aterkoppling", "feedback"],
                 ["tack för att du skrev, vi har tagit bort mattan", "vi tar upp det på nästa APT"]),
    "comment": (["kommentar", "anteckning", "notering"], ["ssk följer upp i morgon", "väntar på AT"]),
}
STATUSES = {"utreds": ["utreds", "under utredning"], "åtgärdad": ["åtgärdad", "atgardad", "klar"],
            "avslutad": ["avslutad", "avslutat", "stängd"]}
SEPARATORS = [". ", ".\n", "; ", "\n", " ", ".  ", " ; "]


def _without_diacritics(text: str) -> str:
    return "".join(a if a.isupper() else b for a, b in zip(text, fold(text))) if text else text


@st.composite
def handling_messages(draw):
    fields = draw(st.lists(st.sampled_from(sorted(FREE_FIELDS)), min_size=1, max_size=4, unique=True))
    plain = draw(st.booleans())  # typed without å/ä/ö
    parts, expected = [], {}
    for field in fields:
        names, values = FREE_FIELDS[field]
        name, value = draw(st.sampled_from(names)), draw(st.sampled_from(values))
        if plain:
            name = _without_diacritics(name)
        parts.append(f"{name}: {value}")
        expected[field] = value
    status = draw(st.none() | st.sampled_from(sorted(STATUSES)))
    if status:
        word = draw(st.sampled_from(STATUSES[status]))
        parts.insert(draw(st.integers(0, len(parts))), f"status {word}")
        expected["status"] = word
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + part
    return text, expected


@FEW
@given(handling_messages())
def test_genererade_meddelanden_ger_varje_falt_med_sin_text(message):
    text, expected = message
    reading = read_handling(text)
    got = {f.field: f.text for f in reading.fields}
    assert got == expected, text
    assert not reading.not_understood and not reading.inferred


@FEW
@given(st.sampled_from(FREE_FIELDS["action"][1]), st.sampled_from(["den är klar nu", "klart", "nu är det fixat",
                                                                   "det är åtgärdat"]))
def test_text_utan_faltord_lases_som_atgard_och_status_och_markeras_som_forslag(action, done):
    reading = read_handling(f"vi har infört {action}, {done}")
    fields = {f.field: f for f in reading.fields}
    assert fields["action"].text == f"vi har infört {action}" and fields["action"].inferred
    assert fields["status"].inferred


@pytest.mark.parametrize("text, field", [
    ("informerat dottern om fallet", "informed"),
    ("sonen är informerad om händelsen", "informed"),
    ("pratat med nattpersonalen om vad som hände", "investigation"),
    ("ringt sonen och bokat dusch tis och fre", "action"),
    ("vi har bytt batteri i larmet", "action"),
    ("återkopplat till personalgruppen på APT", "feedback"),
    ("golvet var vått, det berodde på läckan", "cause"),
    ("ej anmälningspliktig", "lex"),
    ("det är en HSL-avvikelse", "lagrum"),
    ("under utredning", "status"),
])
def test_vardagliga_meningar_far_ratt_falt(text, field):
    [only] = read_handling(text).fields
    assert only.field == field and only.inferred


@pytest.mark.parametrize("text, cause", [
    ("orsaken var att larmet inte var laddat", "larmet inte var laddat"),
    ("det berodde på att golvet var vått", "golvet var vått"),
    ("på grund av halt golv", "halt golv"),
])
def test_vardagliga_faltord_i_borjan_av_en_mening_ar_faltet(text, cause):
    [only] = read_handling(text).fields
    assert (only.field, only.text, only.inferred) == ("cause", cause, False)


@pytest.mark.parametrize("text", ["qwerty asdf", "hmm", "jaha okej då", "123 456"])
def test_det_som_inte_gar_att_placera_sags(text):
    reading = read_handling(text)
    assert reading.fields == () and reading.not_understood


@pytest.mark.parametrize("cause, category", [
    ("lös matta i hallen", "omgivning och organisation"),
    ("halt golv i badrummet", "omgivning och organisation"),
    ("larmet var urladdat", "teknisk utrustning"),
    ("trasig rullstolsbroms", "teknisk utrustning"),
    ("ny vikarie utan delegering", "utbildning och kompetens"),
    ("signeringslistan följdes inte", "processer och rutiner"),
    ("missförstånd vid överrapporteringen", "kommunikation och information"),
    ("otur", "annat"),
])
def test_orsak_i_fritext_far_en_kategori(cause, category):
    assert category in categorize_cause(cause)[0]
