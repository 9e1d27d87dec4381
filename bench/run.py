"""All benchmarks in one run: one line per figure as `name: value unit`, then a Markdown table
with the machine's description and the targets in docs/benchmarks.md.

usage: python bench/run.py [--quick] [--only GROUP[,GROUP]] [--out docs/benchmarks.md]
--quick (under 2 minutes): counts at 10k and 100k reports, the digest at 100k.
The full run adds 1m reports (several minutes, most of it filling the databases).
--only measures just the named groups (nlu, masking, counts, import, http, load, dialogue, handling) and keeps the
other
figures already in the output file.
"""

from __future__ import annotations

import argparse
import os
import re
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.count_speed import measure_counts  # noqa: E402
from bench.dialogue_turns import measure_dialogue  # noqa: E402
from bench.digest_speed import digest_figure  # noqa: E402
from bench.figures import Figure, report  # noqa: E402
from bench.handling_speed import handling_figures, measure_reader  # noqa: E402
from bench.http_reply import measure_http_reply  # noqa: E402
from bench.load_test import measure_load  # noqa: E402
from bench.import_speed import measure_import  # noqa: E402
from bench.matcher_speed import measure_matchers  # noqa: E402
from bench.masking_quality import measure_masking  # noqa: E402
from bench.memory import peak_rss_mb  # noqa: E402
from bench.nlu_quality import generalisation_section, quality_figures, with_section  # noqa: E402
from bench.nlu_speed import measure_nlu  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# (figure name, test, the target in words): the targets the issues set
TARGETS = [
    ("nlu_messages_per_s", lambda v: v >= 2000, "≥ 2 000 meddelanden/s"),
    ("nlu_load_s", lambda v: v < 3, "< 3 s"),
    ("matcher_speed_ratio", lambda v: v >= 1, "den egna matcharen minst lika snabb som spaCy:s (annars byt)"),
    ("count_median_ms_sqlite_1m", lambda v: v < 50, "< 50 ms vid 1 miljon rapporter"),
    ("count_median_ms_postgres_1m", lambda v: v < 50, "< 50 ms vid 1 miljon rapporter"),
    ("import_rows_per_s", lambda v: v >= 3334, "≥ 3 334 rader/s (100 000 rader på < 30 s)"),
    ("http_reply_p99_ms", lambda v: v < 500, "< 500 ms, med 0,2 s per Web API-anrop"),
    ("load_ack_max_ms", lambda v: v < 1000, "< 1 000 ms (Slack väntar 3 s)"),
    ("load_lost", lambda v: v == 0, "0 svar, larm eller rapporter borta"),
    ("load_duplicated", lambda v: v == 0, "0 svar eller larm dubbla"),
    ("dialogue_turns_complete_p90", lambda v: v <= 2, "≤ 2 meddelanden när första meddelandet är komplett"),
    ("dialogue_turns_p90", lambda v: v <= 5, "≤ 5 meddelanden per rapport"),
    ("dialogue_correct_pct", lambda v: v >= 100, "alla simulerade rapporter sparade rätt"),
    ("masking_recall_pct", lambda v: v >= 100, "100 % (ingen identifierare kvar)"),
    ("masking_false_pct", lambda v: v <= 1, "≤ 1 %"),
]
EXPLANATIONS = {
    "nlu_messages_per_s": "rapportanalys av korta realistiska meddelanden, en kärna",
    "nlu_p99_ms": "99:e percentilen för ett enskilt meddelande",
    "nlu_load_s": "bygga spaCy-pipelinen och läsa alla regelfiler",
    "matcher_own_messages_per_s": "egna mönstermatcharen, alla rapportregler, samma meddelanden som spaCy:s",
    "matcher_spacy_messages_per_s": "`spacy.matcher.Matcher` med samma regler och meddelanden",
    "matcher_speed_ratio": "egna / spaCy:s (gånger snabbare)",
    "matcher_agreement": "andel träffar (regel, första ord) som båda hittar",
    "import_rows_per_s": "CSV-import med maskering, en transaktion, SQLite",
    "masking_recall_pct": "genererade meningar med personnummer, telefonnummer och e-post i de former folk skriver "
                          "(alla skiljetecken, prefix, Unicode-siffror, osynliga tecken): andel helt maskerade",
    "masking_false_pct": "genererade lockbeten (datum, tider, tidsintervall, doser, referenser, rum, år): "
                         "andel som ändrades",
    "masking_us_per_message": "maskeringens tid per mening i samma korpus",
    "http_reply_p50_ms": "signerad DM-händelse → botens svar hos Web API-ersättaren (0,2 s per anrop, svaret räknas "
                         "när Slack svarat); 50 samtidiga användare som läser och skriver 1–3 s mellan "
                         "meddelandena; en process, SQLite",
    "http_ack_max_ms": "längsta kvittens till Slack i samma körning",
    "http_reply_p99_ms": "som ovan",
    "http_reply_saturated_p50_ms": "samma, men alla 50 skickar nästa meddelande direkt (kö i en process)",
    "http_reply_saturated_p99_ms": "som ovan",
    "load_ack_max_ms": "belastningsprovet (se nedan): längsta kvittens",
    "load_lost": "belastningsprovet: svar som aldrig kom, larm som saknas, rapporter som inte sparades",
    "load_duplicated": "belastningsprovet: svar eller larm som kom två gånger",
    "peak_rss_mb": "högsta minnesanvändning (VmHWM) för en `omsorgsbot serve`-process under HTTP-mätningarna",
    "bench_peak_rss_mb": "högsta minnesanvändning för själva mätprocessen (getrusage), som också har laddat "
                         "språkmodellen och fyllt databaserna",
    "handling_read_us_per_message": "läsa ett hanteringsmeddelande (fält, vardagsord, status, lex) ur genererade "
                                    "meddelanden med 1–4 fält",
    "dialogue_runs": "simulerade stressade rapportörer (tests/conversation/simulator): alla personor × fyra stilar "
                     "(prydlig, stressad med stavfel, ångrar sig, pratig) × flera frön",
    "dialogue_turns_complete_median": "meddelanden från personen tills rapporten sparats, när första meddelandet "
                                      "berättade allt (median)",
    "dialogue_turns_complete_p90": "som ovan, 90:e percentilen",
    "dialogue_turns_median": "meddelanden från personen tills rapporten sparats, alla rapporter (median)",
    "dialogue_turns_p90": "som ovan, 90:e percentilen",
    "dialogue_correct_pct": "andel körningar där allt höll: sparat = sanningen, ingen fråga mer än två gånger, "
                            "inget tappat, inga kommandoord sparade",
}
GROUPS = ("nlu", "masking", "counts", "import", "http", "load", "dialogue", "handling")


