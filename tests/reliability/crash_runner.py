"""Running tests/reliability/worker_process.py and cutting its power (SIGKILL).

A `Station` is one worker's command line and the record of everything its runs reported: the
operations each run said were committed, and how many runs were killed. Each run starts where
the reports stop, as a clerk would go on after a restart (redoing the operation that was cut).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from counter_app.services.crash_points import CRASH_ENV

PROGRAM = Path(__file__).with_name("worker_process.py")
REPO = PROGRAM.parents[2]
KILLED = -signal.SIGKILL
RUN_LIMIT_S = 90


@dataclass
class Station:
    """One kind of work on one database, run again and again, killed now and then."""

    url: str
    kind: str
    options: list[str] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)  # every line every run printed
    starts: list[dict] = field(default_factory=list)  # each run's first line
    kills: int = 0

    @property
    def done(self) -> list[dict]:
        """The operations reported committed (for ratings: kept on the screen's disk)."""
        key = "kept" if self.kind == "rating" else "op"
        return [line for line in self.lines if key in line]

    def argv(self, last: int, skip: int) -> list[str]:
        first = len(self.done)
        return [
            sys.executable,
            str(PROGRAM),
            "--db",
            self.url,
            "--kind",
            self.kind,
            "--first",
            str(first),
            "--last",
            str(last),
            "--crash-skip",
            str(skip),
            *self.options,
        ]

    def run(self, last: int, crash: str | None = None, skip: int = 0) -> int:
        """Run to operation `last` (or to the crash point, after `skip` operations)."""
        env = _env(crash)
        done = subprocess.run(
            self.argv(last, skip), cwd=REPO, env=env, capture_output=True, timeout=RUN_LIMIT_S
        )
        self._record(done.stdout.decode(), done.returncode, done.stderr.decode())
        if crash is not None:
            assert done.returncode == KILLED, f"never reached the crash point {crash}"
        else:
            assert done.returncode == 0
        return done.returncode

    def kill_at_random(self, last: int, rng: random.Random) -> int:
        """Start a run and SIGKILL it after 2–3 reported operations, inside the next one.

        The kill comes a random part of the last operation's duration after its report, so
        it lands at any point of the next operation (its transaction, file or print).
        """
        wanted = rng.randint(2, 3)
        process = subprocess.Popen(
            self.argv(last, 0),
            cwd=REPO,
            env=_env(None),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        watchdog = threading.Timer(RUN_LIMIT_S, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None and process.stderr is not None
            seen, text, reports = 0, "", []
            while seen < wanted:
                line = process.stdout.readline().decode()
                if not line:
                    break  # the run ended (or died) first
                text += line
                if '"op"' in line:
                    seen += 1
                    reports.append(time.monotonic())
            step = reports[-1] - reports[-2] if len(reports) > 1 else 0.02
            time.sleep(rng.uniform(0.0, step))
            process.send_signal(signal.SIGKILL)
            text += process.stdout.read().decode()
            code = process.wait(timeout=RUN_LIMIT_S)
            self._record(text, code, process.stderr.read().decode())
        finally:
            watchdog.cancel()
        return code

    def _record(self, stdout: str, code: int, stderr: str) -> None:
        if code not in (0, KILLED):
            pytest.fail(f"the {self.kind} worker exited {code}:\n{stderr[-3000:]}")
        lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
        self.starts += [line for line in lines if "start" in line]
        self.lines += [line for line in lines if "start" not in line]
        self.kills += code == KILLED


def _env(crash: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
    if crash is not None:
        env[CRASH_ENV] = crash
    return env
