"""Accounts: creation, sign-in with lock-out, password changes, all audited."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.roles import PEOPLE_ROLES, Role, parse_role
from counter_app.domain.text import normalize
from counter_app.services import audit
from counter_app.services.errors import NotFound, ServiceError, ValidationError
from counter_app.services.passwords import (
    HASHER,
    PUBLISHED_PASSWORD,
    published_problems,
)
from counter_app.services.passwords import hash_password as hash_password
from counter_app.services.passwords import password_problems as password_problems
from counter_app.services.passwords import username_problems as username_problems
from counter_app.services.passwords import verify as _verify
from counter_app.services.principal import Principal, require_role
from counter_app.settings import SecuritySettings
from db.engine import Database
from db.models import User

log = logging.getLogger(__name__)

# Verified against when the username is unknown, so timing does not reveal which names exist.
_DUMMY_HASH = HASHER.hash("mot-cua-counter-dummy-password")

WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."


class SignInError(ServiceError):
    """Sign-in refused; the message says why without revealing which names exist."""


@dataclass(frozen=True)
class UserInfo:
    """An account as shown to an admin."""

    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        Role(user.role),
        user.active,
        user.must_change_password,
        user.locked_until,
        user.last_login_at,
    )


def _principal(user: User, station: str) -> Principal:
    return Principal(user.id, user.username, user.full_name, Role(user.role), station)


class AccountService:
    """Accounts of the office and signing in at this station."""

    def __init__(
        self, db: Database, security: SecuritySettings, station: str, clock: Clock = vietnam_now
    ) -> None:
        self.db = db
        self.security = security
        self.station = station
        self.clock = clock

    def has_admin(self) -> bool:
        """True once an active admin account exists."""
        with self.db.read() as session:
            query = select(func.count()).where(User.role == Role.ADMIN.value, User.active)
            return bool(session.scalar(query))

    def create_user(
        self,
        actor: Principal,
        username: str,
        full_name: str,
        role: Role | str,
        password: str,
        must_change_password: bool = False,
    ) -> UserInfo:
        """Create an account; only an admin may."""
        require_role(actor, Role.ADMIN)
        with self.db.write() as session:
            user = self._add_user(
                session, actor, username, full_name, role, password, must_change_password
            )
            return _info(user)

    def _add_user(
        self,
        session: Session,
        actor: Principal,
        username: str,
        full_name: str,
        role: Role | str,
        password: str,
        must_change_password: bool,
    ) -> User:
        """Add a new account inside the caller's transaction (used by office setup too)."""
        username = username.strip().lower()
        full_name = normalize(full_name)
        problems = username_problems(username)
        if not full_name:
            problems.append("Cần nhập họ và tên.")
        try:
            role = parse_role(role) if isinstance(role, str) else role
        except ValueError as exc:
            problems.append(str(exc))
        problems += password_problems(password, self.security.min_password_length)
        problems += published_problems(session, password)
        if not problems and session.scalar(select(User.id).where(User.username == username)):
            problems.append(f"Tên đăng nhập '{username}' đã có người dùng.")
        if problems:
            raise ValidationError(problems)
        assert isinstance(role, Role)
        now = self.clock()
        user = User(
            username=username,
            full_name=full_name,
            role=role.value,
            password_hash=hash_password(password),
            must_change_password=must_change_password,
            failed_logins=0,
            active=True,
            created_at=now,
        )
        session.add(user)
        session.flush()
        audit.record(
            session, actor, now, "user.create", "user", user.id, username=username, role=role.value
        )
        return user

    def sign_in(self, username: str, password: str) -> Principal:
        """Check a username and password; count failures and lock the account after too many."""
        username = username.strip().lower()
        with self.db.write() as session:
            # Failures are committed too (count, lock, audit line), so the outcome is returned
            # from the transaction and raised only after it.
            outcome = self._attempt(session, username, password, self.clock())
        if isinstance(outcome, str):
            raise SignInError(outcome)
        return outcome

    def _attempt(
        self, session: Session, username: str, password: str, now: datetime
    ) -> Principal | str:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            _verify(_DUMMY_HASH, password)
            self._audit_failure(session, username, now, "unknown-user")
            return WRONG_CREDENTIALS
        if not user.active:
            self._audit_failure(session, username, now, "inactive", user.id)
            return "Tài khoản này đã bị khóa bởi quản trị. Hãy liên hệ quản trị."
        if user.locked_until is not None and user.locked_until > now:
            self._audit_failure(session, username, now, "locked", user.id)
            until = user.locked_until.strftime("%H:%M ngày %d/%m/%Y")
            return f"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, thử lại sau {until}."
        if not _verify(user.password_hash, password):
            user.failed_logins += 1
            if user.failed_logins < self.security.max_failed_logins:
                self._audit_failure(session, username, now, "wrong-password", user.id)
                return WRONG_CREDENTIALS
            user.locked_until = now + timedelta(minutes=self.security.lockout_minutes)
            user.failed_logins = 0
            log.warning("account %s locked after repeated failures", username)
            self._audit_failure(session, username, now, "locked-now", user.id)
            return (
                "Nhập sai mật khẩu quá số lần cho phép: tài khoản tạm khóa "
                f"{self.security.lockout_minutes} phút."
            )
        if HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        if published_problems(session, password) and not user.must_change_password:
            user.must_change_password = True
            log.warning("account %s signed in with a published password: change required", username)
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        principal = _principal(user, self.station)
        audit.record(session, principal, now, "auth.sign_in", "user", user.id)
        return principal

    def _audit_failure(
        self,
        session: Session,
        username: str,
        now: datetime,
        reason: str,
        user_id: int | None = None,
    ) -> None:
        who = Principal(user_id, username[:50], "", Role.CLERK, self.station)
        audit.record(session, who, now, "auth.sign_in_failed", "user", user_id or "", reason=reason)

    def sign_out(self, principal: Principal) -> None:
        """Record that the account signed out."""
        require_role(principal, *Role)
        with self.db.write() as session:
            audit.record(
                session, principal, self.clock(), "auth.sign_out", "user", principal.user_id or ""
            )

    def lock_session(self, principal: Principal) -> None:
        """Record that the session at this station locked itself after idle time."""
        require_role(principal, *Role)
        with self.db.write() as session:
            audit.record(
                session,
                principal,
                self.clock(),
                "auth.session_locked",
                "user",
                principal.user_id or "",
            )

    def must_change_password(self, principal: Principal) -> bool:
        """True when the account has to choose a new password before working."""
        require_role(principal, *Role)
        with self.db.read() as session:
            user = session.get(User, principal.user_id)
            return bool(user and user.must_change_password)

    def change_password(self, principal: Principal, old: str, new: str) -> None:
        """Change one's own password, knowing the old one (people only: devices are reset)."""
        require_role(principal, *PEOPLE_ROLES)
        now = self.clock()
        with self.db.write() as session:
            user = session.get(User, principal.user_id)
            if user is None:
                raise NotFound("Không tìm thấy tài khoản.")
            if not _verify(user.password_hash, old):
                raise ValidationError("Mật khẩu hiện tại không đúng.")
            problems = password_problems(new, self.security.min_password_length)
            problems += published_problems(session, new)
            if new == old:
                problems.append("Mật khẩu mới phải khác mật khẩu hiện tại.")
            if problems:
                raise ValidationError(problems)
            user.password_hash = hash_password(new)
            user.must_change_password = False
            audit.record(session, principal, now, "user.change_password", "user", user.id)

    def reset_password(self, actor: Principal, username: str, new: str) -> None:
        """An admin sets a new password; the user must change it at next sign-in."""
        require_role(actor, Role.ADMIN)
        problems = password_problems(new, self.security.min_password_length)
        if problems:
            raise ValidationError(problems)
        with self.db.write() as session:
            if published_problems(session, new):
                raise ValidationError(PUBLISHED_PASSWORD)
            user = self._get(session, username)
            user.password_hash = hash_password(new)
            user.must_change_password = True
            user.failed_logins = 0
            user.locked_until = None
            audit.record(session, actor, self.clock(), "user.reset_password", "user", user.id)

    def set_active(self, actor: Principal, username: str, active: bool) -> None:
        """An admin enables or disables an account (never their own)."""
        require_role(actor, Role.ADMIN)
        with self.db.write() as session:
            user = self._get(session, username)
            if user.id == actor.user_id and not active:
                raise ValidationError("Không thể tự khóa tài khoản của chính mình.")
            user.active = active
            action = "user.enable" if active else "user.disable"
            audit.record(session, actor, self.clock(), action, "user", user.id)

    def list_users(self, actor: Principal) -> list[UserInfo]:
        """Every account, for admins and supervisors."""
        require_role(actor, Role.ADMIN, Role.SUPERVISOR)
        with self.db.read() as session:
            return [_info(u) for u in session.scalars(select(User).order_by(User.username))]

    @staticmethod
    def _get(session: Session, username: str) -> User:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise NotFound(f"Không có tài khoản '{username}'.")
        return user
