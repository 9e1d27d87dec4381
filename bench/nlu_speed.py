"""Throughput of the report analyser on one core.

Prints:
    nlu_load_s: X s            (building the pipeline and loading every rule file)
    nlu_messages_per_s: X msg/s (analyze_many over short realistic messages)
    nlu_p99_ms: X ms           (99th percentile of analyze() on single messages)

Run from the repository root: .venv/bin/python bench/nlu_speed.py
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.figures import Figure  # noqa: E402

TEMPLATES = [
    "bru {fall} i {plats}, {skada}. {atgard}",
    "{med} gavs inte till bru i {tid}, {atgard}",
    "{larm} fungerade inte hos bru i {tid}",
    "rodnad på {kropp} som inte bleknar, {atgard}",
    "anhörig klagar på att {klagomal}",
    "missat besök hos bru {tid}, {skada}",
    "dottern tycker att {klagomal}",
    "hittad på golvet i {plats}, {skada}, {atgard}",
]
FILL = {
    "fall": ["ramlade", "föll", "ramlde", "halkade", "snubblade", "gled ur rullstolen", "trillade"],
    "plats": ["badrummet", "hallen", "köket", "sovrummet", "matsalen", "korridoren", "trappan"],
    "skada": ["ingen skada", "inga synliga skador", "blåmärke på armen", "ont i höften", "skrapsår på knät"],
    "atgard": ["ssk kontaktad", "ssk info", "hjälpte upp", "ambulans tillkallad", "ec informerad", "dokumenterat"],
    "med": ["kvällsmedicinen", "insulinet", "morgondosen", "tabletterna", "Alvedon", "dospåsen"],
    "tid": ["morse", "natt", "går kväll", "eftermiddags", "helgen"],
    "larm": ["trygghetslarmet", "larmknappen", "TL", "larmet", "nattlarmet"],
    "kropp": ["hälen", "sacrum", "höften", "sittbenet", "armbågen"],
    "klagomal": ["maten är kall", "personalen kommer sent", "ingen svarar på larmet", "mamma inte får duscha"],
}


def messages(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        out.append(template.format(**{key: rng.choice(values) for key, values in FILL.items()}))
    dev = Path(__file__).resolve().parents[2] / "shared/eval/reports-dev.jsonl"
    if dev.exists():
        dev_texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = [rng.choice(dev_texts) if i % 4 == 0 else text for i, text in enumerate(out)]
    return out


def measure_nlu(messages_count: int = 20_000) -> list[Figure]:
    start = time.perf_counter()
    from nlp_models.reports.analyzer import ReportAnalyzer

    analyzer = ReportAnalyzer()
    analyzer.analyze("bru ramlade i hallen, ssk kontaktad")
    load_s = time.perf_counter() - start

    texts = messages(messages_count)
    analyzer.analyze_many(texts[:500])  # warm caches as a running bot would have them
    start = time.perf_counter()
    analyzer.analyze_many(texts)
    per_s = len(texts) / (time.perf_counter() - start)

    timings = []
    for text in texts[:3000]:
        t0 = time.perf_counter()
        analyzer.analyze(text)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]

    return [Figure("nlu_messages_per_s", per_s, "msg/s"), Figure("nlu_p99_ms", p99, "ms"),
            Figure("nlu_load_s", load_s, "s")]


def main() -> None:
    for figure in measure_nlu():
        print(figure.line())


if __name__ == "__main__":
    main()
