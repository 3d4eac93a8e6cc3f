"""Building the sender for a station: the adapter from the settings and the stored token."""

from __future__ import annotations

import os

from counter_app.clock import Clock
from counter_app.services.attachment_store import AttachmentStore
from counter_app.settings import SyncSettings
from counter_app.sync import state
from counter_app.sync.http_adapter import HttpProvincialAdapter
from counter_app.sync.sender import SyncSender
from db.engine import Database


class SenderFactory:
    """Gives the runner a sender, or None while no province address or token is set.

    A new token (entered by the admin after the province refused the old one) gives a new
    adapter; otherwise the same sender, and its HTTP connections, are reused.
    """

    def __init__(
        self,
        db: Database,
        settings: SyncSettings,
        files: AttachmentStore,
        clock: Clock,
        station: str,
    ) -> None:
        self.db, self.settings, self.files, self.clock = db, settings, files, clock
        self.holder = f"{station}:{os.getpid()}"
        self._token = ""
        self._adapter: HttpProvincialAdapter | None = None
        self._sender: SyncSender | None = None

    def __call__(self) -> SyncSender | None:
        """The sender to use for the next round."""
        if not self.settings.url:
            return None
        with self.db.read() as session:
            token = state.get(session, state.TOKEN)
        if not token:
            return None
        if token != self._token or self._sender is None:
            self.close()
            self._adapter = HttpProvincialAdapter(
                self.settings.url,
                token,
                connect_timeout=self.settings.connect_timeout_s,
                read_timeout=self.settings.read_timeout_s,
            )
            self._sender = SyncSender(
                self.db, self._adapter, self.files, self.settings, self.clock, self.holder
            )
            self._token = token
        return self._sender

    def close(self) -> None:
        """Close the HTTP connections."""
        if self._adapter is not None:
            self._adapter.close()
        self._adapter, self._sender = None, None
