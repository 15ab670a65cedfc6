"""A throwaway Moodle 4.3 on 127.0.0.1: a private PostgreSQL cluster, Moodle's CLI installer, PHP's own server.

`Moodle.stand_up()` extracts the tarball into a temporary folder and returns a running site;
`close()` stops everything and removes the folder. `python tests/lms/moodle_site.py` keeps one
running until Ctrl-C, for trying things by hand; while it runs, MOODLE_ATTACH=<its folder> makes
the tests use it instead of standing up their own (and leave it running).
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARBALL = ROOT / os.environ.get("MOODLE_TARBALL", "../shared/lms/moodle-4.3.tar.gz")  # relative to the project
SCRIPTS = Path(__file__).parent / "php"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
# What Moodle 4.3 needs from Debian (see ../shared/lms/README.md), and the PHP modules that prove each is there.
PACKAGES = [
    "php-cli",
    "php-pgsql",
    "php-xml",
    "php-mbstring",
    "php-curl",
    "php-zip",
    "php-gd",
    "php-intl",
    "php-soap",
    "postgresql",
]
PHP_MODULES = {"pgsql", "dom", "mbstring", "curl", "zip", "gd", "intl", "soap"}
PHP = ["php", "-d", "max_input_vars=5000"]  # Moodle's installer refuses to run with less
ADMIN_PASSWORD = "Admin-pass-1"
# A throwaway database: durability buys nothing here and slows every write.
PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def ensure_packages() -> None:
    """Install PHP and PostgreSQL from Debian when they are missing (one apt at a time on this machine)."""
    if shutil.which("php") and (PG_BIN / "initdb").exists() and _php_modules() >= PHP_MODULES:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    apt = [*sudo, "flock", "/tmp/apt.lock", "apt-get"]
    subprocess.run([*apt, "update", "-qq"], check=True)
    subprocess.run(
        [*apt, "install", "-y", "-qq", *PACKAGES], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )


def _php_modules() -> set[str]:
    listed = subprocess.run(["php", "-m"], capture_output=True, text=True, check=True).stdout
    return {line.strip().lower() for line in listed.splitlines()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(command: list[str], what: str, **kwargs) -> str:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise RuntimeError(f"{what} failed ({done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return done.stdout


@dataclass
class Postgres:
    """A private PostgreSQL 15 cluster in `folder`, listening on 127.0.0.1:`port` only."""

    folder: Path
    port: int = field(default_factory=free_port)

    def _as_owner(self) -> list[str]:
        # initdb and the server refuse to run as root: run them as Debian's `postgres` user.
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> None:
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        _run(
            [
                *self._as_owner(),
                PG_BIN / "initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            "initdb",
        )
        options = f"-p {self.port} -h 127.0.0.1 -k {self.folder} {PG_OPTIONS}"
        _run(
            [
                *self._as_owner(),
                PG_BIN / "pg_ctl",
                "-D",
                data,
                "-o",
                options,
                "-l",
                self.folder / "server.log",
                "-w",
                "start",
            ],
            "pg_ctl start",
        )
        _run(
            [PG_BIN / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-E", "UTF8", "moodle"],
            "createdb",
        )

    def stop(self) -> None:
        subprocess.run(
            [*self._as_owner(), PG_BIN / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop"],
            capture_output=True,
        )


@dataclass
class Moodle:
    folder: Path
    db: Postgres
    port: int = field(default_factory=free_port)
    server: subprocess.Popen | None = None
    attached: bool = False

    @property
    def code(self) -> Path:
        return self.folder / "moodle"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def stand_up(cls, tarball: Path = TARBALL) -> "Moodle":
        ensure_packages()
        folder = Path(tempfile.mkdtemp(prefix="cpch-moodle-"))
        os.chmod(folder, 0o755)  # the postgres user must reach its cluster inside
        site = cls(folder, Postgres(folder / "pg"))
        try:
            site.db.start()
            site.code.mkdir()
            _run(["tar", "xzf", tarball, "-C", site.code], "extracting " + str(tarball))
            site.install()
            site.serve()
        except BaseException:
            site.close()
            raise
        (folder / "site.json").write_text(json.dumps({"port": site.port, "db_port": site.db.port}))
        return site

    @classmethod
    def attach(cls, folder: Path) -> "Moodle":
        """A site that `python tests/lms/moodle_site.py` keeps running in `folder`."""
        ports = json.loads((folder / "site.json").read_text())
        return cls(folder, Postgres(folder / "pg", ports["db_port"]), ports["port"], attached=True)

    def install(self) -> None:
        data = self.folder / "moodledata"
        data.mkdir()
        _run(
            [
                *PHP,
                "admin/cli/install.php",
                "--non-interactive",
                "--agree-license",
                "--lang=en",
                "--dbtype=pgsql",
                "--dbhost=127.0.0.1",
                f"--dbport={self.db.port}",
                "--dbname=moodle",
                "--dbuser=postgres",
                "--dbpass=unused",
                f"--wwwroot={self.url}",
                f"--dataroot={data}",
                "--fullname=cpch test site",
                "--shortname=cpch",
                f"--adminpass={ADMIN_PASSWORD}",
                "--adminemail=admin@example.invalid",
            ],
            "Moodle's installer",
            cwd=self.code,
        )
        self.php("site_setup.php")

    def serve(self) -> None:
        with open(self.folder / "php-server.log", "w") as log:  # the server keeps its own copy of the file
            self.server = subprocess.Popen(
                [*PHP, "-S", f"127.0.0.1:{self.port}"],
                cwd=self.code,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/login/index.php", timeout=10) as response:
                    if response.status == 200:
                        return
            except OSError as error:
                if self.server.poll() is not None or time.monotonic() > deadline:
                    log_text = (self.folder / "php-server.log").read_text()
                    raise RuntimeError(f"PHP's server did not start: {log_text}") from error
                time.sleep(0.2)

    def php(self, script: str, *args, stdin: str | None = None) -> str:
        """Run one of our CLI scripts (tests/lms/php/) against this site; its standard output."""
        env = {**os.environ, "MOODLE_DIR": str(self.code)}
        return _run(
            [*PHP, SCRIPTS / script, *map(str, args)], f"{script} {' '.join(map(str, args))}", env=env, input=stdin
        )

    def php_json(self, script: str, *args, stdin=None):
        return json.loads(self.php(script, *args, stdin=None if stdin is None else json.dumps(stdin)))

    def close(self) -> None:
        if self.attached:
            return
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, 15)
            self.server.wait(timeout=30)
        self.db.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    started = time.monotonic()
    site = Moodle.stand_up()
    print(
        f"Moodle at {site.url} (admin / {ADMIN_PASSWORD}), code in {site.code}, "
        f"database on port {site.db.port}; ready in {time.monotonic() - started:.0f} s. Ctrl-C stops it.",
        flush=True,
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.close()
