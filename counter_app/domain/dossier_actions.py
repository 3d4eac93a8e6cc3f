"""The steps of a dossier's history, with the Vietnamese names printed and shown for them."""

from __future__ import annotations

ACTION_LABELS: dict[str, str] = {
    "receive": "Tiếp nhận hồ sơ",
    "intake_supplement": "Hướng dẫn bổ sung, hoàn thiện hồ sơ",
    "refuse": "Từ chối tiếp nhận hồ sơ",
    "transfer": "Chuyển hồ sơ đến đơn vị xử lý",
    "request_supplement": "Yêu cầu bổ sung hồ sơ",
    "receive_supplement": "Nhận hồ sơ bổ sung",
    "result_ready": "Có kết quả giải quyết",
    "return": "Trả kết quả",
    "withdraw": "Công dân rút hồ sơ",
    "stop": "Dừng xử lý hồ sơ",
    "apology": "Xin lỗi và hẹn lại ngày trả kết quả",
}

#: Steps that end a stage of processing: their time is judged against the deadline (Mẫu 06).
TIMED_ACTIONS = frozenset({"result_ready", "return"})


def action_label(action: str) -> str:
    """The Vietnamese name of a history step (the code itself when unknown)."""
    return ACTION_LABELS.get(action, action)
