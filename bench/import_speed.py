"""Import speed: a generated CSV of N reports (default 100,000) into a fresh SQLite database.

usage: python bench/import_speed.py [N] [--database-url URL]
Prints `import_rows_per_s: X rows/s` and `import_s_N: X s`. Target: 100,000 rows in under 30 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure  # noqa: E402
from nlp_models.personal_data.masking import mask_personal_data  # noqa: E402
from storage.database import make_engine, session_scope, upgrade_schema  # noqa: E402
from storage.report_import import parse_file, write_parsed  # noqa: E402

UNITS = ["Solgården", "Björkhagen", "Ekbacken", "Hemtjänst Norr", "Hemtjänst Syd", "Larm och natt"]
TEXTS = [
    "brukaren hittad på golvet i badrummet, ingen synlig skada, ssk kontaktad",
    "kvällsmedicinen ej given, dosetten orörd, ssk informerad",
    "rodnad på hälen som inte bleknar, lägesändring ej gjord enligt schema",
    "larmet gick inte fram, batteriet i armbandet slut",
    "anhörig missnöjd med att personalen kommer sent, ring dottern 070-123 45 67",
]


def make_csv(rows: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    lines = ["reference;occurred_at;kind;area;unit;severity;status;description"]
    for i in range(rows):
        day = rng.randrange(0, 3 * 365)
        lines.append(
            f"B-{i:07d};{2023 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d} {rng.randrange(24):02d}:{rng.randrange(60):02d};"
            f"{rng.choice(['avvikelse'] * 4 + ['synpunkt'])};{rng.choice(['fall', 'läkemedel', 'trycksår', 'larm', 'övrigt'])};"
            f"{rng.choice(UNITS)};{rng.choice(['ingen', 'lindrig', 'måttlig', 'allvarlig'])};avslutad;\"{rng.choice(TEXTS)}\""
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def measure_import(rows: int = 100_000, database_url: str | None = None) -> list[Figure]:
    """Parse, mask and write `rows` generated reports in one import; rows per second over it all."""
    data = make_csv(rows)
    url = database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    engine = make_engine(url)
    upgrade_schema(engine)
    start = time.perf_counter()
    parsed = parse_file(data, mask=lambda text: mask_personal_data(text).text)
    with session_scope(engine) as session:
        result = write_parsed(session=session, parsed=parsed)
    seconds = time.perf_counter() - start
    engine.dispose()
    assert result.created == rows and not result.errors, result
    return [Figure("import_rows_per_s", rows / seconds, "rows/s"), Figure(f"import_s_{rows // 1000}k", seconds, "s")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    for figure in measure_import(args.rows, args.database_url):
        print(figure.line())


if __name__ == "__main__":
    main()
