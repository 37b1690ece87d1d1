"""A private PostgreSQL cluster for the tests, from Debian's packages, on a unix socket.

It lives in a temporary directory and listens on no TCP port, so it never clashes with
anything. PostgreSQL refuses to run as root: as root, the cluster is run as `postgres`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


class ThrowawayPostgres:
    def __init__(self) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not binaries:
            raise RuntimeError("PostgreSQL is not installed: ./scripts/test installs it "
                               "(Debian package postgresql), or apt-get install postgresql")
        self.bin = Path(binaries[-1]).parent
        # Under /tmp itself: the postgres user must be able to reach it, which it cannot
        # inside pytest's private temporary directories.
        self.workdir = Path(tempfile.mkdtemp(prefix="kiosk-test-pg-"))
        self.data = self.workdir / "data"
        self.socket_dir = self.workdir / "socket"
        self._user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *command: str) -> str:
        prefix = ["runuser", "-u", self._user, "--"] if self._user else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self) -> None:
        self.socket_dir.mkdir(parents=True)
        if self._user:
            account = pwd.getpwnam(self._user)
            for path in (self.workdir, self.socket_dir):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust",
                  "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                  str(self.workdir / "log"), "-o",
                  f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off", "start")

    def new_database(self, prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        self._run(str(self.bin / "createdb"), "-h", str(self.socket_dir), "-U", "postgres",
                  name)
        return f"postgresql+psycopg://postgres@/{name}?host={self.socket_dir}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)
