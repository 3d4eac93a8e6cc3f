"""Tests of the catalogue conventions: times, papers, fees, and the CSV / JSON readers."""

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.catalog import (
    CatalogFormatError,
    PaperSpec,
    ProcedureSpec,
    fee_amount_from_text,
    parse_paper,
    parse_processing_time,
)
from counter_app.domain.catalog_files import (
    read_catalog_csv,
    read_catalog_json,
    write_catalog_json,
)

REPO = Path(__file__).resolve().parents[2]
HEADER = "ma_tthc,ten_tthc,linh_vuc,thoi_han_ngay,le_phi,thanh_phan_ho_so,nguon,ghi_chu"
GOOD_ROW = (
    "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,1,Miễn,"
    '"Tờ khai (1 bản chính) | Giấy chứng sinh (1 bản chính)",https://x,ghi chú'
)
CSV_TEXT = st.text(alphabet=st.sampled_from(list('ab1.,"\n\r|; (0)/đồngiờ ')), max_size=300)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("1", "1"),
        ("03", "3"),
        ("0.5", "0.5"),
        ("1/2 ngày", "0.5"),
        ("0,25 ngày", "0.25"),
        ("04 giờ", "0.5"),
        ("02 giờ làm việc", "0.25"),
        ("03 ngày làm việc", "3"),
        ("15 ngày", "15"),
        ("Trong ngày", "0.5"),
        ("Không quá 02 ngày làm việc", "2"),
        ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "10"),
        (unicodedata.normalize("NFD", "  05 NGÀY LÀM VIỆC "), "5"),
    ],
)
def test_processing_time_examples(text: str, days: str) -> None:
    assert parse_processing_time(text) == Decimal(days)


@pytest.mark.parametrize("text", ["", "  ", "0", "0 ngày", "1/0", "abc", "3 tháng", "1000", "-1"])
def test_processing_time_refuses_with_a_vietnamese_message(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_processing_time(text)
    message = str(info.value)
    assert "thời hạn" in message.lower()
    assert unicodedata.is_normalized("NFC", message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tờ khai theo mẫu (1 bản chính)", PaperSpec("Tờ khai theo mẫu", 1, 0, True, False)),
        ("Sổ hộ khẩu (02 bản sao)", PaperSpec("Sổ hộ khẩu", 0, 2, True, False)),
        (
            "Giấy tờ đất (Cổng ghi: 1 bản chính, 1 bản sao)",
            PaperSpec("Giấy tờ đất", 1, 1, True, False),
        ),
        (
            "Giấy tờ X (bản chính hoặc bản sao)",
            PaperSpec("Giấy tờ X (bản chính hoặc bản sao)", 0, 1, True, False),
        ),
        (
            "Giấy tờ tùy thân — xuất trình bản chính",
            PaperSpec("Giấy tờ tùy thân — xuất trình bản chính", 1, 0, True, True),
        ),
        (
            "Giấy tờ nơi cư trú — chỉ khi không khai thác được (bản chính, xuất trình)",
            PaperSpec("Giấy tờ nơi cư trú — chỉ khi không khai thác được", 1, 0, False, True),
        ),
        (
            "Văn bản ủy quyền nếu ủy quyền nộp (1 bản chính; không cần chứng thực nếu là cha, mẹ)",
            PaperSpec(
                "Văn bản ủy quyền nếu ủy quyền nộp (không cần chứng thực nếu là cha, mẹ)",
                1,
                0,
                False,
                False,
            ),
        ),
        (
            "Trường hợp ủy quyền: văn bản ủy quyền (1 bản chính)",
            PaperSpec("Trường hợp ủy quyền: văn bản ủy quyền", 1, 0, False, False),
        ),
        (
            "Thuê, mượn, ở nhờ: hợp đồng cho thuê",
            PaperSpec("Thuê, mượn, ở nhờ: hợp đồng cho thuê", 0, 0, False, False),
        ),
        ("Bản sao hộ chiếu", PaperSpec("Bản sao hộ chiếu", 0, 1, True, False)),
        ("Trích lục bản đồ (nếu có)", PaperSpec("Trích lục bản đồ (nếu có)", 0, 0, False, False)),
    ],
)
def test_paper_conventions(text: str, expected: PaperSpec) -> None:
    assert parse_paper(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an alternative, not a condition
        "Giấy chứng sinh; nếu không có thì văn bản người làm chứng (1 bản chính)",
        # "nêu" (state) folds like "nếu" (if)
        "Tờ khai hoặc văn bản yêu cầu nêu rõ lý do (1 bản chính)",
        # a condition on an extra paper after the first clause
        "Giấy tờ cần chứng thực chữ ký; nếu bằng tiếng nước ngoài kèm bản dịch (1 bản chính)",
        "Bản chính (nếu chỉ xuất trình bản chính thì cơ quan chụp) (1 bản chính, xuất trình)",
    ],
)
def test_papers_that_stay_required(text: str) -> None:
    assert parse_paper(text).required


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Miễn", 0),
        ("Miễn phí", 0),
        ("Không thu (Cổng ghi “Miễn phí”)", 0),
        ("Không (0 đồng)", 0),
        ("8.000 đồng/bản", 8000),
        ("8000đ", 8000),
        ("8.000 đồng (Cổng DVCQG ghi 8,000 VNĐ)", 8000),
        ("50.000 đồng/giao dịch; hộ vay vốn (NĐ 55/2015) không phải nộp", 50000),
        ("theo HĐND tỉnh", None),
        ("Theo mức HĐND tỉnh quy định; miễn cho hộ nghèo", None),
        ("2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang", None),
        ("Không có thông tin", None),
        ("10 USD/bản", None),
        ("", None),
    ],
)
def test_fee_amount_from_text(text: str, amount: int | None) -> None:
    assert fee_amount_from_text(text) == amount


