"""A measured figure, printed as `name: value unit` and kept for the table in docs/benchmarks.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str

    def line(self) -> str:
        shown = f"{self.value:.0f}" if abs(self.value) >= 100 else f"{self.value:.2f}"
        return f"{self.name}: {shown} {self.unit}"


def report(figure: Figure) -> Figure:
    print(figure.line(), flush=True)
    return figure
