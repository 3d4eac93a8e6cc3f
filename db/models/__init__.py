"""All tables; importing this package registers them on `Base.metadata`."""

from db.base import Base
from db.models.accounts import AuditEntry, User
from db.models.catalog import Procedure, ProcedurePaper
from db.models.meta import AppMeta, SequenceCounter
from db.models.office import Counter, Office

__all__ = [
    "AppMeta",
    "AuditEntry",
    "Base",
    "Counter",
    "Office",
    "Procedure",
    "ProcedurePaper",
    "SequenceCounter",
    "User",
]
