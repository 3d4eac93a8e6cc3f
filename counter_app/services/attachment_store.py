"""Content-addressed store of digitised files (số hóa): checked, kept once by SHA-256.

Files live in `root/ab/cd/<sha256>` (user-only folders and files), written to a temporary file
beside the target, fsynced, read back and hash-checked, then renamed into place, so a file under
its hash name is always whole. Content decides the kind (PDF, JPEG, PNG), never the extension.
Logs name a file by hash and size only: file names often carry a citizen's name.
"""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from counter_app.domain import file_kinds
from counter_app.services.errors import NotFound, ServiceError, ValidationError

log = logging.getLogger(__name__)

#: Largest file accepted, in bytes, unless the store is given another limit.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MIB = 1024 * 1024
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_PILLOW_FORMATS = {file_kinds.JPEG: {"JPEG", "MPO"}, file_kinds.PNG: {"PNG"}}

MISSING = "Không tìm thấy tệp “{name}” (có thể đã bị xóa, đổi tên hoặc rút USB)."
UNREADABLE = (
    "Không đọc được tệp “{name}”: không có quyền đọc hoặc tệp đang được chương trình khác mở."
)
NOT_A_FILE = "“{name}” không phải là một tệp (có thể là thư mục)."
EMPTY = "Tệp “{name}” rỗng (0 byte), có thể chưa quét hoặc chép xong."
TOO_BIG = (
    "Tệp “{name}” dung lượng {size}, vượt giới hạn {limit}. Hãy quét lại ở độ phân giải thấp hơn "
    "(200–300 dpi) hoặc chia thành nhiều tệp."
)
NOT_ALLOWED = "Tệp “{name}” không phải ảnh JPG/PNG hay PDF hợp lệ."
OTHER_KIND = (
    "Tệp “{name}” là {kind}; chỉ nhận ảnh JPG/PNG hoặc tệp PDF. Hãy lưu lại dạng PDF hoặc JPG."
)
CORRUPT = "Tệp “{name}” bị hỏng hoặc không đầy đủ (có thể chưa chép xong), không mở được."
ENCRYPTED = (
    "Tệp PDF “{name}” có mật khẩu hoặc bị mã hóa. Hãy gỡ mật khẩu (hoặc quét lại) rồi đính kèm."
)
NO_PAGES = "Tệp PDF “{name}” không có trang nào."
TOO_MANY_PIXELS = (
    "Ảnh “{name}” có kích thước điểm ảnh quá lớn. Hãy quét lại ở độ phân giải thấp hơn."
)
DISK_FULL = "Ổ đĩa đã đầy nên chưa lưu được tệp đính kèm. Hãy giải phóng dung lượng rồi thử lại."
WRITE_FAILED = (
    "Không ghi được tệp đính kèm vào thư mục dữ liệu. Hãy báo quản trị (chi tiết trong nhật ký)."
)
WRITE_MISMATCH = (
    "Tệp ghi ra ổ đĩa không khớp bản gốc nên chưa được lưu. Hãy thử lại và kiểm tra ổ đĩa."
)
NOT_STORED = "Không tìm thấy tệp đính kèm trong thư mục dữ liệu (có thể đã bị xóa hoặc ở máy khác)."
#: A file still being written is younger than this; an older `.part` file is debris.
PARTIAL_MAX_AGE_S = 600.0


