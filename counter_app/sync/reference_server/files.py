"""Attachment files by SHA-256 in one folder: ``<sha>.part`` while arriving, ``<sha>`` when whole.

The size of the ``.part`` file is how many bytes were received, so an upload cut anywhere
resumes from what actually reached the disk.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def is_sha256(text: str) -> bool:
    """True for 64 lower-case hex digits."""
    return SHA256_HEX.fullmatch(text) is not None


class AttachmentFiles:
    """The folder holding received attachments."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, sha: str, suffix: str = "") -> Path:
        if not is_sha256(sha):
            raise ValueError(f"not a SHA-256: {sha!r}")
        return self.folder / f"{sha}{suffix}"

    def final_path(self, sha: str) -> Path:
        """Where a verified file lives."""
        return self._path(sha)

    def is_complete(self, sha: str) -> bool:
        """True when the verified file is there."""
        return self._path(sha).is_file()

    def received(self, sha: str) -> int:
        """Bytes received so far (the whole size once verified)."""
        for path in (self._path(sha), self._path(sha, ".part")):
            try:
                return path.stat().st_size
            except FileNotFoundError:
                continue
        return 0

    def open_append(self, sha: str) -> BinaryIO:
        """The partial file, opened for appending."""
        return open(self._path(sha, ".part"), "ab")

    def truncate(self, sha: str, size: int) -> None:
        """Cut the partial file back to ``size`` bytes."""
        path = self._path(sha, ".part")
        if path.exists():
            os.truncate(path, size)

    def finish(self, sha: str) -> bool:
        """Verify the partial file's hash; keep it as the final file if right, else delete it."""
        part = self._path(sha, ".part")
        digest = hashlib.sha256()
        with open(part, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != sha:
            part.unlink(missing_ok=True)
            return False
        os.replace(part, self._path(sha))
        return True

    def remove(self, sha: str) -> None:
        """Delete whatever is held for this hash."""
        self._path(sha).unlink(missing_ok=True)
        self._path(sha, ".part").unlink(missing_ok=True)

    def prune(self, complete: Iterable[str], partial: Iterable[str]) -> None:
        """Delete every file not listed (after a restore to an older snapshot)."""
        keep = {f"{sha}" for sha in complete} | {f"{sha}.part" for sha in partial}
        for path in self.folder.iterdir():
            if path.is_file() and path.name not in keep:
                path.unlink(missing_ok=True)