def test_csv_reads_rows_with_bom_crlf_and_nfd() -> None:
    text = "\ufeff" + unicodedata.normalize("NFD", f"{HEADER}\r\n{GOOD_ROW}\r\n\r\n")
    [spec] = read_catalog_csv(text)
    assert spec.code == "1.001193"
    assert spec.name == "Thủ tục đăng ký khai sinh"  # back to NFC
    assert spec.processing_days == Decimal(1) and spec.processing_text == "1"
    assert spec.fee_amount == 0 and spec.fee_text == "Miễn"
    assert [p.name for p in spec.papers] == ["Tờ khai", "Giấy chứng sinh"]
    assert spec.source == "https://x" and spec.note == "ghi chú"
    assert not spec.boundary_free


def test_csv_optional_columns() -> None:
    header = HEADER + ",lien_thong_phi_dia_gioi,le_phi_so_tien"
    row = "2.000815,Chứng thực bản sao,Chứng thực,Trong ngày,theo trang,,,,có,2.000"
    [spec] = read_catalog_csv(f"{header}\n{row}\n")
    assert spec.boundary_free and spec.fee_amount == 2000 and spec.papers == ()
    assert spec.processing_days == Decimal("0.5")


def test_csv_accepts_provincial_codes() -> None:
    row = GOOD_ROW.replace("1.001193", "1.000656.000.00.00.h12")
    assert read_catalog_csv(f"{HEADER}\n{row}\n")[0].code == "1.000656.000.00.00.H12"


def test_csv_reports_every_bad_row_with_its_physical_line() -> None:
    rows = [
        GOOD_ROW,  # line 2
        '1.001194,"Tên có\nhai dòng",Hộ tịch,abc,Miễn,,,',  # lines 3-4: bad time
        "1001195,Tên,Hộ tịch,1,Miễn,,,",  # line 5: bad code
        "1.001196,,Hộ tịch,1,Miễn,,,",  # line 6: no name
        "1.001193,Trùng mã,Hộ tịch,1,Miễn,,,",  # line 7: duplicate of line 2
        "1.001197,Tên,Hộ tịch,1,Miễn,,,,thừa",  # line 8: too many cells
    ]
    header = HEADER + ",le_phi_so_tien"
    rows.append("1.001198,Tên,Hộ tịch,1,Miễn,,,,-5000")  # line 9: negative fee
    with pytest.raises(CatalogFormatError) as info:
        read_catalog_csv("\n".join([header, *rows]) + "\n")
    lines = [n for n, _ in info.value.problems]
    assert lines == [3, 5, 6, 7, 8, 9]
    text = "\n".join(info.value.lines())
    for words in ("Dòng 3: Không hiểu thời hạn", "Dòng 5: Mã thủ tục", "Dòng 6: Thiếu tên"):
        assert words in text
    assert "trùng với dòng 2" in text and "âm" in text
    assert unicodedata.is_normalized("NFC", text)


