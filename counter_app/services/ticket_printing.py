"""Printing a ticket on the kiosk's thermal printer, and telling the queue how it went.

Called on a worker thread by the kiosk; never raises: a ticket is never lost to a printer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from counter_app.domain.queue import describe_wait
from counter_app.services.crash_points import crash_point
from counter_app.services.errors import ServiceError
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from counter_app.services.queue_models import TicketInfo
from counter_app.settings import KioskSettings
from db.models import Ticket
from printers.thermal.base import PrinterUnavailable

log = logging.getLogger(__name__)

NO_PRINTER = "Kiosk này chưa được kết nối máy in vé."
PRINTER_MISSING = "Phần mềm in vé chưa được cài đặt trên máy này."
PRINT_ERROR = "Không tạo được vé để in (chi tiết đã ghi vào nhật ký)."
INTERRUPTED = "kiosk bị tắt đột ngột (mất điện hoặc tắt máy) khi đang in vé, có thể vé chưa ra giấy"

PROFILE = "TM-T20II"
PAPER_DOTS = {80: 576, 58: 384}

Sender = Callable[[str, bytes], None]


@dataclass(frozen=True)
class PrintOutcome:
    """Whether the ticket came out; when not, why (Vietnamese, shown to the citizen)."""

    ticket_id: int
    ok: bool
    reason: str = ""


def ticket_job(office_name: str, ticket: TicketInfo, paper_mm: int) -> bytes:
    """The ESC/POS bytes of a ticket for the kiosk's paper width."""
    from printers.thermal.escpos_bytes import ticket_bytes
    from printers.thermal.slip import TicketSlip

    slip = TicketSlip(
        office_name=office_name,
        area_name=ticket.area_name,
        label=ticket.label,
        issued_at=ticket.issued_at,
        ahead=ticket.ahead,
        wait_text=describe_wait(ticket.wait),
        qr_data=ticket.qr_data,
        priority_text=ticket.priority_label,
    )
    return ticket_bytes(slip, profile=PROFILE, width_dots=PAPER_DOTS.get(paper_mm, 576))


def send_to_printer(url: str, data: bytes) -> None:
    """Send a job to the printer at url; raises PrinterUnavailable (ValueError: bad url)."""
    from printers.thermal.devices import printer_from_url

    printer_from_url(url).send(data)


def print_ticket(
    queue: QueueService,
    principal: Principal,
    settings: KioskSettings,
    office_name: str,
    ticket: TicketInfo,
    sender: Sender = send_to_printer,
) -> PrintOutcome:
    """Print the ticket and record the outcome; a failure alerts the clerks. Never raises."""
    reason = ""
    if not settings.printer:
        reason = NO_PRINTER
    else:
        try:
            sender(settings.printer, ticket_job(office_name, ticket, settings.paper_mm))
        except PrinterUnavailable as exc:
            reason = exc.message_vi or str(exc)
        except ValueError as exc:  # a printer address or model the printers package refuses
            reason = str(exc) or PRINT_ERROR
        except ImportError:
            log.exception("ticket printing modules are missing")
            reason = PRINTER_MISSING
        except Exception:  # a ticket must never be lost to a printing bug
            log.exception("printing ticket %s failed", ticket.label)
            reason = PRINT_ERROR
    crash_point("print_before_record")  # crash tests: sent, the outcome not yet recorded
    if reason:
        log.warning("ticket %s not printed: %s", ticket.label, reason)
    try:
        queue.mark_printed(principal, ticket.id, ok=not reason, error=reason)
    except (ServiceError, SQLAlchemyError) as exc:
        log.error("could not record printing of ticket %s: %s", ticket.label, exc)
    return PrintOutcome(ticket.id, not reason, reason)


def settle_interrupted_prints(queue: QueueService, principal: Principal) -> list[str]:
    """At kiosk start: today's tickets of this kiosk whose printing never reported, failed.

    The kiosk died between taking the number and recording the print (power cut). They are
    recorded as failed, which alerts the clerks, and never reprinted: the citizen may hold the
    paper already or have left, and a ticket dropping into an empty tray would be taken by the
    next citizen. Returns their labels; never raises.
    """
    labels: list[str] = []
    try:
        with queue.db.read() as session:
            rows = session.execute(
                select(Ticket.id, Ticket.label)
                .where(
                    Ticket.day == queue.clock().date(),
                    Ticket.issued_station == principal.station,
                    Ticket.print_status == "pending",
                )
                .order_by(Ticket.id)
            ).all()
        for ticket_id, label in rows:
            queue.mark_printed(principal, ticket_id, ok=False, error=INTERRUPTED)
            log.warning("ticket %s: printing was interrupted, clerks alerted", label)
            labels.append(label)
    except (ServiceError, SQLAlchemyError) as exc:
        log.error("could not settle interrupted ticket prints: %s", exc)
    return labels
