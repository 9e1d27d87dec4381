"""scripts/run.sh and scripts/test.sh share one install marker: after the test tools are installed,
starting the bot installs nothing again, and a changed pyproject.toml installs once more."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STUB = """#!/usr/bin/env bash
[ "$1" = "-c" ] && exit 0
echo "$*" >> "$(dirname "$0")/../../pip.log"
"""


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(STUB)
    python.chmod(0o755)
    return tmp_path


def setup(project: Path, *args: str) -> list[str]:
    """Runs setup.sh; returns the pip installs it made."""
    log = project / "pip.log"
    log.unlink(missing_ok=True)
    env = dict(os.environ, PYTHON=str(project / ".venv" / "bin" / "python"))
    subprocess.run(["bash", str(project / "scripts" / "setup.sh"), *args], check=True, env=env, cwd=project)
    return [line for line in log.read_text().splitlines() if "-e" in line] if log.exists() else []


def test_run_efter_test_installerar_inget(project):
    assert setup(project, "dev") == ["-m pip install --quiet --disable-pip-version-check -e .[dev]"]
    assert setup(project) == []  # scripts/run.sh after scripts/test.sh
    assert setup(project, "dev") == []


def test_test_efter_run_lagger_till_testverktygen_en_gang(project):
    assert setup(project) == ["-m pip install --quiet --disable-pip-version-check -e ."]
    assert setup(project, "dev") == ["-m pip install --quiet --disable-pip-version-check -e .[dev]"]
    assert setup(project) == []


def test_andrad_pyproject_installerar_igen_med_samma_tillagg(project):
    setup(project, "dev")
    marker = project / ".venv" / ".installed"
    os.utime(marker, (1, 1))
    assert setup(project) == ["-m pip install --quiet --disable-pip-version-check -e .[dev]"]
