"""Where the app keeps its configuration, data, logs and bundled resources."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "mot-cua-counter"
APP_AUTHOR = "MotCua"

#: The repository's `resources/` folder (fonts, catalogue, styles).
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource file."""
    return RESOURCES_DIR.joinpath(*parts)


@dataclass(frozen=True)
class AppDirs:
    """The folders of one installation: configuration and data (database, scans, logs)."""

    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        """The TOML settings file."""
        return self.config_dir / "config.toml"

    @property
    def log_dir(self) -> Path:
        """Folder of the rotating log files."""
        return self.data_dir / "logs"

    @property
    def backup_dir(self) -> Path:
        """Default folder for database backups."""
        return self.data_dir / "backups"

    def demo(self) -> AppDirs:
        """Separate folders for the demo office, so it never touches real data."""
        return AppDirs(self.config_dir / "demo", self.data_dir / "demo")


def app_dirs(environ: dict[str, str] | None = None) -> AppDirs:
    """Folders from the platform conventions, overridable by MOTCUA_CONFIG_DIR / MOTCUA_DATA_DIR."""
    env = os.environ if environ is None else environ
    config = env.get("MOTCUA_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)
    data = env.get("MOTCUA_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)
    return AppDirs(Path(config), Path(data))


def ensure_private_dir(path: Path) -> Path:
    """Create a folder readable only by the user (personal data lives there)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
