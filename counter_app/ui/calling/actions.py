"""The counter's queue actions as plain calls (run on a worker), with the dossier link.

When the intake screen did not link the dossier it saved to the ticket being served, the
service's end (Xong, next number, a given number, transfer) links the newest dossier this
account saved at this station since the ticket was called, found in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.app_context import AppContext
from counter_app.services import audit
from counter_app.services.principal import Principal
from counter_app.services.queue_models import TicketInfo

#: Audit actions of the intake screen that save a dossier while a citizen is served.
DOSSIER_ACTIONS = ("dossier.receive", "dossier.intake_supplement", "dossier.refuse")


def dossier_taken_since(ctx: AppContext, principal: Principal, since: datetime) -> int | None:
    """The newest dossier this account saved at this station since `since`, or None."""
    found: list[tuple[datetime, int]] = []
    for action in DOSSIER_ACTIONS:
        for line in audit.recent(ctx.db, limit=20, action=action):
            if line.at < since:
                break
            mine = line.username == principal.username and line.station == principal.station
            if mine and line.entity_id.isdigit():
                found.append((line.at, int(line.entity_id)))
    return max(found)[1] if found else None


@dataclass(frozen=True)
class CounterActions:
    """What a counter does to the queue, as one account at one station."""

    ctx: AppContext
    principal: Principal

    def unlinked_dossier(self, counter: int) -> tuple[TicketInfo | None, int | None]:
        """The ticket served and the dossier saved meanwhile, when not linked yet."""
        current = self.ctx.queue.current(counter)
        if current is None or current.dossier_id is not None:
            return current, None
        since = current.called_at or current.issued_at
        return current, dossier_taken_since(self.ctx, self.principal, since)

    def link_before_leaving(self, counter: int) -> None:
        """Link the dossier saved while serving, before the service ends another way."""
        current, dossier = self.unlinked_dossier(counter)
        if current is not None and dossier is not None:
            self.ctx.queue.link_dossier(self.principal, current.id, dossier)

    def call_next(self, counter: int) -> TicketInfo | None:
        """Finish the number served and call the next (None: nobody waits)."""
        self.link_before_leaving(counter)
        return self.ctx.queue.call_next(self.principal, counter)

    def recall(self, counter: int) -> TicketInfo:
        """Call the number served again."""
        return self.ctx.queue.recall(self.principal, counter)

    def skip(self, counter: int) -> TicketInfo:
        """The citizen called did not come."""
        return self.ctx.queue.skip(self.principal, counter)

    def finish(self, counter: int) -> TicketInfo:
        """Serving is done; the dossier saved meanwhile is linked."""
        _, dossier = self.unlinked_dossier(counter)
        return self.ctx.queue.finish(self.principal, counter, dossier_id=dossier)

    def call_number(self, counter: int, label: str) -> TicketInfo:
        """Call a given number (waiting, or a no-show who came back)."""
        self.link_before_leaving(counter)
        return self.ctx.queue.call_number(self.principal, counter, label)

    def transfer(self, counter: int, to_counter: int | None, to_area: int | None) -> TicketInfo:
        """Send the citizen to another counter or area, keeping the number."""
        self.link_before_leaving(counter)
        return self.ctx.queue.transfer(
            self.principal, counter, to_counter=to_counter, to_area_id=to_area
        )

    def link(self, ticket_id: int, dossier_id: int) -> TicketInfo:
        """Join a ticket to a dossier."""
        return self.ctx.queue.link_dossier(self.principal, ticket_id, dossier_id)