def machine() -> list[tuple[str, str]]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "okänd")
    mem_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal:")), 0)
    return [
        ("Processor", cpu), ("Kärnor", str(os.cpu_count())), ("Minne", f"{mem_kb / 1024 / 1024:.1f} GiB"),
        ("System", platform.platform()), ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version), ("PostgreSQL", _postgres_version()),
        ("Datum", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
    ]


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _postgres_version() -> str:
    from tests.support.postgres_server import find_bindir

    bindir = find_bindir()
    if bindir is None:
        return "saknas"
    out = subprocess.run([str(Path(bindir) / "pg_ctl"), "--version"], capture_output=True, text=True)
    return out.stdout.strip() or "okänd"


def run_all(quick: bool, groups: tuple[str, ...] = GROUPS) -> list[Figure]:
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]

    def digest_on_largest(n: int, backend: str, engine) -> list[Figure]:
        if n != sizes[-1]:
            return []
        return digest_figure(n, backend, engine) + (handling_figures(n, backend, engine) if "handling" in groups else [])

    figures: list[Figure] = []
    if "nlu" in groups:
        figures += [report(f) for f in measure_nlu(10_000 if quick else 20_000)]
        figures += [report(f) for f in measure_matchers(2_000 if quick else 5_000)]
        figures += [report(f) for f in quality_figures()]
    if "masking" in groups:
        figures += [report(f) for f in measure_masking(10_000 if quick else 20_000)]
    if "counts" in groups:
        figures += measure_counts(sizes, postgres=True, on_filled=digest_on_largest)
    if "import" in groups:
        figures += [report(f) for f in measure_import(100_000)]
    if "http" in groups:
        figures += measure_http_reply()
    if "load" in groups:
        figures += measure_load()
    if "dialogue" in groups:
        figures += [report(f) for f in measure_dialogue(2 if quick else 4)]
    if "handling" in groups:
        figures += [report(f) for f in measure_reader(5_000)]
    if groups == GROUPS:
        figures.append(report(Figure("bench_peak_rss_mb", peak_rss_mb(), "MB")))
    return figures


_ROW = re.compile(r"^\| `(?P<name>[^`]+)` \| (?P<value>-?[\d.]+) (?P<unit>[^|]*?) \|")


