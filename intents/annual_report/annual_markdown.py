"""The annual document as Markdown, with its charts as PNG files beside it."""

from __future__ import annotations

from pathlib import Path

from intents.annual_report.annual_document import AnnualDocument, Table


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(table: Table) -> list[str]:
    numeric = [i > 0 for i in range(len(table.header))]
    lines = ["| " + " | ".join(_cell(h) or " " for h in table.header) + " |",
             "|" + "|".join("---:" if n else ":---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return lines


def chart_file(markdown_path: Path, chart_name: str) -> Path:
    return markdown_path.with_name(f"{markdown_path.stem}-{chart_name}.png")


CHARTS_LEFT_OUT = "*Diagrammen kommer med när rapporten skrivs till en fil (`--out FIL.md`).*"


def render_markdown(document: AnnualDocument, markdown_path: Path | None) -> tuple[str, dict[Path, bytes]]:
    """The Markdown text and the chart files (path → PNG) it links to, relative to `markdown_path`;
    without a path (printed), the charts are left out and the text says so."""
    lines = [f"# {document.title}", ""] + [p + "\n" for p in document.intro]
    files: dict[Path, bytes] = {}
    for section in document.sections:
        lines += [f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        for table in section.tables:
            lines += _table(table) + [""]
        if markdown_path is None and section.charts:
            lines += [CHARTS_LEFT_OUT, ""]
            continue
        for chart in section.charts:
            assert markdown_path is not None
            path = chart_file(markdown_path, chart.name)
            files[path] = chart.png
            lines += [f"![{chart.title}]({path.name})", ""]
    return "\n".join(lines).rstrip() + "\n", files


def write_markdown(document: AnnualDocument, markdown_path: Path) -> list[Path]:
    text, files = render_markdown(document, markdown_path)
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    markdown_path.write_text(text, encoding="utf-8")
    for path, png in files.items():
        path.write_bytes(png)
    return [markdown_path, *files]
