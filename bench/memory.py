"""Peak resident memory from the operating system (getrusage), in MB."""

from __future__ import annotations

import resource
import sys


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """High-water mark of `who`: RUSAGE_SELF is this process, RUSAGE_CHILDREN the largest child
    process that has ended and been waited for (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
