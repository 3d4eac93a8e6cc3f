"""The kiosk's exit PIN: set by an admin, checked when someone wants to leave the kiosk."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.errors import ValidationError
from counter_app.services.principal import Principal, require_role
from db.engine import Database
from db.models import AppMeta

PIN_KEY = "kiosk.exit_pin"
#: Audit actions for a PIN typed at the kiosk: right (the kiosk closes) or wrong.
EXIT_PIN_RIGHT = "kiosk.exit"
EXIT_PIN_WRONG = "kiosk.exit_pin_wrong"
#: Who a PIN attempt is written as: whoever types the PIN is not signed in.
PIN_USER = "kiosk_pin"
_HASHER = PasswordHasher()


class KioskLock:
    """Stores a hashed numeric PIN; without one, only a supervisor's or admin's sign-in opens."""

    def __init__(self, db: Database, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.clock = clock

    def set_pin(self, principal: Principal, pin: str) -> None:
        """Set the exit PIN (4–8 digits), admin or supervisor only."""
        require_role(principal, Role.ADMIN, Role.SUPERVISOR)
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            raise ValidationError("Mã PIN thoát kiosk gồm 4 đến 8 chữ số.")
        with self.db.write() as session:
            row = session.get(AppMeta, PIN_KEY) or AppMeta(key=PIN_KEY, value="")
            row.value = _HASHER.hash(pin)
            session.add(row)
            audit.record(session, principal, self.clock(), "kiosk.set_pin")

    def has_pin(self) -> bool:
        """True once a PIN was set."""
        with self.db.read() as session:
            return session.get(AppMeta, PIN_KEY) is not None

    def check(self, pin: str) -> bool:
        """True when the PIN is right (False when none is set)."""
        with self.db.read() as session:
            row = session.get(AppMeta, PIN_KEY)
            stored = row.value if row else ""
        try:
            return bool(stored) and _HASHER.verify(stored, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def exit_checked(self, station: str, ok: bool) -> None:
        """Audit that someone typed the exit PIN at the kiosk `station`, right (ok) or wrong."""
        who = Principal(None, PIN_USER, "", Role.DEVICE, station)
        action = EXIT_PIN_RIGHT if ok else EXIT_PIN_WRONG
        with self.db.write() as session:
            audit.record(session, who, self.clock(), action, ok=ok)
