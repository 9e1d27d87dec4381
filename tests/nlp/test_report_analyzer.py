"""The report analyser, one behaviour at a time: areas, kind, negation, traps, compounds,
abbreviations, typos, severity, lex Sarah/Maria, consequence, immediate action, staff injury."""

from __future__ import annotations

from functools import lru_cache

import pytest

from nlp_models.reports.analyzer import ReportAnalysis, ReportAnalyzer


@lru_cache(maxsize=1)
def analyzer() -> ReportAnalyzer:
    return ReportAnalyzer()


def analyze(text: str) -> ReportAnalysis:
    return analyzer().analyze(text)


def area_of(text: str) -> str:
    return analyze(text).area


# -- areas -------------------------------------------------------------------------------

AREA_CASES = [
    # fall
    ("bru ramlade i badrummet vid morgonbesöket", "fall"),
    ("Brukaren föll baklänges från rollatorn", "fall"),
    ("hittad liggande på köksgolvet vid lunchbesöket", "fall"),
    ("gled ur rullstolen i dagrummet", "fall"),
    ("bru tappade balansen i hallen men jag fick tag i henne", "fall"),
    # läkemedel
    ("glömde ge kvällsmedicinen, upptäcktes av nattpersonalen", "läkemedel"),
    ("dosetten saknas hemma hos bru", "läkemedel"),
    ("gav Alvedon vb utan att fråga ssk", "läkemedel"),
    ("narkotikaräkningen stämmer inte, saknas två Oxynorm", "läkemedel"),
    ("signeringslistan är inte signerad för lunchen", "läkemedel"),
    # trycksår
    ("rodnad på hälen som inte bleknar vid tryck", "trycksår"),
    ("trycksår kategori 2 på sacrum upptäckt vid dusch", "trycksår"),
    ("lägesändring inte gjord på hela natten", "trycksår"),
    ("tryckavlastande madrass saknas fortfarande", "trycksår"),
    # larm
    ("trygghetslarmet fungerade inte vid test", "larm"),
    ("bru larmade men ingen kom på 40 minuter", "larm"),
    ("larmknappen var urladdad, batteriet slut", "larm"),
    ("nattpatrullen hann inte till bru, lång utryckningstid", "larm"),
    # övrigt
    ("missat besök hos bru i eftermiddags, insatsen låg inte i planeringen", "övrigt"),
    ("500 kr saknas ur plånboken", "övrigt"),
    ("bru har gått ner 5 kg, ingen har vägt henne", "övrigt"),
    ("nyckeln till lägenheten är borta", "övrigt"),
    ("bru hotade personalen och kastade en kopp", "övrigt"),
    ("journalen skickades till fel mottagare", "övrigt"),
]


@pytest.mark.parametrize(("text", "area"), AREA_CASES)
def test_omrade_fran_vardagliga_ord(text: str, area: str) -> None:
    assert area_of(text) == area


def test_omraden_skrivs_med_svenska_tecken() -> None:
    assert area_of("medicinen gavs för sent") == "läkemedel"
    assert area_of("trycksår på hälen") == "trycksår"
    assert area_of("ingenting särskilt att rapportera") == "övrigt"


def test_fall_utan_diakritiska_tecken() -> None:
    assert area_of("bru foll i koket och slog i knat") == "fall"
    assert area_of("hittad pa golvet i sovrummet") == "fall"


def test_lakemedel_och_trycksar_utan_diakritiska_tecken() -> None:
    assert area_of("lakemedel gavs till fel brukare") == "läkemedel"
    assert area_of("trycksar pa hogra halen") == "trycksår"


# -- compounds and abbreviations ---------------------------------------------------------

COMPOUND_CASES = [
    ("fallolycka i matsalen", "fall"),
    ("hög fallrisk, behöver höftskyddsbyxor", "fall"),
    ("läkemedelsmiss på avd 2", "läkemedel"),
    ("medicinfel vid kvällsdelningen", "läkemedel"),
    ("tryckskada av skorna på lilltån", "trycksår"),
    ("trycksårsrisken bedömd enligt Norton", "trycksår"),
    ("trygghetslarmet hos bru saknas", "larm"),
    ("nattlarmet gick inte fram", "larm"),
    ("larmknappen har tappats bort", "larm"),
    ("parkinsonmedicinen gavs två timmar för sent", "läkemedel"),
    ("hittad på badrumsgolvet", "fall"),
]


