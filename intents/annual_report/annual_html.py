"""The annual document as one self-contained HTML file: styles inline, charts as base64 PNG."""

from __future__ import annotations

import base64
from html import escape

from intents.annual_report.annual_document import AnnualDocument, Table

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1rem 0; min-width: 24rem; }
th, td { padding: .35rem .8rem; border-bottom: 1px solid #e5e5e5; }
th { background: #f3f5f8; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #999; }
figure { margin: 1rem 0; } img { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
@media print { h2 { page-break-before: auto; } figure, table { page-break-inside: avoid; } }
"""

NUM = ' class="num"'


def _table(table: Table) -> str:
    head = "".join(f'<th{NUM if i else ""} scope="col">{escape(h)}</th>' for i, h in enumerate(table.header))
    body = []
    for row in table.rows:
        css = ' class="total"' if row and row[0] == "Totalt" else ""
        cells = "".join(f'<td{NUM if i else ""}>{escape(c)}</td>' for i, c in enumerate(row))
        body.append(f"<tr{css}>{cells}</tr>")
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _chart(title: str, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{escape(title)}">'
            f"<figcaption>{escape(title)}</figcaption></figure>")


def render_html(document: AnnualDocument) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="sv">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(document.title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             f"<h1>{escape(document.title)}</h1>"]
    parts += [f"<p>{escape(p)}</p>" for p in document.intro]
    for section in document.sections:
        parts.append(f"<section><h2>{escape(section.title)}</h2>")
        parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        parts += [_table(t) for t in section.tables]
        parts += [_chart(c.title, c.png) for c in section.charts]
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
