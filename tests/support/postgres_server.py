"""A throw-away PostgreSQL server for the test run, on loopback, in a temporary directory.

Debian's postgresql-15 puts initdb and pg_ctl outside PATH, and the server refuses to run
as root, so as root we run them as the `postgres` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def find_bindir() -> Path | None:
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    bindir: Path
    workdir: Path
    port: int
    run_as: str | None

    def _cmd(self, *args: str) -> list[str]:
        return (["runuser", "-u", self.run_as, "--"] if self.run_as else []) + list(args)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        self.halt(mode="immediate")
        shutil.rmtree(self.workdir, ignore_errors=True)

    def halt(self, mode: str = "fast") -> None:
        """Stop the server, cutting every open connection, and keep its data for `resume`.
        ("fast" writes what was committed; "immediate" may lose the last commits, as
        synchronous_commit is off.)"""
        subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.workdir / "data"), "-m", mode,
                                 "stop"), capture_output=True, timeout=60)

    def resume(self) -> None:
        """Start the server again on the same port and data, after `halt` (or for the first time)."""
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.workdir} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off")
        start = subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.workdir / "data"), "-o", options, "-l",
                      str(self.workdir / "log"), "-w", "-t", "60", "start"),
            capture_output=True, text=True, timeout=90,
        )
        if start.returncode != 0:
            log = (self.workdir / "log").read_text(errors="replace")[-800:] if (self.workdir / "log").exists() else ""
            raise PostgresUnavailable(f"pg_ctl start misslyckades: {start.stderr[-300:]} {log}")


def start_server() -> PostgresServer:
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable("PostgreSQL (initdb/pg_ctl) hittades inte; installera postgresql-15")
    run_as = None
    workdir = Path(tempfile.mkdtemp(prefix="omsorgsbot-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable("systemanvändaren postgres saknas") from None
        run_as = "postgres"
        os.chown(workdir, user.pw_uid, user.pw_gid)
    server = PostgresServer(bindir=bindir, workdir=workdir, port=_free_port(), run_as=run_as)
    data = workdir / "data"
    init = subprocess.run(
        server._cmd(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"),
        capture_output=True, text=True, timeout=120,
    )
    if init.returncode != 0:
        raise PostgresUnavailable(f"initdb misslyckades: {init.stderr[-500:]}")
    server.resume()
    return server