def test_csv_header_problems() -> None:
    with pytest.raises(CatalogFormatError) as info:
        read_catalog_csv("ma_tthc,ten_tthc,linh_vuc,le_phi,thanh_phan_ho_so,cot_la\n")
    text = str(info.value)
    assert "Dòng 1: Thiếu cột: thoi_han_ngay" in text and "cot_la" in text
    with pytest.raises(CatalogFormatError):
        read_catalog_csv("")


def _spec(**changes: object) -> ProcedureSpec:
    base = ProcedureSpec(
        code="2.000815",
        name="Chứng thực bản sao từ bản chính",
        field="Chứng thực",
        processing_days=Decimal("0.125"),
        processing_text="01 giờ",
        fee_amount=None,
        fee_text="2.000 đồng/trang",
        boundary_free=True,
        papers=(PaperSpec("Bản chính giấy tờ", 1, 0, True, True),),
        source="https://dichvucong.gov.vn",
        note="ghi chú",
    )
    return ProcedureSpec(**{**base.__dict__, **changes})


def test_json_round_trip() -> None:
    specs = [_spec(), _spec(code="1.001193", processing_days=Decimal(3), fee_amount=0)]
    text = write_catalog_json(specs, "test", excluded=[])
    assert read_catalog_json(text) == specs
    assert json.loads(text)["format"] == "mot-cua-catalog"


def test_json_problems_are_numbered_by_item() -> None:
    good = json.loads(write_catalog_json([_spec()], "test"))["procedures"][0]
    items = [
        good,
        {**good, "code": "2.000816", "processing_days": "mãi mãi"},
        {**good, "code": "2.000817", "fee_amount": -1},
        "không phải đối tượng",
        good,
    ]
    document = {"format": "mot-cua-catalog", "version": 1, "procedures": items}
    with pytest.raises(CatalogFormatError) as info:
        read_catalog_json(json.dumps(document, ensure_ascii=False))
    assert [n for n, _ in info.value.problems] == [2, 3, 4, 5]
    assert info.value.lines()[0].startswith("Mục 2: Không hiểu thời hạn")


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"format": "khác", "version": 1, "procedures": []}',
        '{"format": "mot-cua-catalog", "version": 2, "procedures": []}',
        '{"format": "mot-cua-catalog", "version": 1}',
        '{"format": "mot-cua-catalog", "version": 1, "procedures": [{"processing_days": NaN}]}',
        "[" * 100_000,
    ],
)
def test_json_refuses_other_documents(text: str) -> None:
    with pytest.raises(CatalogFormatError):
        read_catalog_json(text)


def test_shipped_catalogue_reads_back_and_matches_its_csv() -> None:
    text = (REPO / "resources" / "catalog" / "procedures.json").read_text(encoding="utf-8")
    specs = read_catalog_json(text)
    assert len(specs) >= 40
    assert unicodedata.is_normalized("NFC", text)
    codes = {s.code for s in specs}
    assert {"1.001193", "1.000894", "2.000815"} <= codes
    assert all(s.source for s in specs)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_processing_time(text: str) -> None:
    try:
        days = parse_processing_time(text)
    except ValueError:
        return
    assert Decimal(0) < days <= Decimal(999)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_paper_and_fee(text: str) -> None:
    paper = parse_paper(text)
    assert paper.originals >= 0 and paper.copies >= 0
    amount = fee_amount_from_text(text)
    assert amount is None or amount >= 0


@settings(max_examples=300, deadline=None)
@given(st.one_of(CSV_TEXT, st.text(max_size=300)))
def test_fuzz_csv_reader(body: str) -> None:
    try:
        read_catalog_csv(HEADER + "\n" + body)
        read_catalog_csv(body)
    except CatalogFormatError as exc:
        assert exc.problems


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )
)
def test_fuzz_json_reader(item: object) -> None:
    keys = ["code", "name", "field", "processing_days", "fee_amount", "papers", "boundary_free"]
    base = {k: item for k in keys}
    for document in (
        item,
        {"format": "mot-cua-catalog", "version": 1, "procedures": item},
        {"format": "mot-cua-catalog", "version": 1, "procedures": [item, base]},
    ):
        try:
            read_catalog_json(json.dumps(document))
        except CatalogFormatError as exc:
            assert exc.problems