def earlier_figures(path: Path) -> list[Figure]:
    """The figures an earlier run wrote into the table "Alla mått", to keep when only some groups are measured."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    table = text.split("## Alla mått", 1)[-1] if "## Alla mått" in text else ""
    return [Figure(m["name"], float(m["value"]), m["unit"].strip()) for m in map(_ROW.match, table.splitlines()) if m]


def markdown(figures: list[Figure], quick: bool, seconds: float, groups: tuple[str, ...] = GROUPS) -> str:
    by_name = {f.name: f for f in figures}
    command = "python bench/run.py" + (" --quick" if quick else "")
    if groups == GROUPS:
        made = f"Skapad av `{command}` på {seconds:.0f} s."
    else:
        made = (f"Uppdaterad av `{command} --only {','.join(groups)}` på {seconds:.0f} s; "
                "de andra måtten är från en tidigare hel körning.")
    lines = [
        "# Mätningar",
        "",
        made + " Siffrorna gäller maskinen nedan; kör om skriptet för att mäta på en annan.",
        "",
        "| maskin | |", "| --- | --- |",
        *[f"| {k} | {v} |" for k, v in machine()],
        "",
        "## Mål",
        "",
        "| mått | värde | mål | uppfyllt |", "| --- | --- | --- | --- |",
    ]
    for name, test, words in TARGETS:
        figure = by_name.get(name)
        if figure is None:
            lines.append(f"| `{name}` | – | {words} | mäts inte i snabbläget |" if quick and name.endswith("_1m")
                         else f"| `{name}` | – | {words} | mättes inte |")
        else:
            lines.append(f"| `{name}` | {figure.line().split(': ', 1)[1]} | {words} | {'ja' if test(figure.value) else 'NEJ'} |")
    lines += ["", "## Alla mått", "", "| mått | värde | vad |", "| --- | --- | --- |"]
    for figure in figures:
        lines.append(f"| `{figure.name}` | {figure.line().split(': ', 1)[1]} | {_explain(figure.name)} |")
    lines += [
        "",
        "Räkningarna är medianen av typiska frågor (område och månad, en enhet, ett helt år) i en databas med N "
        "genererade rapporter över fyra år och 40 enheter, där de äldre är bedömda, åtgärdade och avslutade som i en "
        "kommun i drift och de senaste väntar. Sammanfattningen (`digest_s_N`) är en hel "
        "veckosammanfattning med siffror, text och diagram över samma databas. PostgreSQL-servern är en "
        "tillfällig server som mätningen startar själv (med `synchronous_commit=off`, som testernas).",
        "",
        "Belastningsprovet (`python bench/load_test.py`, `load_*`): 1 000 signerade händelser från 100 användare "
        "utan betänketid genom två processer på PostgreSQL, 10 % omleveranser till den andra processen, 0,2 s per "
        "Web API-anrop och 5 % av anropen besvarade med 429 (Retry-After) eller 503 (hälften efter att meddelandet "
        "postats), och var femte rapport allvarlig så att larm går till MAS under tiden. Varje svar och varje larm "
        "ska komma fram exakt en gång och varje kvittens inom en sekund.",
        "",
        "Rapportdialogen (`dialogue_*`) mäts med samma simulerade rapportörer som testerna i "
        "`tests/conversation/simulator/`: var och en vet vad som hände och svarar på det boten frågar. Ett "
        "meddelande räknas från personens första meddelande om händelsen tills rapporten är sparad; en ny "
        "händelse mitt i samtalet räknas till den rapport som pågick.",
        "",
    ]
    return with_section("\n".join(lines), generalisation_section(figures))


def _explain(name: str) -> str:
    if name in EXPLANATIONS:
        return EXPLANATIONS[name]
    if name.startswith("count_median_ms_"):
        backend, size = name.removeprefix("count_median_ms_").split("_")
        return f"räknefråga, median, {size} rapporter, {'SQLite' if backend == 'sqlite' else 'PostgreSQL'}"
    if name.startswith("digest_s_"):
        return "veckosammanfattning (siffror, text, diagram)" + (", PostgreSQL" if name.endswith("postgres") else ", SQLite")
    if name.startswith("import_s_"):
        return "hela importen, sekunder"
    for prefix, words in (("handling_list_page_ms_", "en sida av en hanteringslista (nya; obedömda, sida 6), den långsammaste"),
                          ("reminder_selection_ms_", "dagens påminnelser för alla mottagare"),
                          ("stage_times_ms_", "tid per steg för tolv veckors rapporter, hela kommunen")):
        if name.startswith(prefix):
            backend, size = name.removeprefix(prefix).split("_")
            return f"{words}, {size} rapporter, {'SQLite' if backend == 'sqlite' else 'PostgreSQL'}"
    if name.startswith("nlu_quality_"):
        return "märkt uppsättning, se avsnittet om språkförståelse nedan"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--only", default="", help="comma-separated groups: " + ", ".join(GROUPS))
    args = parser.parse_args()
    groups = tuple(g.strip() for g in args.only.split(",") if g.strip()) or GROUPS
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    start = time.perf_counter()
    figures = run_all(args.quick, groups)
    seconds = time.perf_counter() - start
    if groups != GROUPS:  # keep the other figures of the earlier run, in their place
        fresh = {f.name: f for f in figures}
        kept = earlier_figures(args.out)
        figures = [fresh.pop(f.name, f) for f in kept] + list(fresh.values())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(figures, args.quick, seconds, groups), encoding="utf-8")
    print(f"# {len(figures)} mått på {seconds:.0f} s; tabellen står i {args.out}")


if __name__ == "__main__":
    main()
