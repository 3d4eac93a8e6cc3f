"""Turn database driver errors into messages a clerk can act on."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, SQLAlchemyError


def describe_db_error(exc: BaseException) -> str:
    """A Vietnamese message for a database failure (details go to the log, not the user)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in text or "no space left" in text or "could not extend file" in text:
        return (
            "Ổ đĩa đã đầy nên không lưu được. Dữ liệu đã lưu trước đó vẫn nguyên vẹn; "
            "hãy giải phóng dung lượng ổ đĩa rồi thử lại."
        )
    if "database is locked" in text or "database table is locked" in text:
        return (
            "Cơ sở dữ liệu đang bận (một máy hoặc chương trình khác đang ghi). "
            "Hãy thử lại sau ít giây; nếu kéo dài, kiểm tra chương trình khác đang mở tệp dữ liệu."
        )
    if "file is not a database" in text or "malformed" in text or "disk i/o error" in text:
        return (
            "Tệp cơ sở dữ liệu bị hỏng hoặc không đọc được. Hãy khôi phục từ bản sao lưu gần nhất "
            "(counter-app admin restore)."
        )
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return "Không có quyền ghi vào tệp cơ sở dữ liệu. Hãy kiểm tra quyền của thư mục dữ liệu."
    if "unable to open database file" in text:
        return (
            "Không mở được tệp cơ sở dữ liệu: thư mục dữ liệu không tồn tại "
            "hoặc không truy cập được."
        )
    if "password authentication failed" in text or "authentication failed" in text:
        return "Máy chủ cơ sở dữ liệu từ chối tên người dùng hoặc mật khẩu trong cấu hình."
    if (
        "connection refused" in text
        or "could not connect" in text
        or "timeout expired" in text
        or "connection failed" in text
        or "server closed the connection" in text
        or "terminating connection" in text
        or "name or service not known" in text
    ):
        return (
            "Không kết nối được máy chủ cơ sở dữ liệu của cơ quan. Hãy kiểm tra máy chủ đã bật "
            "và mạng nội bộ; thao tác chưa được lưu, hãy thử lại khi có kết nối."
        )
    if "does not exist" in text and "database" in text:
        return "Cơ sở dữ liệu được cấu hình không tồn tại trên máy chủ."
    if isinstance(exc, DBAPIError | SQLAlchemyError):
        return "Lỗi cơ sở dữ liệu: thao tác chưa được lưu. Hãy thử lại hoặc báo quản trị."
    return "Lỗi không mong đợi: thao tác chưa được lưu. Hãy báo quản trị (chi tiết trong nhật ký)."