@pytest.mark.parametrize(("text", "area"), COMPOUND_CASES)
def test_sammansatta_ord_kanns_igen_via_ordstammar(text: str, area: str) -> None:
    assert area_of(text) == area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("TL fungerar inte hos bru", "larm"),
        ("bru fick sobril vb kl 14", "läkemedel"),
        ("ssk info, bru ramlade em", "fall"),
        ("tbl låg kvar på bordet", "läkemedel"),
        ("trycksår kat 2 på sacrum", "trycksår"),
    ],
)
def test_forkortningar_forstas(text: str, area: str) -> None:
    assert area_of(text) == area


# -- typos and near misses ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("bru ramlde i hallen", "fall"),
        ("bru snubbalde på tröskeln", "fall"),
        ("tabletetrna låg kvar i dosetten", "läkemedel"),
        ("bru fick fel medecin", "läkemedel"),
        ("trygghetslamret fungerar inte", "larm"),
        ("larment gick inte fram", "larm"),
        ("tryksår på höften", "trycksår"),
        ("vändnig ej gjord i natt", "trycksår"),
    ],
)
def test_stavfel_rattas_mot_lexikonet(text: str, area: str) -> None:
    assert area_of(text) == area


@pytest.mark.parametrize(
    "text",
    [
        "kylskåpet var fullt av gammal mat",          # full is not fall
        "det var för varmt i rummet hela dagen",     # varm is not larm
        "bru vill ha saft till maten",               # saft is not sår
        "fick vänta länge på hemtjänsten i morse",   # vänta is not vända
        "bru har ett nytt tillfälle för promenad",   # tillfälle contains no fall
    ],
)
def test_nastan_lika_ord_blir_inte_traffar(text: str) -> None:
    assert area_of(text) == "övrigt"


# -- traps and negation --------------------------------------------------------------------

def test_i_sa_fall_ar_inget_fall() -> None:
    assert area_of("i så fall ringer jag anhöriga i morgon") == "övrigt"
    assert area_of("i sa fall far vi boka om besoket") == "övrigt"


def test_i_alla_fall_ar_inget_fall() -> None:
    assert area_of("hon ville i alla fall inte duscha i dag") == "övrigt"


def test_efter_alla_fall_ar_fall() -> None:
    assert area_of("anhörig undrar varför inget görs efter alla fall") == "fall"


def test_insats_som_fallit_bort_ar_inget_fall() -> None:
    assert area_of("missat besök, insatsen hade fallit bort i planeringen") == "övrigt"


def test_negerat_fall_men_larmet_fungerade_inte_ar_larm() -> None:
    result = analyze("har inte ramlat men larmet gick inte att trycka på")
    assert result.area == "larm"
    assert "ramlat" not in result.evidence


def test_ingen_skada_efter_fall_ar_fortfarande_fall() -> None:
    result = analyze("bru ramlade i hallen, ingen skada")
    assert result.area == "fall"
    assert result.consequence == "ingen"


def test_avvek_fran_boendet_ar_ingen_avvikelserapport_om_fall() -> None:
    result = analyze("brukaren avvek från boendet i natt och hittades på parkeringen")
    assert result.area in {"övrigt", "larm"}
    assert result.kind == "avvikelse"


def test_avvikelse_som_budgetavvikelse_ger_inget_omrade() -> None:
    result = analyze("avvikelse mot budget för larm och natt i mars")
    assert result.area in {"övrigt", "larm"}
    assert not result.severe


# -- kind ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "anhörig klagar på att maten är kall",
        "dottern undrar varför mamma inte fått duscha",
        "vill framföra beröm till nattpersonalen",
        "synpunkt från bru: för lite aktiviteter",
        "sonen är missnöjd med att personalen kommer sent",
        "bru tycker att larmarmbandet är fult",
        "förslag från personalen: sätt upp ett handtag vid toaletten",
        "tack från bru till hemtjänsten",
    ],
)
def test_synpunkt_nar_nagon_ger_asikt_klagomal_eller_berom(text: str) -> None:
    assert analyze(text).kind == "synpunkt"


