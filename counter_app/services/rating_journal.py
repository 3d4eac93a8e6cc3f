"""Answers kept on the rating screen's own disk while the office database is out of reach.

The citizen has answered and gone: their answer must not be lost. It is written here first
(atomically, flushed to disk), then saved to the database; what could not be saved stays
until the database answers again. The answer's client key makes a resend harmless.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from counter_app.services.errors import ServiceError
from counter_app.services.principal import Principal
from counter_app.services.rating import RatingInput, RatingService

log = logging.getLogger(__name__)


class RatingJournal:
    """A small file of answers not yet in the database, one JSON object per answer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def pending(self) -> list[RatingInput]:
        """The answers waiting to be saved, oldest first (a damaged file reads as empty)."""
        with self._lock:
            return self._read()

    def keep(self, rating: RatingInput) -> None:
        """Add an answer (replacing one with the same client key)."""
        with self._lock:
            items = [r for r in self._read() if r.client_key != rating.client_key]
            self._write([*items, rating])

    def forget(self, client_key: str) -> None:
        """Drop an answer that is now in the database (or can never be)."""
        with self._lock:
            self._write([r for r in self._read() if r.client_key != client_key])

    def save_all(self, service: RatingService, principal: Principal) -> tuple[int, int]:
        """Try to save every waiting answer; returns (saved, still waiting).

        Stops at the first database failure: the others would fail the same way.
        """
        saved = 0
        items = self.pending()
        for index, rating in enumerate(items):
            try:
                service.submit(principal, rating)
            except SQLAlchemyError as exc:
                log.warning("rating %s kept on this screen: %s", rating.event_key, exc)
                return saved, len(items) - index
            except ServiceError as exc:
                # Refused for good (rated elsewhere meanwhile, scale changed): retrying is
                # pointless, and the refusal is logged for the admin.
                log.warning("rating %s dropped from the journal: %s", rating.event_key, exc)
            else:
                saved += 1
            self.forget(rating.client_key)
        return saved, 0

    def _read(self) -> list[RatingInput]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as exc:
            log.error("cannot read the rating journal %s: %s", self.path, exc)
            return []
        items: list[RatingInput] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                rated_at = data.get("rated_at")
                data["rated_at"] = datetime.fromisoformat(rated_at) if rated_at else None
                data["reasons"] = tuple(data.get("reasons", ()))
                items.append(RatingInput(**data))
            except (ValueError, TypeError) as exc:
                log.error("rating journal %s line %d unreadable: %s", self.path, number, exc)
        return items

    def _write(self, items: list[RatingInput]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for item in items:
            data = asdict(item)
            data["rated_at"] = item.rated_at.isoformat() if item.rated_at else None
            lines.append(json.dumps(data, ensure_ascii=False))
        fd, temp = tempfile.mkstemp(prefix=".ratings-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("".join(line + "\n" for line in lines))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
