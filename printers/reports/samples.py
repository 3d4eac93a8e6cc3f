"""A filled-in satisfaction report, for tests and for looking at the layout."""

from __future__ import annotations

from datetime import date, datetime

from printers.reports.data import CommentRow, RateLine, RatingReportData, ReasonLine

LEVELS = ("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng")


def rate_line(label: str, counts: tuple[int, ...]) -> RateLine:
    """A line whose totals, rate and mean follow from its counts (five levels, best first)."""
    total = sum(counts)
    satisfied = counts[0] + counts[1]
    score = sum(n * (5 - i) for i, n in enumerate(counts))
    return RateLine(
        label,
        counts,
        total,
        satisfied,
        satisfied / total if total else None,
        score / total if total else None,
    )


def ratings_report() -> RatingReportData:
    """Three clerks over November 2026, with reasons and comments."""
    rows = (
        rate_line("Lê Thị Hồng", (52, 31, 6, 3, 1)),
        rate_line("Nguyễn Văn Đức", (40, 28, 9, 6, 2)),
        rate_line("Phạm Thị Ỷ Lan", (12, 4, 1, 0, 0)),
    )
    total = rate_line(
        "Tổng cộng", tuple(sum(r.counts[i] for r in rows) for i in range(len(LEVELS)))
    )
    return RatingReportData(
        office_name="Trung tâm Phục vụ hành chính công xã Phong Thổ",
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
        printed_at=datetime(2026, 12, 1, 8, 15),
        group_title="Công chức",
        filters=("Kênh: Màn hình tại quầy",),
        level_labels=LEVELS,
        rows=rows,
        total=total,
        reasons=(
            ReasonLine("Thời gian chờ đợi lâu", 7, 7 / 12),
            ReasonLine("Thủ tục giấy tờ phức tạp", 4, 4 / 12),
            ReasonLine("Thái độ của công chức chưa đúng mực", 1, 1 / 12),
        ),
        dissatisfied=12,
        without_reason=2,
        comments=(
            CommentRow(
                date(2026, 11, 27),
                "2",
                "Nguyễn Văn Đức",
                "Đăng ký khai sinh",
                "Không hài lòng",
                "Thời gian chờ đợi lâu",
                "Chờ gần một tiếng mới đến lượt.",
            ),
            CommentRow(
                date(2026, 11, 20),
                "1",
                "Lê Thị Hồng",
                "Chứng thực bản sao từ bản chính",
                "Rất hài lòng",
                "",
                "Cán bộ hướng dẫn tận tình, chu đáo.",
            ),
        ),
    )
