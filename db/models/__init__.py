"""All tables; importing this package registers them on `Base.metadata`."""

from db.base import Base
from db.models.accounts import AuditEntry, User
from db.models.catalog import Procedure, ProcedurePaper
from db.models.dossier import (
    Applicant,
    Attachment,
    Dossier,
    DossierEvent,
    DossierPaper,
    FeeReceipt,
)
from db.models.meta import AppMeta, SequenceCounter
from db.models.office import Counter, Office
from db.models.queue import QueueEvent, ServiceArea, Ticket
from db.models.rating import ServiceRating
from db.models.sync import SyncFile, SyncLease, SyncOutbox

__all__ = [
    "AppMeta",
    "Applicant",
    "Attachment",
    "AuditEntry",
    "Base",
    "Counter",
    "Dossier",
    "DossierEvent",
    "DossierPaper",
    "FeeReceipt",
    "Office",
    "Procedure",
    "ProcedurePaper",
    "QueueEvent",
    "SequenceCounter",
    "ServiceArea",
    "ServiceRating",
    "SyncFile",
    "SyncLease",
    "SyncOutbox",
    "Ticket",
    "User",
]
