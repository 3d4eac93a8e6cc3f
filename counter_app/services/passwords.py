"""Password rules and hashing: argon2id, a length floor, published passwords refused."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Office

HASHER = PasswordHasher()
#: No setting may lower the minimum length below this.
MIN_LENGTH_FLOOR = 8
#: Passwords printed in the guide and on the console (the demo office's accounts): anyone knows
#: them, so outside the demo office they are refused and an account using one must change it.
PUBLISHED_PASSWORDS = frozenset({"Demo@2026"})
PUBLISHED_PASSWORD = "Mật khẩu này là mật khẩu mẫu đã công bố công khai; hãy chọn mật khẩu khác."
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return HASHER.hash(password)


def verify(password_hash: str, password: str) -> bool:
    """True when the password matches the stored hash (False for a damaged hash)."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problems(password: str, minimum: int) -> list[str]:
    """What is wrong with a proposed password; empty when acceptable."""
    minimum = max(minimum, MIN_LENGTH_FLOOR)
    problems = []
    if len(password) < minimum:
        problems.append(f"Mật khẩu phải có ít nhất {minimum} ký tự.")
    if password.strip() != password:
        problems.append("Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng.")
    if password and (password.isdigit() or password.isalpha()):
        problems.append("Mật khẩu cần có cả chữ và số (hoặc ký tự đặc biệt).")
    return problems


def username_problems(username: str) -> list[str]:
    """What is wrong with a proposed username; empty when acceptable."""
    if not 3 <= len(username) <= 50:
        return ["Tên đăng nhập phải dài từ 3 đến 50 ký tự."]
    if not set(username) <= USERNAME_CHARS:
        return ["Tên đăng nhập chỉ gồm chữ thường không dấu, số và các dấu . _ -"]
    return []


def published_problems(session: Session, password: str) -> list[str]:
    """A published password is accepted only once the office is set up as the demo office."""
    if password not in PUBLISHED_PASSWORDS:
        return []
    is_demo = session.scalar(select(Office.is_demo).order_by(Office.id).limit(1))
    return [] if is_demo else [PUBLISHED_PASSWORD]
