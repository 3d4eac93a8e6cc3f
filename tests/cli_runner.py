"""Running `python -m counter_app` as a real process with its own config and data folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    tmp_path: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The finished process; folders under `tmp_path`, extra environment from `env`."""
    environ = dict(os.environ)
    environ["MOTCUA_CONFIG_DIR"] = str(tmp_path / "cfg")
    environ["MOTCUA_DATA_DIR"] = str(tmp_path / "data")
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        check=False,
    )
