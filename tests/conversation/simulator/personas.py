"""Forty-odd care workers with something to report, written from ../shared/DOMAIN.md: every area, both
kinds, home care and nursing homes, night and day.

A story is what the person writes first; `{unit}` and `{time}` mark where the unit and the time are
said (a person who forgets them leaves them out, and the bot has to ask). Everything else the bot
asks for is answered from the truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.conversation.simulator.truth import Truth, When

# The units of the simulated municipality: (name, type, aliases)
UNITS = [
    ("Solgården", "särskilt boende", []),
    ("Björkhagen", "särskilt boende", []),
    ("Ekgården", "särskilt boende", []),
    ("Hemtjänst Norr", "hemtjänst", ["HT Norr"]),
    ("Hemtjänst Syd", "hemtjänst", ["HT Syd"]),
    ("Korttidsboendet Linden", "korttidsboende", ["Linden"]),
    ("Larm och natt", "annan", ["Nattpatrullen", "Larmgruppen"]),
    ("Dagverksamheten Kastanjen", "annan", ["Kastanjen"]),
]


@dataclass(frozen=True)
class Persona:
    key: str
    story: str
    truth: Truth
    member_of: tuple[str, ...] = ()  # the person's own units: the bot may take the unit from them
    opening: str = ""  # a first message without content ("jag vill rapportera en avvikelse"), story told after

    def tells(self, part: str) -> bool:
        return "{" + part + "}" in self.story


def _w(days_ago: int, hour: int, minute: int = 0, *, tidy: str, hurried: str, day_only: str = "",
       exact: bool = True) -> When:
    return When(days_ago, hour, minute, exact, tidy, hurried, day_only)


NATT_0240 = _w(0, 2, 40, tidy="i natt kl 02.40", hurried="inatt kl 2.40", day_only="i natt")
NATT = _w(0, 3, exact=False, tidy="i natt", hurried="inatt")
NATT_0130 = _w(0, 1, 30, tidy="i natt kl 01.30", hurried="inatt 1.30", day_only="i natt")
NATT_0320 = _w(0, 3, 20, tidy="i natt kl 03.20", hurried="inatt typ 3.20", day_only="i natt")
MORSE = _w(0, 7, exact=False, tidy="i morse", hurried="imorse")
MORSE_0730 = _w(0, 7, 30, tidy="i morse kl 07.30", hurried="imorse 7.30", day_only="i morse")
MORSE_0510 = _w(0, 5, 10, tidy="i morse kl 05.10", hurried="imorse kl 5.10", day_only="i morse")
MORSE_08 = _w(0, 8, tidy="i morse kl 8", hurried="imorse kl 8", day_only="i morse")
IDAG_0915 = _w(0, 9, 15, tidy="i dag kl 09.15", hurried="idag 9.15", day_only="i dag")
IDAG_1230 = _w(0, 12, 30, tidy="i dag kl 12.30", hurried="idag kl 12.30", day_only="i dag")
IDAG_13 = _w(0, 13, tidy="i dag kl 13", hurried="idag kl 13", day_only="i dag")
LUNCH = _w(0, 12, exact=False, tidy="i dag vid lunch", hurried="idag vid lunch")
FORMIDDAG = _w(0, 10, exact=False, tidy="i förmiddags", hurried="i formiddags")
EFTERMIDDAG = _w(0, 15, exact=False, tidy="i eftermiddags", hurried="i eftermiddags")
IGAR = _w(1, 12, exact=False, tidy="i går", hurried="igår")
IGAR_1915 = _w(1, 19, 15, tidy="i går kl 19.15", hurried="igar 19.15", day_only="i går")
IGAR_21 = _w(1, 21, tidy="i går kväll kl 21", hurried="igar kvall kl 21", day_only="i går")
IGAR_22 = _w(1, 22, tidy="i går kl 22", hurried="igar 22", day_only="i går")
IGAR_23 = _w(1, 23, tidy="i går kl 23", hurried="igar kl 23", day_only="i går")
IGAR_17 = _w(1, 17, tidy="i går kl 17", hurried="igar kl 17", day_only="i går")
IGAR_10 = _w(1, 10, tidy="i går kl 10", hurried="igar kl 10", day_only="i går")
IGAR_2030 = _w(1, 20, 30, tidy="i går kl 20.30", hurried="igar 20.30", day_only="i går")
IGAR_KVALL = _w(1, 20, exact=False, tidy="i går kväll", hurried="igar kvall")
IGAR_EM = _w(1, 15, exact=False, tidy="i går eftermiddag", hurried="igar em")
FORRGAR = _w(2, 12, exact=False, tidy="i förrgår", hurried="i forrgar")
FORRGAR_14 = _w(2, 14, tidy="i förrgår kl 14", hurried="iforrgar kl 14", day_only="i förrgår")


def _avvikelse(area: str, unit: str, when: When, consequence: str, action: str | None = None,
               action_words: tuple[str, ...] = ()) -> Truth:
    words = action_words or (tuple(action.lower().split()[:1]) if action else ())
    return Truth("avvikelse", area, unit, when, consequence, action, words)


def _synpunkt(area: str, unit: str, when: When, given_by: str, contact: str | None, giver_phrase: str = "") -> Truth:
    phrases = {"given_by": giver_phrase} if giver_phrase else {}
    return Truth("synpunkt", area, unit, when, None, None, (), given_by, contact, phrases)


PERSONAS: list[Persona] = [
    # --- fall -----------------------------------------------------------------------------------
    Persona("nattfall_i_badrummet",
            "Brukaren på {unit} hittades på golvet i badrummet {time}, ingen synlig skada. Ssk kontaktad.",
            _avvikelse("fall", "Solgården", NATT_0240, "ingen", "Ssk kontaktad", ("ssk",))),
    Persona("gled_ur_rullstolen",
            "Bru gled ur rullstolen i dagrummet {time}",
            _avvikelse("fall", "Björkhagen", MORSE, "lindrig", "Hjälpte upp henne med lyften", ("lyften",))),
    Persona("snubblade_pa_mattan",
            "En boende på {unit} snubblade på mattan i hallen {time} och fick ett blåmärke på knät.",
            _avvikelse("fall", "Ekgården", IGAR_1915, "lindrig", "Fysioterapeuten informerad", ("fysioterapeuten",))),
    Persona("satt_pa_golvet_i_koket",
            "Kom till en brukare i {unit} {time} och hon satt på golvet i köket, hade ramlat under natten. "
            "Inga skador. Ringde ssk och hjälpte upp henne.",
            _avvikelse("fall", "Hemtjänst Norr", MORSE_0730, "ingen", "Ringde ssk och hjälpte upp henne", ("ssk", "hjälpte"))),
    Persona("misstankt_hoftfraktur",
            "Brukare på {unit} föll i korridoren {time}, misstänkt höftfraktur, ambulans kom.",
            _avvikelse("fall", "Solgården", IGAR_21, "allvarlig", "Ambulans kom", ("ambulans",))),
    Persona("halkade_i_duschen",
            "Bru halkade i duschen {time} och slog i armen mot väggen",
            _avvikelse("fall", "Ekgården", EFTERMIDDAG, "måttlig", "Ssk bedömde armen", ("bedömde",))),
    Persona("trillade_i_trappan",
            "En boende på {unit} trillade i trappan {time}. Ingen skada.",
            _avvikelse("fall", "Korttidsboendet Linden", FORRGAR, "ingen", None)),
    Persona("glidit_ur_sangen",
            "Hittade brukaren liggande bredvid sängen {time}, hon hade glidit ur sängen.",
            _avvikelse("fall", "Björkhagen", MORSE_0510, "lindrig", "Larmade ssk", ("ssk",)),
            member_of=("Björkhagen",)),
    Persona("ramlade_ur_stolen",
            "På {unit} ramlade en besökare ur stolen {time}, ingen skada, personalen hjälpte upp honom.",
            _avvikelse("fall", "Dagverksamheten Kastanjen", LUNCH, "ingen", "Personalen hjälpte upp honom",
                       ("hjälpte",))),
    Persona("rollatorn_utomhus",
            "Brukaren i {unit} tappade balansen med rollatorn och föll på promenaden {time}, skrubbsår på handen.",
            _avvikelse("fall", "Hemtjänst Syd", IGAR_EM, "lindrig", "Plåster och ssk informerad", ("plåster",))),
    # --- läkemedel --------------------------------------------------------------------------------
    Persona("glomd_kvallsmedicin",
            "Glömde ge kvällsmedicinen till en brukare på {unit} {time}. Ingen skada, ssk informerad.",
            _avvikelse("läkemedel", "Solgården", IGAR_KVALL, "ingen", "Ssk informerad", ("ssk",))),
    Persona("dubbel_dos",
            "Brukare i {unit} fick dubbel dos av morgontabletterna {time}, dospåsen var redan tömd.",
            _avvikelse("läkemedel", "Hemtjänst Syd", MORSE_08, "okänd", "Ssk kontaktad, observeras", ("observeras",))),
    Persona("tabletter_till_fel_brukare",
            "Tabletterna gavs till fel brukare på {unit} {time}.",
            _avvikelse("läkemedel", "Ekgården", IDAG_1230, "lindrig", "Ringde ssk och läkare", ("läkare",))),
    Persona("insulinet_missades",
            "Insulinet gavs inte {time} hos en brukare i {unit}",
            _avvikelse("läkemedel", "Hemtjänst Norr", IGAR_17, "ingen", "Ssk kontaktad och blodsocker kontrollerat",
                       ("blodsocker",))),
    Persona("narkotikarakningen",
            "Narkotikaräkningen stämmer inte på {unit}, det saknas två tabletter morfin. Upptäcktes {time}.",
            _avvikelse("läkemedel", "Björkhagen", MORSE, "ingen", "Ec och ssk informerade", ("ec",))),
    Persona("signeringslistan",
            "Signeringslistan för vid behovs-medicinen var inte ifylld på {unit} {time}, oklart om dosen gavs.",
            _avvikelse("läkemedel", "Solgården", NATT, "okänd", None)),
    Persona("apodos_kom_inte",
            "Apodos-leveransen från apoteket kom inte till brukaren i {unit} {time}, hon blev utan sina tabletter.",
            _avvikelse("läkemedel", "Hemtjänst Norr", IGAR, "ingen", "Ssk ordnade ny leverans", ("leverans",))),
    Persona("medicinskapet_olast",
            "Medicinskåpet stod olåst på {unit} {time}.",
            _avvikelse("läkemedel", "Ekgården", IGAR_KVALL, "ingen", "Låste och informerade ec", ("låste",))),
    Persona("fel_dos_waran",
            "Fel dos Waran gavs {time} på {unit}, ssk kontaktad direkt.",
            _avvikelse("läkemedel", "Korttidsboendet Linden", IDAG_0915, "lindrig", "ssk kontaktad", ("ssk",))),
    # --- trycksår --------------------------------------------------------------------------------
    Persona("rodnad_pa_halen",
            "Upptäckte en rodnad på hälen som inte bleknar hos en brukare på {unit} {time}.",
            _avvikelse("trycksår", "Solgården", MORSE, "lindrig", "Ssk informerad och hälskydd på", ("hälskydd",))),
    Persona("sar_pa_korsbenet",
            "Brukaren har fått ett sår på korsbenet, lägesändringen enligt vändschemat gjordes inte {time}",
            _avvikelse("trycksår", "Ekgården", NATT, "lindrig", "Ssk kontaktad", ("ssk",))),
    Persona("tryckskada_sittbenet",
            "Tryckskada på sittbenet hos en brukare i {unit}, upptäcktes vid duschen {time}",
            _avvikelse("trycksår", "Hemtjänst Syd", IGAR_10, "lindrig", "Dokumenterat och ssk informerad", ("dokumenterat",))),
    Persona("madrassen_saknas",
            "Den tryckavlastande madrassen har inte kommit till brukaren på {unit} och hon har fått en rodnad "
            "på höften som inte bleknar, såg det {time}",
            _avvikelse("trycksår", "Björkhagen", EFTERMIDDAG, "lindrig", None)),
    Persona("trycksar_kategori_2",
            "Trycksår kategori 2 på hälen hos en boende på {unit}, upptäcktes {time}",
            _avvikelse("trycksår", "Korttidsboendet Linden", FORRGAR_14, "måttlig", "Ssk har lagt om såret", ("lagt",))),
    # --- larm ------------------------------------------------------------------------------------
    Persona("larmet_gick_inte_fram",
            "Trygghetslarmet gick inte fram hos en brukare i {unit} {time}, hon fick vänta länge på hjälp.",
            _avvikelse("larm", "Hemtjänst Norr", NATT_0130, "ingen", "Kontaktade larmcentralen", ("larmcentralen",))),
    Persona("batteriet_slut",
            "Batteriet i larmklockan var slut hos en brukare i {unit} {time}",
            _avvikelse("larm", "Hemtjänst Syd", MORSE, "ingen", "Bytte batteri och testade larmet", ("batteri",))),
    Persona("ingen_kom_efter_larm",
            "Brukaren på {unit} larmade {time} men ingen kom på 40 minuter",
            _avvikelse("larm", "Ekgården", IGAR_23, "lindrig", None)),
    Persona("nyckeln_saknades",
            "Nattpatrullen kom inte in hos en brukare {time} efter larm, nyckeln saknades i nyckelskåpet.",
            _avvikelse("larm", "Larm och natt", NATT_0320, "ingen", "Ringde anhörig som öppnade", ("anhörig",)),
            member_of=("Larm och natt",)),
    Persona("larmet_inte_pa",
            "Larmet var inte påslaget i lägenheten på {unit} {time}",
            _avvikelse("larm", "Björkhagen", IGAR_EM, "ingen", "Kopplade in larmet", ("kopplade",))),
    Persona("larmarmbandet",
            "Brukaren i {unit} hade inte larmarmbandet på sig {time} och kunde inte larma när hon behövde hjälp",
            _avvikelse("larm", "Hemtjänst Norr", IGAR_KVALL, "ingen", "Satte på armbandet", ("armbandet",))),
    # --- övrigt ----------------------------------------------------------------------------------
    Persona("missat_besok",
            "Missat besök hos en brukare i {unit} {time}, hon fick ingen lunch.",
            _avvikelse("övrigt", "Hemtjänst Syd", LUNCH, "ingen", "Ringde och bad om ursäkt, kom senare", ("ursäkt",))),
    Persona("kvallsbesoket_for_sent",
            "Kvällsbesöket kom två timmar för sent till en brukare i {unit} {time}",
            _avvikelse("övrigt", "Hemtjänst Norr", IGAR_KVALL, "ingen", None)),
    Persona("lyften_trasig",
            "Lyften på {unit} har varit trasig sedan {time}, vi kan inte förflytta brukaren säkert.",
            _avvikelse("övrigt", "Björkhagen", FORRGAR, "ingen", "Felanmält till fastighet", ("felanmält",))),
    Persona("planboken_saknas",
            "Brukaren på {unit} saknar sin plånbok sedan {time}, misstänker stöld.",
            _avvikelse("övrigt", "Ekgården", IGAR, "ingen", "Ec informerad", ("ec",))),
    Persona("hotad_av_annan_boende",
            "Brukaren på {unit} blev hotad av en annan boende i matsalen {time}, hon blev rädd.",
            _avvikelse("övrigt", "Solgården", IGAR_2030, "lindrig", "Skilde dem åt och ec informerad", ("skilde",))),
    Persona("duschen_missad",
            "Brukaren i {unit} har inte fått sin dusch på två veckor, det upptäcktes {time}.",
            _avvikelse("övrigt", "Hemtjänst Norr", FORMIDDAG, "ingen", "Dusch bokad till i morgon", ("dusch",))),
    # --- synpunkter -----------------------------------------------------------------------------
    Persona("sonen_klagar_pa_maten",
            "Sonen till en brukare på {unit} ringde och klagade på att maten var kall {time}, han vill bli uppringd.",
            _synpunkt("övrigt", "Björkhagen", IGAR, "anhörig", "telefon", "sonen")),
    Persona("sena_besok",
            "Brukaren i {unit} är missnöjd med att besöken kommer sent hela tiden, senast {time}.",
            _synpunkt("övrigt", "Hemtjänst Syd", MORSE, "brukare", "skriftligt", "brukaren")),
    Persona("tack_till_nattpersonalen",
            "Brukaren på {unit} ville tacka nattpersonalen för att de var så snälla {time}.",
            _synpunkt("övrigt", "Solgården", NATT, "brukare", None, "brukaren")),
    Persona("dottern_beromde",
            "Dottern till en brukare i {unit} berömde personalen {time}, hon är jättenöjd med omvårdnaden.",
            _synpunkt("övrigt", "Hemtjänst Norr", IGAR, "anhörig", None, "dottern")),
    Persona("grannen_klagar_pa_larmet",
            "Grannen till en brukare i {unit} hörde av sig och klagade på att ingen kom när larmet gick {time}.",
            _synpunkt("larm", "Hemtjänst Syd", IGAR_KVALL, "annan", None, "grannen")),
    Persona("god_man_stadningen",
            "God man för en brukare på {unit} har framfört klagomål på städningen {time} och vill ha svar skriftligt.",
            _synpunkt("övrigt", "Ekgården", FORRGAR, "annan", "skriftligt", "god man")),
    Persona("dottern_upprord_over_bemotandet",
            "Dottern är upprörd över hur personalen bemötte hennes mamma på {unit} {time}, hon vill ha återkoppling.",
            _synpunkt("övrigt", "Solgården", IGAR_KVALL, "anhörig", "telefon", "dottern")),
    Persona("personalen_foreslar",
            "Vi i personalen på {unit} föreslår att kvällsmaten serveras tidigare, vi pratade om det {time}.",
            _synpunkt("övrigt", "Björkhagen", IDAG_13, "personal", None, "personalen")),
    Persona("maken_missnojd_med_hjalpmedel",
            "Maken till en brukare i {unit} tycker att det tar för lång tid att få hjälpmedel, sa han {time}.",
            _synpunkt("övrigt", "Hemtjänst Norr", FORMIDDAG, "anhörig", None, "maken")),
    # --- more in one message: a colleague hurt beside the care recipient, an action said in passing --------
    Persona("lyften_och_kollegan",
            "Lyften gick sönder mitt i förflyttningen på {unit} {time}, brukaren föll ner i sängen och fick ett "
            "blåmärke på armen, min kollega klämde handen.",
            _avvikelse("fall", "Björkhagen", IGAR_17, "lindrig", None)),
    Persona("ssk_ringd_i_forbifarten",
            "Bru på {unit} gled ner från sängkanten {time}, ssk ringd, inga skador",
            _avvikelse("fall", "Solgården", IDAG_0915, "ingen", "ssk ringd", ("ssk",))),
    Persona("svar_via_brev",
            "Dottern till en brukare i {unit} är missnöjd med städningen {time} och vill hellre ha svar via brev.",
            _synpunkt("övrigt", "Hemtjänst Syd", IGAR_EM, "anhörig", "skriftligt", "dottern")),
    # --- an empty start: the story comes after "berätta kort" --------------------------------------
    Persona("tom_start_fall",
            "Brukaren på {unit} ramlade i sovrummet {time}, inga skador. Hjälpte upp honom.",
            _avvikelse("fall", "Ekgården", IGAR_22, "ingen", "Hjälpte upp honom", ("hjälpte",)),
            opening="Jag vill rapportera en avvikelse"),
    # a short opener a care worker cannot mean as a statistics question: the kind of event and the time
    Persona("kort_oppning_fall_i_natt",
            "Bru på {unit} satt på golvet bredvid sängen när jag kom in, inga skador. Hjälpte upp henne.",
            _avvikelse("fall", "Björkhagen", NATT, "ingen", "Hjälpte upp henne", ("hjälpte",)),
            member_of=("Björkhagen",), opening="ett fall inatt"),
]