def format_size(size_bytes: int, round_up: bool = True) -> str:
    """Size in MB as Windows Explorer counts it (1 MB = 1 048 576 bytes), one decimal."""
    tenths = -(-size_bytes * 10 // _MIB) if round_up else size_bytes * 10 // _MIB
    whole, tenth = divmod(tenths, 10)
    return f"{whole:,}".replace(",", ".") + (f",{tenth}" if tenth else "") + " MB"


@dataclass(frozen=True)
class FileFacts:
    """What inspecting a file found: its hash, kind, size, page count and display name."""

    sha256: str
    media_type: str
    size_bytes: int
    pages: int
    filename: str


class AttachmentStore:
    """Content-addressed, user-only file store for digitised papers."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes

    def sweep_partials(self, older_than_s: float = PARTIAL_MAX_AGE_S) -> int:
        """Delete half-written files a power cut left behind; returns how many went."""
        if not self.root.is_dir():
            return 0
        limit, swept = time.time() - older_than_s, 0
        for part in self.root.glob("*/*/.*.part"):
            try:
                if part.stat().st_mtime < limit:
                    part.unlink()
                    swept += 1
            except OSError as exc:  # another station's sweep, or a file in use: try next time
                log.warning("could not remove a half-written attachment file: %s", exc)
        if swept:
            log.info("removed %d half-written attachment file(s) left by a power cut", swept)
        return swept

    def inspect(self, path: str | os.PathLike[str]) -> FileFacts:
        """Read and check a file: size, kind by content, whole, pages; ValidationError if bad."""
        return self._load(Path(path))[0]

    def store(self, path: str | os.PathLike[str]) -> FileFacts:
        """Check a file and keep one copy of its content; the same content again is a no-op."""
        facts, data = self._load(Path(path))
        target = self._path(facts.sha256)
        if self._intact(target, facts.sha256):
            log.info("attachment already stored sha256=%s size=%d", facts.sha256, facts.size_bytes)
            return facts
        if target.exists():
            log.warning(
                "attachment sha256=%s on disk did not match its hash; replaced", facts.sha256
            )
        self._write(target, data, facts.sha256)
        log.info(
            "attachment stored sha256=%s size=%d pages=%d type=%s",
            facts.sha256,
            facts.size_bytes,
            facts.pages,
            facts.media_type,
        )
        return facts

    def open_path(self, sha256: str) -> Path:
        """The stored file of a hash; NotFound if the hash is malformed or the file missing."""
        path = self._path(sha256)
        if not path.is_file():
            raise NotFound(NOT_STORED)
        return path

    def verify(self, sha256: str) -> bool:
        """True when the store holds a file whose content still hashes to sha256."""
        try:
            return self._intact(self._path(sha256), sha256)
        except NotFound:
            return False

    def delete(self, sha256: str) -> bool:
        """Remove a stored file; True if there was one."""
        path = self._path(sha256)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        log.info("attachment file deleted sha256=%s", sha256)
        return True

    def _path(self, sha256: str) -> Path:
        # Only 64 lowercase hex digits name a file: nothing else can reach outside the store.
        if not isinstance(sha256, str) or not _SHA256_HEX.fullmatch(sha256):
            raise NotFound(NOT_STORED)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def _load(self, path: Path) -> tuple[FileFacts, bytes]:
        name = file_kinds.safe_filename(path.name)
        data = self._read(path, name)
        media_type = file_kinds.sniff(data[: file_kinds.SNIFF_BYTES])
        if media_type is None:
            log.info("attachment refused: unknown content, size=%d", len(data))
            raise ValidationError(NOT_ALLOWED.format(name=name))
        if media_type not in file_kinds.ALLOWED_MEDIA_TYPES:
            log.info("attachment refused: %s, size=%d", media_type, len(data))
            kind = file_kinds.label_for(media_type)
            raise ValidationError(OTHER_KIND.format(name=name, kind=kind))
        sha256 = hashlib.sha256(data).hexdigest()
        pages = self._pages(data, media_type, name, sha256)
        filename = file_kinds.with_extension(name, media_type)
        return FileFacts(sha256, media_type, len(data), pages, filename), data

    def _read(self, path: Path, name: str) -> bytes:
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                raise ValidationError(NOT_A_FILE.format(name=name))
            # Checked before opening: a 50 MB file is refused without reading a byte of it.
            self._check_size(info.st_size, name)
            with open(path, "rb") as f:
                data = f.read(self.max_bytes + 1)
        except FileNotFoundError:
            raise ValidationError(MISSING.format(name=name)) from None
        except (PermissionError, IsADirectoryError):
            raise ValidationError(UNREADABLE.format(name=name)) from None
        except OSError as exc:
            log.warning("attachment read failed: %s", errno.errorcode.get(exc.errno or 0, "?"))
            raise ValidationError(UNREADABLE.format(name=name)) from None
        self._check_size(len(data), name)  # it may have grown since stat (a scan still saving)
        return data

    def _check_size(self, size: int, name: str) -> None:
        if size == 0:
            log.info("attachment refused: empty")
            raise ValidationError(EMPTY.format(name=name))
        if size > self.max_bytes:
            log.info("attachment refused: size=%d over limit=%d", size, self.max_bytes)
            limit = format_size(self.max_bytes, round_up=False)
            raise ValidationError(TOO_BIG.format(name=name, size=format_size(size), limit=limit))

    def _pages(self, data: bytes, media_type: str, name: str, sha256: str) -> int:
        try:
            if media_type == file_kinds.PDF:
                return _pdf_pages(data, name)
            _check_image(data, media_type)
            return 1
        except ValidationError:
            raise
        except Image.DecompressionBombError:
            log.info("attachment refused: too many pixels sha256=%s", sha256)
            raise ValidationError(TOO_MANY_PIXELS.format(name=name)) from None
        except Exception as exc:  # parsers of untrusted files raise anything at all
            log.info("attachment refused: corrupt (%s) sha256=%s", type(exc).__name__, sha256)
            raise ValidationError(CORRUPT.format(name=name)) from None

    def _write(self, target: Path, data: bytes, sha256: str) -> None:
        try:
            for folder in (self.root, target.parent.parent, target.parent):
                _private_dir(folder)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                # Read back from disk: catches short writes and copying faults before the rename.
                if _file_sha256(tmp) != sha256:
                    log.error("attachment write mismatch sha256=%s", sha256)
                    raise ServiceError(WRITE_MISMATCH)
                os.replace(tmp, target)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            _fsync_dir(target.parent)
        except OSError as exc:
            if self._intact(target, sha256):
                return  # another station or window stored the same content meanwhile
            code = errno.errorcode.get(exc.errno or 0, "?")
            log.error("attachment write failed sha256=%s: %s", sha256, code)
            raise ServiceError(DISK_FULL if exc.errno == errno.ENOSPC else WRITE_FAILED) from exc

    @staticmethod
    def _intact(path: Path, sha256: str) -> bool:
        try:
            return _file_sha256(path) == sha256
        except OSError:
            return False


def _pdf_pages(data: bytes, name: str) -> int:
    reader = PdfReader(io.BytesIO(data))
    try:
        # An owner password alone (printing/copying limits) opens with an empty user password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(ENCRYPTED.format(name=name))
        pages = len(reader.pages)
        for page in reader.pages:
            page.get_contents()  # a truncated file fails here rather than at the reader's desk
    except (FileNotDecryptedError, DependencyError):
        raise ValidationError(ENCRYPTED.format(name=name)) from None
    if pages == 0:
        raise ValidationError(NO_PAGES.format(name=name))
    return pages


def _check_image(data: bytes, media_type: str) -> None:
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in _PILLOW_FORMATS[media_type]:
            raise ValueError(f"content is {image.format}")
        image.verify()  # PNG: every chunk's CRC up to IEND
    if media_type == file_kinds.JPEG:
        # verify() checks nothing for JPEG; decoding at 1/8 scale finds truncation cheaply.
        with Image.open(io.BytesIO(data)) as image:
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_MIB):
            digest.update(chunk)
    return digest.hexdigest()


def _private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "nt" and stat.S_IMODE(folder.stat().st_mode) & 0o077:
        folder.chmod(0o700)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to fsync it; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