@pytest.mark.parametrize(
    "text",
    [
        "dottern ringde och berättade att mamma ramlat i helgen",
        "bru säger att hon halkade på mattan",
        "pratat med dottern om att ta bort mattan",
        "hon vill inte ha armbandet på sig för att det kliar",
        "fallrisken behöver ses över, önskar bedömning av AT",
        "tack vare kollegan kom vi in i tid",
    ],
)
def test_handelse_som_ateberattas_ar_avvikelse(text: str) -> None:
    assert analyze(text).kind == "avvikelse"


# -- severity and lex Sarah / lex Maria ------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "föll i hallen, röntgen visar höftfraktur",
        "bru föll och bröt armen",
        "slog huvudet i golvet och var medvetslös en stund",
        "ambulans tillkallad efter fallet",
        "bru avled i natt",
        "skickades in till akuten efter fallet",
        "fick dubbel dos morfin, andningsdepression och inlagd",
    ],
)
def test_allvarlig_skada_ger_severe(text: str) -> None:
    assert analyze(text).severe


@pytest.mark.parametrize(
    "text",
    [
        "ssk bedömer ingen fraktur",
        "behövde inte åka in, ssk tittade på knät",
        "ingen ambulans behövdes",
        "väntat på larm sen hon kom hem från sjukhuset",
        "fick tag i henne innan hon slog huvudet",
        "bru ramlade i hallen, inga skador",
    ],
)
def test_negerad_allvarlighet_ger_inte_severe(text: str) -> None:
    assert not analyze(text).severe


def test_lex_sarah_vid_overgrepp_och_vanvard() -> None:
    for text in [
        "kollega skrek åt bru och drog henne hårt i armen",
        "misstänkt vanvård, bru ser vanvårdad ut",
        "det här kan vara ett lex Sarah-ärende",
        "personal luktade alkohol på passet",
        "nattpersonalen verkade påverkad",
    ]:
        result = analyze(text)
        assert result.lex_sarah and result.severe, text
    for text in ["kollegan luktade gott", "personalen var inte påverkad"]:
        assert not analyze(text).lex_sarah, text


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("tabletter hittade på golvet under sängen", "läkemedel"),
        ("hittade tabletter på golvet", "läkemedel"),
        ("bru hittad på golvet, ingen skada", "fall"),
        ("bru ramlade i badrummet och tabletterna hamnade på golvet", "fall"),
        ("brukaren har fått ett sår på rumpan av blöjan", "trycksår"),
    ],
)
def test_vad_som_ligger_pa_golvet_avgor_omradet(text: str, area: str) -> None:
    assert analyze(text).area == area


def test_lex_maria_vid_allvarlig_vardskada() -> None:
    result = analyze("bru fick 10 mg morfin i stället för 1 mg, ambulans kom och hon är inlagd")
    assert result.area == "läkemedel"
    assert result.lex_maria and result.severe
    assert analyze("MAS utreder lex Maria efter trycksåret").lex_maria


def test_ingen_lex_flagga_for_vanlig_avvikelse() -> None:
    result = analyze("glömde ge kvällsmedicinen, bru mår bra")
    assert not (result.lex_sarah or result.lex_maria or result.severe)


def test_allvarlighet_visar_orden_som_avgjorde() -> None:
    result = analyze("bru föll och bröt handleden, ambulans kom")
    assert "bröt" in result.severity_evidence
    assert "ambulans" in result.severity_evidence


# -- consequence and immediate action --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "consequence"),
    [
        ("bru ramlade, ingen skada", "ingen"),
        ("föll och fick ett blåmärke på armen", "lindrig"),
        ("djupt sår i pannan som behövde sys", "måttlig"),
        ("lårbenshalsfraktur efter fallet", "allvarlig"),
        ("bru avled på sjukhuset", "allvarlig"),
        ("larmet fungerade inte vid test", None),
    ],
)
def test_konsekvens_fran_ledtradar(text: str, consequence: str | None) -> None:
    assert analyze(text).consequence == consequence


def test_konsekvens_tar_den_allvarligaste_ledtraden() -> None:
    result = analyze("ingen synlig skada först men röntgen visade fraktur")
    assert result.consequence == "allvarlig"
    assert "fraktur" in result.consequence_cues


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("bru ramlade, ssk kontaktad", "ssk kontaktad"),
        ("ringde ssk direkt", "ssk kontaktad"),
        ("vi hjälpte upp henne efter fallet", "hjälpte upp"),
        ("ambulans tillkallad kl 14.20", "ambulans tillkallad"),
        ("larmet felanmält till leverantören", "felanmält"),
    ],
)
def test_omedelbar_atgard_fran_ledtradar(text: str, action: str) -> None:
    result = analyze(text)
    assert result.immediate_action is not None
    assert action in result.immediate_action
    assert result.action_cues


def test_ingen_atgard_nar_inget_gjorts() -> None:
    assert analyze("dosetten saknas hos bru").immediate_action is None


# -- staff injury ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "jag skar mig på en kniv",
        "kollega skadade ryggen vid förflyttning",
        "bru slog mig i ansiktet vid omvårdnaden",
        "jag halkade på det blöta golvet hos bru",
        "stickskada när jag gav insulinet",
        "jag fick en nålsticka när jag gav insulin",
    ],
)
def test_skada_pa_personal_ar_arbetsskada(text: str) -> None:
    assert analyze(text).staff_injury


@pytest.mark.parametrize(
    "text",
    [
        "bru skar sig på en kniv i köket",
        "bru ramlade och skadade armen",
        "kollega skrek åt bru",
        "vi har fått ett tryckskada på en boende",
        "vi har fått en ny brukare som ramlat två gånger",
    ],
)
def test_skada_pa_brukare_ar_ingen_arbetsskada(text: str) -> None:
    assert not analyze(text).staff_injury


# -- evidence, candidates, confidence ------------------------------------------------------------

def test_evidens_ar_orden_som_de_skrevs() -> None:
    result = analyze("Brukaren FÖLL i hallen")
    assert "FÖLL" in result.evidence


def test_kandidater_for_alla_omraden_basta_forst() -> None:
    result = analyze("bru föll efter dubbel dos blodtrycksmedicin")
    areas = [area for area, _ in result.area_candidates]
    assert sorted(areas) == sorted(["fall", "läkemedel", "trycksår", "larm", "övrigt"])
    assert areas[0] == result.area
    scores = [score for _, score in result.area_candidates]
    assert scores == sorted(scores, reverse=True)
    assert 0.0 <= result.confidence <= 1.0
    assert set(result.secondary_areas) & {"fall", "läkemedel"}


def test_tydligt_fall_har_hogre_sakerhet_an_oklart_meddelande() -> None:
    clear = analyze("fallolycka, bru ramlade och hittades på golvet")
    vague = analyze("bru var ledsen i dag")
    assert clear.confidence > vague.confidence


def test_analyze_many_ger_samma_svar_som_analyze() -> None:
    texts = [text for text, _ in AREA_CASES]
    many = analyzer().analyze_many(texts)
    assert [r.area for r in many] == [analyze(text).area for text in texts]


def test_maskering_ingar_i_analysen() -> None:
    result = analyze("bru 19450312-1234 ramlade, ring dottern 070-123 45 67")
    assert "19450312" not in result.masked_text
    assert result.masked_kinds == ["personnummer", "telefonnummer"]
    assert result.area == "fall"


def test_delad_pipeline_kan_anvandas_utan_att_andras() -> None:
    from nlp_models.text.language import shared_nlp

    nlp = shared_nlp()
    before = list(nlp.pipe_names)
    result = ReportAnalyzer(nlp).analyze("bru ramlade, ssk kontaktad")
    assert result.area == "fall"
    assert nlp.pipe_names == before
    assert nlp("Föll")[0].norm_ == "foll"


# -- the explanation shown before saving ("Fall – av: halkade, golvet") ----------------------

def test_omradets_evidens_ar_anvandarens_ord_i_textordning() -> None:
    result = analyze("bru Halkade i badrummet och blev liggande på golvet")
    assert result.area == "fall"
    assert result.area_evidence[0] == "Halkade"
    assert "golvet" in result.area_evidence
    assert isinstance(result.area_evidence, tuple)


def test_omradets_evidens_har_hogst_tre_ord_och_inga_smaord() -> None:
    result = analyze("föll i hallen, ramlade igen på golvet, trillade ur sängen, halkade i duschen")
    assert 1 <= len(result.area_evidence) <= 3
    assert not {"på", "i", "ur"} & set(result.area_evidence)


def test_inget_att_forklara_ger_tom_evidens() -> None:
    assert analyze("hej hej").area_evidence == ()
