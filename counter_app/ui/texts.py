"""Every user-facing string of the clerk window, in one place for review (Vietnamese, NFC)."""

from __future__ import annotations

APP_TITLE = "Một Cửa — Quầy tiếp nhận"

# Generic words and buttons
OK = "Đồng ý"
CANCEL = "Hủy"
CLOSE = "Đóng"
SAVE = "Lưu"
YES = "Có"
NO = "Không"
NONE = "—"
ERROR_TITLE = "Có lỗi"
INFO_TITLE = "Thông báo"
WORKING = "Đang thực hiện…"

# Errors shown in one place
UNEXPECTED_ERROR = (
    "Đã xảy ra lỗi không mong đợi. Công việc đang làm có thể chưa được lưu; hãy thử lại, "
    "nếu lỗi lặp lại hãy báo quản trị (chi tiết đã được ghi vào nhật ký)."
)
FONT_MISSING = (
    "Không nạp được phông chữ tiếng Việt đi kèm; chữ có dấu có thể hiển thị sai. "
    "Hãy cài lại phần mềm."
)

# Start-up
STARTUP_ERROR_TITLE = "Không khởi động được"
CORRUPT_TITLE = "Dữ liệu bị hỏng"
CORRUPT_RESTORE_QUESTION = (
    "Khôi phục từ bản sao lưu gần nhất ({name}, lưu lúc {at})?\n"
    "Dữ liệu hỏng được giữ lại bên cạnh, không bị xóa."
)
CORRUPT_RESTORE = "Khôi phục"
CORRUPT_RESTORED = "Đã khôi phục dữ liệu từ bản sao lưu {name}."
CORRUPT_NO_BACKUP = "Không có bản sao lưu nào. Hãy liên hệ quản trị để xử lý tệp dữ liệu."

# Setup wizard
WIZARD_TITLE = "Thiết lập ban đầu"
WIZARD_NEXT = "Tiếp theo ›"
WIZARD_BACK = "‹ Quay lại"
WIZARD_FINISH = "Hoàn tất"
WIZARD_WELCOME_TITLE = "Chào mừng"
WIZARD_WELCOME_SUBTITLE = "Thiết lập một lần khi cài đặt phần mềm trên máy đầu tiên."
WIZARD_WELCOME_TEXT = (
    "Phần mềm chưa có thông tin cơ quan. Trình thiết lập này giúp khai báo Bộ phận Một cửa "
    "của xã/phường và tạo tài khoản quản trị đầu tiên.\n\n"
    "Chuẩn bị: tên cơ quan, mã định danh điện tử của cơ quan (theo QĐ 20/2020/QĐ-TTg), "
    "số quầy tiếp nhận."
)
OFFICE_PAGE_TITLE = "Thông tin cơ quan"
OFFICE_PAGE_SUBTITLE = "Các mục có dấu * là bắt buộc."
OFFICE_NAME = "Tên cơ quan *"
OFFICE_NAME_HINT = "Trung tâm Phục vụ hành chính công xã …"
AGENCY_CODE = "Mã định danh *"
AGENCY_CODE_HINT = "Ví dụ: 000.00.06.H56"
PROVINCE = "Tỉnh/thành phố *"
COMMUNE = "Xã/phường *"
PICK_PROVINCE = "— Chọn tỉnh/thành phố —"
PICK_COMMUNE = "— Chọn xã/phường —"
SEARCH_HINT = "Gõ để tìm (có dấu hoặc không dấu)"
COUNTERS = "Số quầy *"
ADDRESS = "Địa chỉ"
PHONE = "Điện thoại"
NEED_OFFICE_NAME = "Cần nhập tên cơ quan."
NEED_PROVINCE = "Cần chọn tỉnh/thành phố trong danh sách."
NEED_COMMUNE = "Cần chọn xã/phường thuộc tỉnh/thành phố đã chọn."
ADMIN_PAGE_TITLE = "Tài khoản quản trị đầu tiên"
ADMIN_PAGE_SUBTITLE = "Tài khoản này quản lý người dùng, sao lưu và cấu hình."
USERNAME = "Tên đăng nhập"
USERNAME_HINT = "chữ thường không dấu, ví dụ: quantri"
FULL_NAME = "Họ và tên"
PASSWORD = "Mật khẩu"
PASSWORD_CONFIRM = "Nhập lại mật khẩu"
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu không khớp."
NEED_FULL_NAME = "Cần nhập họ và tên."
SUMMARY_PAGE_TITLE = "Kiểm tra lại"
SUMMARY_PAGE_SUBTITLE = "Bấm “Hoàn tất” để lưu. Có thể quay lại để sửa."
SUMMARY_ROWS = (
    "Tên cơ quan",
    "Mã định danh",
    "Tỉnh/thành phố",
    "Xã/phường",
    "Số quầy",
    "Địa chỉ",
    "Điện thoại",
    "Quản trị",
)
SETUP_DONE = "Đã thiết lập cơ quan. Hãy đăng nhập bằng tài khoản quản trị vừa tạo."

# Login
LOGIN_TITLE = "Đăng nhập"
LOGIN_HEADING = "Đăng nhập quầy tiếp nhận"
LOGIN_BUTTON = "Đăng nhập"
LOGIN_NEED_BOTH = "Hãy nhập tên đăng nhập và mật khẩu."
LOGIN_ROLE_NOT_ALLOWED = "Tài khoản thiết bị không dùng được cửa sổ quầy tiếp nhận."
STATION = "Máy trạm"

# Change password
CHANGE_PASSWORD_TITLE = "Đổi mật khẩu"
CHANGE_PASSWORD_REQUIRED = "Bạn cần đặt mật khẩu mới trước khi làm việc."
CHANGE_PASSWORD_OPTIONAL = "Nhập mật khẩu hiện tại và mật khẩu mới."
OLD_PASSWORD = "Mật khẩu hiện tại"
NEW_PASSWORD = "Mật khẩu mới"
NEW_PASSWORD_CONFIRM = "Nhập lại mật khẩu mới"
PASSWORD_CHANGED = "Đã đổi mật khẩu."

# Main window
MENU_SYSTEM = "&Hệ thống"
ACTION_SIGN_OUT = "Đăng &xuất"
ACTION_CHANGE_PASSWORD = "Đổi &mật khẩu…"
ACTION_QUIT = "T&hoát"
STATUS_USER = "Người dùng: {name} ({role})"
STATUS_STATION = "Máy trạm: {station}"
STATUS_DB = "Dữ liệu: {kind}"
DB_SQLITE = "SQLite (trên máy này)"
DB_POSTGRES = "PostgreSQL (máy chủ)"

PAGE_HOME = "Trang chủ"
PAGE_CATALOG = "Danh mục thủ tục"
PAGE_ACCOUNTS = "Tài khoản"
PAGE_AUDIT = "Nhật ký"
PAGE_BACKUP = "Sao lưu"

# Home page
DEMO_BANNER = "BẢN DÙNG THỬ — dữ liệu minh họa, không dùng cho hồ sơ thật."
HOME_OFFICE = "Cơ quan"
HOME_AREA = "Địa bàn"
HOME_AGENCY_CODE = "Mã định danh"
HOME_COUNTERS = "Quầy tiếp nhận"
HOME_COUNTERS_VALUE = "{active} quầy đang mở"
HOME_USER = "Người dùng"
HOME_STATION = "Máy trạm"
HOME_SESSION = "Phiên làm việc"
HOME_TODAY = "Hôm nay"
HOME_NEXT_WORKING = "Ngày làm việc tiếp theo"
HOME_SKIPPED = " (sau ngày nghỉ lễ: {names})"
WORKING_DAY = "ngày làm việc"
DAY_OFF = "ngày nghỉ"
HOLIDAY = "nghỉ lễ: {name}"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
DATE_FORMAT = "{weekday}, ngày {d:%d/%m/%Y}"

# Catalogue page
CATALOG_SEARCH_HINT = "Tìm theo tên hoặc mã thủ tục, có dấu hoặc không dấu (ví dụ: khai sinh)"
CATALOG_ALL_FIELDS = "Tất cả lĩnh vực"
CATALOG_COLUMNS = ("Mã", "Tên thủ tục", "Lĩnh vực", "Thời hạn", "Lệ phí")
CATALOG_COUNT = "{shown} thủ tục"
CATALOG_EMPTY = "Danh mục thủ tục chưa có dữ liệu. Quản trị cần nạp danh mục."
CATALOG_PAPERS = "Thành phần hồ sơ"
CATALOG_PICK = "Chọn một thủ tục để xem thành phần hồ sơ."
PAPER_COLUMNS = ("Giấy tờ", "Bản chính", "Bản sao", "Số lượng")
PAPER_OPTIONAL = " (nếu có)"
PAPER_PRESENT_ONLY = " (xuất trình)"
DAYS = "{days} ngày làm việc"
FEE_FREE = "Miễn phí"
FEE_AMOUNT = "{amount} ₫"

# Accounts page
ACCOUNTS_COLUMNS = ("Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái", "Lần đăng nhập cuối")
ACCOUNT_ACTIVE = "Đang dùng"
ACCOUNT_DISABLED = "Đã khóa"
ACCOUNT_LOCKED = "Tạm khóa đến {until:%H:%M %d/%m}"
ACCOUNT_MUST_CHANGE = " · phải đổi mật khẩu"
ACCOUNTS_READ_ONLY = "Chỉ quản trị mới thay đổi được tài khoản."
ACCOUNT_CREATE = "Thêm tài khoản…"
ACCOUNT_RESET = "Đặt lại mật khẩu…"
ACCOUNT_DISABLE = "Khóa tài khoản"
ACCOUNT_ENABLE = "Mở khóa tài khoản"
ACCOUNT_REFRESH = "Làm mới"
ACCOUNT_PICK_FIRST = "Hãy chọn một tài khoản trong danh sách."
CREATE_USER_TITLE = "Thêm tài khoản"
ROLE = "Vai trò"
MUST_CHANGE = "Buộc đổi mật khẩu ở lần đăng nhập đầu"
RESET_TITLE = "Đặt lại mật khẩu cho {username}"
RESET_NOTE = "Người dùng sẽ phải đổi mật khẩu ở lần đăng nhập tiếp theo."
USER_CREATED = "Đã tạo tài khoản {username}."
PASSWORD_RESET_DONE = "Đã đặt lại mật khẩu cho {username}."
CONFIRM_DISABLE = "Khóa tài khoản {username}? Người này sẽ không đăng nhập được nữa."

# Audit page
AUDIT_COLUMNS = ("Thời điểm", "Người dùng", "Máy trạm", "Thao tác", "Đối tượng")
AUDIT_REFRESH = "Làm mới"
AUDIT_COUNT = "{count} dòng gần nhất"
AUDIT_ACTIONS = {
    "auth.sign_in": "Đăng nhập",
    "auth.sign_in_failed": "Đăng nhập không thành công",
    "auth.sign_out": "Đăng xuất",
    "user.create": "Tạo tài khoản",
    "user.change_password": "Đổi mật khẩu",
    "user.reset_password": "Đặt lại mật khẩu",
    "user.enable": "Mở khóa tài khoản",
    "user.disable": "Khóa tài khoản",
    "office.setup": "Thiết lập cơ quan",
    "office.counters": "Thay đổi số quầy",
    "catalog.import": "Nạp danh mục thủ tục",
    "kiosk.exit": "Thoát kiosk bằng mã PIN",
    "kiosk.exit_pin_wrong": "Nhập sai mã PIN thoát kiosk",
}
AUDIT_REASONS = {
    "unknown-user": "tên không tồn tại",
    "inactive": "tài khoản đã khóa",
    "locked": "đang tạm khóa",
    "wrong-password": "sai mật khẩu",
    "locked-now": "sai quá số lần, tạm khóa",
}
AUDIT_USERS = {"system": "Hệ thống", "kiosk_pin": "Mã PIN kiosk"}
AUDIT_ENTITIES = {
    "user": "Tài khoản",
    "office": "Cơ quan",
    "procedure_catalog": "Danh mục thủ tục",
    "procedure": "Thủ tục",
}

# Backup page
BACKUP_LAST = "Lần sao lưu gần nhất: {at}"
BACKUP_NEVER = "Chưa có bản sao lưu nào."
BACKUP_FOLDER = "Thư mục sao lưu: {folder}"
BACKUP_NOW = "Sao lưu ngay"
BACKUP_RUNNING = "Đang sao lưu…"
BACKUP_DONE = "Đã sao lưu vào {name}."
BACKUP_COLUMNS = ("Tệp sao lưu", "Thời điểm", "Dung lượng")
DATETIME_FORMAT = "%H:%M ngày %d/%m/%Y"

# --- dossiers ---
PAGE_DOSSIERS = "Hồ sơ"
DOSSIER_DATETIME = "%d/%m/%Y %H:%M"
DOSSIER_DATE = "%d/%m/%Y"
DOSSIER_COLUMNS = ("Mã hồ sơ", "Người nộp", "Thủ tục", "Ngày nhận", "Hẹn trả", "Trạng thái")
DOSSIER_NO_CODE = "(chưa cấp mã)"
DOSSIER_SEARCH_HINT = "Tìm theo mã hồ sơ, họ tên, số giấy tờ, số điện thoại (có dấu hoặc không dấu)"
DOSSIER_SCAN = "Quét mã"
DOSSIER_SCAN_HINT = "Quét mã vạch/QR trên Giấy tiếp nhận và hẹn trả kết quả"
DOSSIER_COUNT = "{total} hồ sơ"
DOSSIER_COUNT_PARTIAL = "{total} hồ sơ (đang hiện {shown})"
DOSSIER_EMPTY = "Không có hồ sơ nào khớp điều kiện tìm."
DOSSIER_OPEN = "Xem hồ sơ"
DOSSIER_REFRESH = "Làm mới"
DOSSIER_PERIOD_PRINTS = "In sổ theo dõi, phiếu kiểm soát…"
DOSSIER_PICK_FIRST = "Hãy chọn một hồ sơ trong danh sách."
DOSSIER_APOLOGY_BANNER = "⚠ {count} hồ sơ sắp quá hạn cần lập phiếu xin lỗi — bấm để xem"
DOSSIER_APOLOGY_FILTER = "Đang xem {count} hồ sơ cần lập phiếu xin lỗi"
DOSSIER_OVERDUE_TIP = "Quá hạn giải quyết"
DOSSIER_DUE_SOON_TIP = "Đến hạn trả kết quả trước hết ngày làm việc tiếp theo"
DOSSIER_APOLOGY_USED_TIP = " · đã hẹn lại ngày trả"

# Dossier filters
FILTER_ALL_STATUSES = "Tất cả trạng thái"
FILTER_IN_PROGRESS = "Đang giải quyết"
FILTER_FINISHED = "Đã kết thúc"
FILTER_ALL_PROCEDURES = "Tất cả thủ tục (gõ để tìm)"
FILTER_RECEIVED = "Nhận từ"
FILTER_RECEIVED_TO = "đến"
FILTER_OVERDUE = "Quá hạn"
FILTER_DUE_SOON = "Sắp đến hạn"
FILTER_CLEAR = "Bỏ lọc"

# Dossier detail
DETAIL_TITLE = "Hồ sơ {code}"
DETAIL_CODE = "Mã hồ sơ"
DETAIL_STATUS = "Trạng thái"
DETAIL_APPLICANT = "Người nộp"
DETAIL_SUBMITTER = "Người đi nộp"
DETAIL_CONTACT = "Liên hệ"
DETAIL_PROCEDURE = "Thủ tục"
DETAIL_RECEIVED = "Ngày nhận"
DETAIL_RECEIVED_BY = "{at} · {clerk}"
DETAIL_DUE = "Hẹn trả"
DETAIL_ORIGINAL_DUE = "{due} (hẹn lần đầu: {original})"
DETAIL_DELIVERY = "Nhận kết quả"
DETAIL_AT_COUNTER = "Tại Bộ phận Một cửa"
DETAIL_BY_POST = "Qua bưu chính: {address}"
DETAIL_BOOK = "Sổ theo dõi"
DETAIL_BOOK_VALUE = "Năm {year}, số thứ tự {number}"
DETAIL_UNIT = "Đơn vị xử lý"
DETAIL_NOTE = "Ghi chú"
DETAIL_RETURNED = "Đã trả lúc {at}"
DETAIL_TAB_PAPERS = "Thành phần hồ sơ"
DETAIL_TAB_HISTORY = "Quá trình xử lý ({count})"
DETAIL_TAB_FILES = "Tệp số hóa ({count})"
DETAIL_TAB_FEES = "Phí, lệ phí ({count})"
DETAIL_TAB_FORMS = "Biểu mẫu"
DETAIL_ACTIONS = "Thao tác"
DETAIL_OVERDUE = "Hồ sơ đã quá hạn giải quyết."
DETAIL_NEEDS_APOLOGY = (
    "Hồ sơ sẽ trễ hẹn (hẹn trả {due}): hãy lập Phiếu xin lỗi và hẹn lại ngày trả kết quả."
)
DETAIL_APOLOGY_DONE = "Đã hẹn lại ngày trả một lần (hẹn lần đầu: {original})."
DOSSIER_PAPER_COLUMNS = ("Giấy tờ", "Bản chính", "Bản sao", "Đã nhận", "Thiếu sót, chưa hợp lệ")
DOSSIER_PAPER_RECEIVED = "✓ Đã nhận"
DOSSIER_PAPER_NOT_RECEIVED = "✗ Chưa nhận"
DOSSIER_PAPER_PRESENTED = "Xuất trình"
DOSSIER_FILE_COLUMNS = ("Tệp", "Loại", "Dung lượng", "Số trang", "Giấy tờ")
DOSSIER_FILE_OPEN = "Mở tệp"
DOSSIER_FILE_PICK_FIRST = "Hãy chọn một tệp trong danh sách."
DOSSIER_FILE_CANNOT_OPEN = "Không mở được tệp {name}: máy chưa có phần mềm xem loại tệp này."
DOSSIER_FEE_COLUMNS = (
    "Số biên lai",
    "Loại phí, lệ phí",
    "Số tiền",
    "Hình thức",
    "Người nộp",
    "Ngày thu",
)
DOSSIER_FORMS_HINT = "Chọn biểu mẫu để xem lại và in lại."
DOSSIER_FORMS_PRINT = "Xem và in…"
DOSSIER_FORMS_PICK_FIRST = "Hãy chọn một biểu mẫu."

# History (Mẫu 06 hand-offs)
HISTORY_COLUMNS = (
    "Thời điểm",
    "Thao tác",
    "Trạng thái",
    "Người giao",
    "Người nhận",
    "Đơn vị",
    "Ghi chú",
    "Người thực hiện",
    "Hạn xử lý",
)
HISTORY_MOVE = "{source} → {target}"

# Lifecycle actions: button labels and their dialogs
ACTION_TRANSFER = "Chuyển xử lý…"
ACTION_REQUEST_SUPPLEMENT = "Yêu cầu bổ sung…"
ACTION_RECEIVE_SUPPLEMENT = "Nhận hồ sơ bổ sung…"
ACTION_RECORD_RESULT = "Có kết quả…"
ACTION_RETURN = "Trả kết quả…"
ACTION_WITHDRAW = "Công dân rút hồ sơ…"
ACTION_STOP = "Dừng xử lý…"
ACTION_APOLOGY = "Xin lỗi, hẹn lại ngày trả…"
ACTION_APOLOGY_USED = "Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại nữa."
ACTION_NOT_ALLOWED = "Không thực hiện được ở trạng thái “{status}”."
TRANSFER_TITLE = "Chuyển hồ sơ đến đơn vị xử lý"
TRANSFER_UNIT = "Đơn vị nhận *"
TRANSFER_UNIT_HINT = "Gõ để tìm đơn vị"
TRANSFER_NOTE = "Ghi chú"
TRANSFER_OWN_ONLY = (
    "Thủ tục này chỉ chuyển cho đơn vị của xã/phường mình; thủ tục không phụ thuộc địa giới "
    "hành chính mới được chuyển cho xã/phường khác."
)
TRANSFER_BOUNDARY_FREE = (
    "Thủ tục tiếp nhận không phụ thuộc địa giới hành chính: có thể chuyển cho xã/phường khác "
    "trong tỉnh."
)
TRANSFER_NEED_UNIT = "Cần chọn đơn vị nhận hồ sơ."
DOSSIER_UNIT_NAME = "UBND {commune}"
SUPPLEMENT_TITLE = "Yêu cầu bổ sung, hoàn thiện hồ sơ"
SUPPLEMENT_INTRO = (
    "Ghi một lần đầy đủ các giấy tờ, nội dung cần bổ sung. Thời hạn giải quyết tạm dừng đến "
    "khi công dân nộp bổ sung."
)
SUPPLEMENT_REASONS = "Nội dung cần bổ sung *"
RECEIVE_SUPPLEMENT_TITLE = "Nhận hồ sơ bổ sung"
RECEIVE_SUPPLEMENT_INTRO = (
    "Công dân đã nộp đủ giấy tờ bổ sung: hồ sơ tiếp tục được giải quyết và thời hạn được tính lại."
)
RESULT_TITLE = "Đơn vị xử lý đã có kết quả"
RESULT_INTRO = "Ghi nhận kết quả giải quyết đã chuyển về Bộ phận Một cửa, chờ trả cho công dân."
DOSSIER_NOTE = "Ghi chú"
RETURN_TITLE = "Trả kết quả cho công dân"
RETURN_AT_COUNTER = "Trả tại Bộ phận Một cửa"
RETURN_BY_POST = "Gửi qua bưu chính công ích"
RETURN_RECEIVER = "Người nhận (ký nhận) *"
RETURN_TRACKING = "Số hiệu bưu gửi *"
RETURN_POSTAL_ADDRESS = "Địa chỉ nhận: {address}"
RETURN_NEED_RECEIVER = "Cần nhập họ tên người nhận kết quả."
RETURN_NEED_TRACKING = "Cần nhập số hiệu bưu gửi."
WITHDRAW_TITLE = "Công dân rút hồ sơ"
WITHDRAW_INTRO = "Công dân có đơn đề nghị rút hồ sơ. Hồ sơ sẽ kết thúc, không giải quyết tiếp."
WITHDRAW_REASON = "Lý do"
STOP_TITLE = "Dừng xử lý hồ sơ"
STOP_INTRO = "Dừng giải quyết hồ sơ; lý do được ghi trong thông báo gửi công dân."
STOP_REASON = "Lý do dừng xử lý *"
DOSSIER_NEED_REASON = "Cần ghi rõ lý do."
APOLOGY_TITLE = "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
APOLOGY_INTRO = (
    "Hồ sơ chỉ được hẹn lại ngày trả kết quả một lần. Phiếu cần gửi công dân chậm nhất "
    "01 ngày trước ngày hẹn trả."
)
APOLOGY_CURRENT_DUE = "Hẹn trả hiện tại"
APOLOGY_NEW_DATE = "Ngày hẹn mới *"
APOLOGY_NEW_TIME = "lúc {time}"
APOLOGY_REASON = "Lý do chậm trễ *"
APOLOGY_NOT_WORKING_DAY = "Ngày {d:%d/%m/%Y} là ngày nghỉ: hãy chọn ngày làm việc."
APOLOGY_NOT_LATER = "Ngày hẹn mới phải sau ngày hẹn trả hiện tại."

# Period prints (Mẫu 06, Mẫu 07)
PERIOD_TITLE = "In sổ theo dõi và phiếu kiểm soát"
PERIOD_INTRO = "Chọn khoảng ngày nhận hồ sơ cần in."
PERIOD_FROM = "Từ ngày"
PERIOD_TO = "Đến ngày"
PERIOD_TRACKING_BOOK = "Sổ theo dõi hồ sơ (Mẫu 07)…"
PERIOD_CONTROL_SHEETS = "Phiếu kiểm soát quá trình giải quyết (Mẫu 06)…"
PERIOD_BAD_RANGE = "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."
PERIOD_TRACKING_TITLE = "Sổ theo dõi hồ sơ {start:%d/%m/%Y} – {end:%d/%m/%Y}"
PERIOD_CONTROL_TITLE = "Phiếu kiểm soát {start:%d/%m/%Y} – {end:%d/%m/%Y}"

# --- intake ---
PAGE_INTAKE = "Tiếp nhận hồ sơ"
INTAKE_KEYS_HINT = (
    "Quét mã QR thẻ căn cước vào ô bất kỳ · Enter: sang ô tiếp · Dấu cách: đánh dấu giấy tờ · "
    "Ctrl+O: thêm tệp"
)
INTAKE_APPLICANT = "Người nộp hồ sơ"
INTAKE_CITIZEN = "Công dân"
INTAKE_ORGANISATION = "Tổ chức, doanh nghiệp"
INTAKE_ID_NUMBER = "Số định danh"
INTAKE_ID_HINT = "Quét mã QR trên thẻ hoặc gõ 12 chữ số"
INTAKE_REP_ID = "CCCD đại diện"
INTAKE_BIRTH_DATE = "Ngày sinh"
INTAKE_BIRTH_HINT = "dd/mm/yyyy"
INTAKE_FULL_NAME = "Họ và tên"
INTAKE_ORG_NAME = "Tên tổ chức"
INTAKE_ORG_ADDRESS = "Địa chỉ trụ sở"
INTAKE_GENDER = "Giới tính"
INTAKE_MALE = "Nam"
INTAKE_FEMALE = "Nữ"
INTAKE_EMAIL = "Email"
INTAKE_TAX_CODE = "Mã số thuế"
INTAKE_TAX_CODE_HINT = "10 chữ số (chi nhánh: thêm -3 chữ số)"
INTAKE_REPRESENTATIVE = "Người đại diện"
INTAKE_CARD_READ = "Đã đọc thẻ căn cước (cấp ngày {issued})"
INTAKE_CARD_READ_NODATE = "Đã đọc thẻ căn cước"
INTAKE_BAD_SCAN = (
    "Không đọc được mã vừa quét: {reason} Hãy quét lại mã QR trên thẻ căn cước hoặc nhập tay."
)
INTAKE_BAD_BIRTH_DATE = "Ngày sinh “{text}” không đọc được: nhập ngày/tháng/năm, ví dụ 02/05/1990."
INTAKE_FOUND = "Đã có:"
INTAKE_USE_FOUND = "Dùng lại"
INTAKE_USE_FOUND_TIP = "Người này đã nộp hồ sơ trước đây: điền các ô còn trống từ thông tin đã lưu"
INTAKE_PROCEDURE = "Thủ tục hành chính"
INTAKE_PROCEDURE_HINT = "Tìm thủ tục, có dấu hoặc không dấu (ví dụ: khai sinh, ket hon) rồi Enter"
INTAKE_NO_PROCEDURE = "Chưa chọn thủ tục."
INTAKE_PROCEDURE_FACTS = "Lĩnh vực: {field} · Thời hạn: {time} · Lệ phí: {fee}"
INTAKE_PAPERS = "Thành phần hồ sơ"
INTAKE_PAPER_COLUMNS = (
    "Giấy tờ (đánh dấu khi đã nhận)",
    "Chính",
    "Sao",
    "SL",
    "Loại",
    "Thiếu / chưa hợp lệ",
)
INTAKE_PAPERS_TIP = (
    "Dấu cách: đánh dấu đã nhận giấy tờ đang chọn. Cột cuối: ghi giấy tờ thiếu hoặc chưa hợp lệ "
    "(in trên Phiếu yêu cầu bổ sung)."
)
INTAKE_PAPER_REQUIRED = "Bắt buộc"
INTAKE_PAPER_OPTIONAL = "Nếu có"
INTAKE_PAPER_PRESENT = "Xuất trình"
INTAKE_PAPER_PRESENT_OPT = "Xuất trình, nếu có"
INTAKE_PROBLEM_TIP = "Ghi rõ giấy tờ thiếu hoặc chưa hợp lệ thế nào"
INTAKE_PICK_PROCEDURE_FIRST = "Chọn thủ tục để hiện danh sách giấy tờ."
INTAKE_TALLY = "Đã nhận {have}/{needed} giấy tờ bắt buộc"
INTAKE_TALLY_MISSING = " · {missing} giấy tờ thiếu hoặc chưa hợp lệ"
INTAKE_TICK_REQUIRED = "Đủ giấy tờ bắt buộc"
INTAKE_TICK_REQUIRED_TIP = "Đánh dấu đã nhận mọi giấy tờ bắt buộc"
INTAKE_ATTACHMENTS = "Tệp số hóa"
INTAKE_ATTACHMENTS_COUNT = "Tệp số hóa ({count})"
INTAKE_DROP_HINT = "Kéo thả tệp PDF, JPG, PNG vào đây, hoặc bấm “Thêm tệp…”"
INTAKE_ADD_FILES = "Thêm tệp…"
INTAKE_ADD_FILES_TIP = "Chọn tệp PDF, JPG, PNG đã quét (Ctrl+O)"
INTAKE_ADD_FILES_TITLE = "Chọn tệp số hóa"
INTAKE_FILE_FILTER = "Tệp số hóa (*.pdf *.jpg *.jpeg *.png);;Mọi tệp (*)"
INTAKE_REMOVE_FILE = "Bỏ tệp"
INTAKE_REMOVE_FILE_TIP = "Bỏ tệp đang chọn khỏi danh sách (Delete); tệp gốc không bị xóa"
INTAKE_FILE_PAPER = "Là giấy tờ:"
INTAKE_FILE_PAPER_TIP = "Tệp đang chọn là bản số hóa của giấy tờ nào"
INTAKE_FILE_NO_PAPER = "— Không gắn giấy tờ —"
INTAKE_FILE_ROW = "{name} · {size} · {pages} trang"
INTAKE_FILE_FOR_PAPER = " · giấy tờ {position}"
INTAKE_FILE_TWICE = "Tệp “{name}” đã có trong danh sách."
INTAKE_FILE_UNREADABLE = "Không đọc được tệp “{name}”."
INTAKE_DECISION = "Lệ phí, trả kết quả và quyết định"
INTAKE_FEE = "Lệ phí"
INTAKE_FEE_METHOD = "Hình thức thu"
INTAKE_FEE_METHODS = ("Tiền mặt", "Chuyển khoản", "Qua bưu chính", "Trực tuyến")
INTAKE_FEE_VARIES = "Lệ phí không cố định, nhập số tiền nếu có thu. Danh mục ghi: {text}"
INTAKE_FEE_TO_TYPE = "Nhập số tiền"
INTAKE_SETS = "Số bộ"
INTAKE_SETS_TIP = "Số lượng hồ sơ (bộ) công dân nộp"
INTAKE_DELIVERY = "Nhận kết quả"
INTAKE_AT_COUNTER = "Tại Bộ phận Một cửa"
INTAKE_BY_POST = "Qua bưu chính công ích"
INTAKE_POSTAL_HINT = "Địa chỉ nhận kết quả qua bưu chính"
INTAKE_SUBMITTER = "Người nộp thay"
INTAKE_SUBMITTER_HINT = "Họ tên người nộp, nếu không phải người đứng tên hồ sơ"
INTAKE_SUMMARY = "Trích yếu"
INTAKE_SUMMARY_HINT = "Nội dung yêu cầu giải quyết"
INTAKE_REASONS = "Lý do / nội dung"
INTAKE_REASONS_HINT = "Nội dung cần bổ sung (Mẫu 02) hoặc lý do từ chối (Mẫu 03)"
INTAKE_ACCEPT = "Tiếp nhận"
INTAKE_ACCEPT_TIP = (
    "Tiếp nhận hồ sơ, cấp mã và in Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01) — F9 hoặc Ctrl+Enter"
)
INTAKE_SUPPLEMENT = "Yêu cầu bổ sung"
INTAKE_SUPPLEMENT_TIP = (
    "Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) liệt kê mọi giấy tờ thiếu — F10"
)
INTAKE_REFUSE = "Từ chối"
INTAKE_REFUSE_TIP = "Lập Phiếu từ chối tiếp nhận hồ sơ (Mẫu 03), cần ghi lý do — F11"
INTAKE_SAVING = "Đang lưu…"
INTAKE_NOT_SAVED = "Chưa lưu được hồ sơ. Hãy sửa rồi bấm lại:"
INTAKE_NEED_PROCEDURE = "Chưa chọn thủ tục hành chính."
INTAKE_NEED_MISSING = (
    "Yêu cầu bổ sung: hãy bỏ dấu giấy tờ còn thiếu, ghi giấy tờ chưa hợp lệ ở cột cuối, "
    "hoặc ghi nội dung cần bổ sung."
)
INTAKE_ACCEPTED = "Đã tiếp nhận hồ sơ {code}"
INTAKE_DUE = "Hẹn trả: {due}"
INTAKE_BOOK = "Sổ theo dõi: quyển {year}, số {number}"
INTAKE_FEE_TAKEN = "Lệ phí: {amount} ₫"
INTAKE_SUPPLEMENT_DONE = "Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"
INTAKE_MISSING_COUNT = "{count} giấy tờ cần bổ sung"
INTAKE_REFUSED_DONE = "Đã lập Phiếu từ chối tiếp nhận hồ sơ (Mẫu 03)"
INTAKE_REASON_WAS = "Lý do: {reason}"
INTAKE_APPLICANT_WAS = "Người nộp: {name}"
INTAKE_PRINT_FORM = "In lại phiếu…"
INTAKE_PRINT_FORM_TIP = "Mở lại phiếu để in hoặc lưu (Ctrl+P)"
INTAKE_PRINT_FEE = "Biên lai lệ phí…"
INTAKE_NEXT = "Hồ sơ mới"
INTAKE_NEXT_TIP = "Xóa màn hình cho người tiếp theo (Ctrl+N, hoặc quét thẻ căn cước tiếp theo)"
INTAKE_FORM_FAILED = (
    "Hồ sơ đã được lưu nhưng chưa tạo được phiếu in: {reason} Bấm “In lại phiếu…” để thử lại."
)
FORMS_UNAVAILABLE = "Chức năng in mẫu phiếu chưa có trong bản cài đặt này."
FORM_RECEIPT = "Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
FORM_SUPPLEMENT = "Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
FORM_REFUSAL = "Mẫu 03 Phiếu từ chối tiếp nhận hồ sơ"
FORM_FEE_RECEIPT = "Biên lai thu phí, lệ phí"
PDF_PAGES = "{count} trang · khổ {paper}"
PDF_UNREADABLE = "Không mở được tệp PDF của phiếu này."
PDF_PRINT = "In…"
PDF_PRINT_TIP = "In trên giấy {paper} (Ctrl+P)"
PDF_PRINT_TITLE = "In phiếu"
PDF_SAVE = "Lưu PDF…"
PDF_SAVE_TIP = "Lưu phiếu thành tệp PDF (Ctrl+S)"
PDF_SAVE_TITLE = "Lưu phiếu thành PDF"
PDF_CLOSE_TIP = "Đóng (Esc); hồ sơ đã được lưu, có thể in lại sau"
PDF_PRINTER_UNAVAILABLE = "Không dùng được máy in (máy in tắt, hết giấy hoặc chưa cài đặt)."
PDF_PAGE_FAILED = "Không dựng được trang {page} để in."
PDF_PRINT_FAILED = "Chưa in được: {detail} Hồ sơ vẫn được lưu; kiểm tra máy in rồi bấm “In…” lại."
PDF_PRINT_FAILED_DETAIL = "máy in báo lỗi (chi tiết đã ghi vào nhật ký)."
PDF_SAVE_FAILED = "Không lưu được tệp {name}: {reason}."

# --- kiosk ---
KIOSK_TITLE = "Lấy số thứ tự"
KIOSK_GREETING = "Xin kính chào quý ông/bà!"
KIOSK_CHOOSE_AREA = "Mời chạm vào lĩnh vực cần giải quyết để lấy số thứ tự"
KIOSK_NO_AREAS = "Hiện chưa có lĩnh vực nào mở lấy số. Xin vui lòng liên hệ cán bộ."
KIOSK_ISSUING = "Đang lấy số…"
KIOSK_PRIORITY_OFFER = "Ưu tiên: {kinds}"
KIOSK_PRIORITY_HINT = "Chạm vào đây nếu ông/bà thuộc diện ưu tiên"
KIOSK_PRIORITY_CHOSEN = "Đã chọn ưu tiên: {kind}"
KIOSK_PRIORITY_CHOSEN_HINT = "Mời chạm vào lĩnh vực để lấy số ưu tiên"
KIOSK_PRIORITY_CLEAR = "Bỏ chọn"
KIOSK_PRIORITY_TITLE = "Ông/bà thuộc diện ưu tiên nào?"
KIOSK_PRIORITY_NOTE = "Cán bộ có thể đề nghị xuất trình giấy tờ chứng minh."
KIOSK_PRIORITY_NONE = "Không thuộc diện ưu tiên"
KIOSK_YOUR_NUMBER = "Số thứ tự của bạn"
KIOSK_AREA = "Lĩnh vực: {area}"
KIOSK_PRIORITY = "Ưu tiên: {kind}"
KIOSK_AHEAD = "Có {ahead} người đang chờ trước bạn"
KIOSK_NONE_AHEAD = "Không có ai đang chờ trước bạn"
KIOSK_WAIT = "Thời gian chờ dự kiến: {wait}"
KIOSK_PRINTING = "Vé đang được in…"
KIOSK_PRINTED = "Mời nhận vé ở khe máy in và chờ gọi số. Xin cảm ơn!"
KIOSK_PRINT_FAILED = "Máy in vé đang gặp sự cố"
KIOSK_REMEMBER = "Xin ghi nhớ số của bạn: {label}"
KIOSK_STAFF_TOLD = "Cán bộ đã được báo. Xin vui lòng chờ gọi số."
KIOSK_DONE = "Xong"
KIOSK_OUTAGE = "Hệ thống tạm thời gián đoạn, xin vui lòng chờ trong giây lát hoặc liên hệ cán bộ"
KIOSK_RETRYING = "Đang tự động kết nối lại…"
KIOSK_PIN_TITLE = "Nhập mã PIN để thoát kiosk"
KIOSK_PIN_WRONG = "Mã PIN không đúng."
KIOSK_PIN_LOCKED = "Nhập sai nhiều lần. Xin thử lại sau {seconds} giây."
KIOSK_PIN_CHECKING = "Đang kiểm tra…"
KIOSK_PIN_DELETE = "Xóa"
KIOSK_PIN_EXIT = "Thoát"
KIOSK_SIGN_IN_HEADING = "Đăng nhập tài khoản thiết bị để mở kiosk lấy số"
KIOSK_EXIT_SIGN_IN_HEADING = "Chưa đặt mã PIN: lãnh đạo hoặc quản trị đăng nhập để thoát kiosk"
KIOSK_ROLE_NOT_ALLOWED = "Tài khoản này không mở được kiosk (cần tài khoản thiết bị hoặc lãnh đạo)."
KIOSK_EXIT_ROLE_NOT_ALLOWED = "Chỉ tài khoản lãnh đạo hoặc quản trị mới thoát được kiosk."
KIOSK_NO_OFFICE = (
    "Chưa thiết lập thông tin cơ quan. Hãy mở cửa sổ quầy tiếp nhận (counter-app clerk) "
    "để thiết lập trước, rồi mở lại kiosk."
)

# --- display ---
DISPLAY_TITLE = "Bảng hiển thị số thứ tự"
DISPLAY_COUNTER = "QUẦY {number}"
DISPLAY_COUNTER_DEFAULT_NAME = "Quầy số {number}"
DISPLAY_RECENT_TITLE = "SỐ VỪA GỌI"
DISPLAY_RECENT_ITEM = "{label} → Quầy {counter}"
DISPLAY_WAITING_TITLE = "ĐANG CHỜ"
DISPLAY_OFFLINE = "Mất kết nối tới máy chủ — đang thử kết nối lại…"
DISPLAY_TIME_FORMAT = "%H:%M:%S"
DISPLAY_DATE_FORMAT = "{weekday}, {d:%d/%m/%Y}"
DISPLAY_NO_OFFICE = (
    "Chưa có thông tin cơ quan. Hãy thiết lập ở cửa sổ quầy tiếp nhận (counter-app clerk) "
    "rồi mở lại bảng hiển thị."
)

# --- calling ---
PAGE_QUEUE_ADMIN = "Xếp hàng, kiosk"
CALLING_COUNTER = "QUẦY"
CALLING_COUNTER_ITEM = "Quầy {number}"
CALLING_PICK_COUNTER = "Chọn quầy…"
CALLING_PICK_COUNTER_TIP = (
    "Máy này chưa được gán quầy: chọn số quầy bạn đang ngồi (giữ đến khi đăng xuất)"
)
CALLING_COUNTER_TIP = "Quầy {number} phục vụ: {areas}"
CALLING_COUNTER_NO_AREAS = "chưa có khu vực nào"
CALLING_SERVING = "ĐANG PHỤC VỤ"
CALLING_NO_TICKET = "—"
CALLING_IDLE = "Chưa gọi số nào. Bấm “Gọi số tiếp theo” (F5)."
CALLING_NO_COUNTER = "Chọn quầy bạn đang ngồi để bắt đầu gọi số."
CALLING_PRIORITY = "Ưu tiên: {kind}"
CALLING_SINCE = "Gọi lúc {time} · {minutes} phút"
CALLING_CALL_COUNT = " · gọi {count} lần"
CALLING_DOSSIER_LINKED = "Đã gắn hồ sơ"
CALLING_NEXT = "Gọi số tiếp theo"
CALLING_NEXT_TIP = "Kết thúc số đang phục vụ và gọi số tiếp theo — F5"
CALLING_RECALL = "Gọi lại"
CALLING_RECALL_TIP = "Gọi lại số đang phục vụ trên màn hình và loa — F6"
CALLING_SKIP = "Vắng mặt"
CALLING_SKIP_TIP = "Công dân không đến: ghi vắng mặt (sau vẫn gọi lại được theo số) — F7"
CALLING_FINISH = "Xong"
CALLING_FINISH_TIP = "Kết thúc phục vụ số hiện tại — F8"
CALLING_TRANSFER = "Chuyển…"
CALLING_TRANSFER_TIP = "Chuyển công dân sang quầy hoặc khu vực khác, giữ nguyên số — Ctrl+T"
CALLING_BY_NUMBER = "Gọi số…"
CALLING_BY_NUMBER_TIP = "Gọi một số cụ thể, ví dụ A023 (đang chờ hoặc đã vắng mặt) — Ctrl+G"
CALLING_WAITING = "Đang chờ: {count}"
CALLING_WAITING_TIP = "Số người đang chờ các khu vực quầy này phục vụ (kể cả số chuyển đến quầy)"
CALLING_NEXT_LABELS = "Tiếp theo: {labels}"
CALLING_NOBODY = "Không có ai đang chờ."
CALLING_NO_AREAS = "Quầy {number} chưa phục vụ khu vực nào (xem trang “Xếp hàng, kiosk”)."
CALLING_PRIORITY_MARK = "★"
CALLING_SCAN_HINT = "Quét vé (mã QR)…"
CALLING_SCAN_TIP = "Quét mã QR trên vé xếp hàng để xem trạng thái của vé"
CALLING_SCANNED = "Vé {label} · {area} · {status}"
CALLING_SCANNED_COUNTER = " · quầy {counter}"
CALLING_CALL_SCANNED = "Gọi số {label}"
CALLING_NONE_WAITING = "Không còn ai chờ quầy {number}."
CALLING_PICK_FIRST = "Hãy chọn quầy trước khi gọi số."
CALLING_PRINT_FAILED = (
    "Máy in vé ở {station} lỗi: {error}; công dân số {label} đã được báo số trên màn hình."
)
CALLING_PRINT_UNKNOWN = "không rõ lỗi"
CALLING_ALERT_MORE = "(và {count} lỗi in vé trước đó)"
CALLING_ALERT_DISMISS = "Đã biết"
CALLING_ALERT_DISMISS_TIP = "Ẩn cảnh báo (kiểm tra máy in vé: giấy, nguồn, cáp)"
CALLING_OFFLINE = "Mất kết nối cơ sở dữ liệu: {reason} Đang tự kết nối lại…"
CALLING_LINKED = "Đã gắn hồ sơ với số {label}."
TRANSFER_TICKET_TITLE = "Chuyển số {label}"
TRANSFER_TICKET_NOTE = "Công dân giữ nguyên số {label}, không phải lấy số và xếp hàng lại."
TRANSFER_TICKET_COUNTER = "Sang quầy"
TRANSFER_TICKET_AREA = "Sang khu vực"
TRANSFER_TICKET_DO = "Chuyển"
CALL_NUMBER_TITLE = "Gọi một số cụ thể"
CALL_NUMBER_LABEL = "Số cần gọi"
CALL_NUMBER_HINT = "Ví dụ: A023"
CALL_NUMBER_DO = "Gọi"
CALL_NUMBER_EMPTY = "Nhập số cần gọi, ví dụ A023."
QADMIN_AREAS = "Khu vực dịch vụ (ô trên kiosk)"
QADMIN_AREA_COLUMNS = ("Tên khu vực", "Ký hiệu", "Quầy phục vụ", "Thứ tự", "Hoạt động")
QADMIN_AREA_ADD = "Thêm khu vực…"
QADMIN_AREA_EDIT = "Sửa…"
QADMIN_AREA_EDIT_TIP = "Sửa khu vực đang chọn (hoặc nhấp đúp vào dòng)"
QADMIN_DEFAULTS = "Tạo các khu vực mặc định"
QADMIN_DEFAULTS_TIP = (
    "Hộ tịch (A), Chứng thực (B), Đất đai, xây dựng (C), Bảo trợ xã hội (D), Kinh doanh (E), "
    "Lĩnh vực khác (F) — mọi quầy đều phục vụ"
)
QADMIN_NO_AREAS = "Chưa có khu vực dịch vụ nào: kiosk chưa phát số được."
QADMIN_AREAS_READ_ONLY = "Chỉ quản trị hệ thống được thêm hoặc sửa khu vực dịch vụ."
QADMIN_ALL_COUNTERS_OFF = "—"
AREA_NEW_TITLE = "Thêm khu vực dịch vụ"
AREA_EDIT_TITLE = "Sửa khu vực “{name}”"
AREA_NAME = "Tên khu vực *"
AREA_NAME_HINT = "Ví dụ: Hộ tịch"
AREA_PREFIX = "Ký hiệu *"
AREA_PREFIX_HINT = "Một chữ cái A–Z, in trên vé: A023"
AREA_COUNTERS = "Quầy phục vụ"
AREA_POSITION = "Thứ tự trên kiosk"
AREA_ACTIVE = "Đang hoạt động (hiện trên kiosk)"
QADMIN_NOTICE = "Thông báo trên màn hình hiển thị"
QADMIN_NOTICE_HINT = "Dòng chữ chạy trên màn hình gọi số, ví dụ: Chiều thứ Sáu nghỉ họp từ 15 giờ."
QADMIN_NOTICE_SAVE = "Lưu thông báo"
QADMIN_NOTICE_SAVED = "Đã lưu. Màn hình hiển thị cập nhật ngay."
QADMIN_NOTICE_COUNT = "{count}/500 ký tự"
QADMIN_PIN = "Mã PIN thoát kiosk"
QADMIN_PIN_NOTE = "Gồm 4 đến 8 chữ số, để thoát màn hình kiosk lấy số."
QADMIN_PIN_IS_SET = "Đã có mã PIN. Đặt mã mới sẽ thay mã cũ."
QADMIN_PIN_NONE = "Chưa đặt mã PIN: chỉ giám sát viên hoặc quản trị đăng nhập mới thoát được kiosk."
QADMIN_PIN_NEW = "Mã PIN mới"
QADMIN_PIN_CONFIRM = "Nhập lại"
QADMIN_PIN_SAVE = "Đặt mã PIN"
QADMIN_PIN_DIFFER = "Hai lần nhập mã PIN không khớp."
QADMIN_PIN_SAVED = "Đã đặt mã PIN thoát kiosk."

# Satisfaction report page (supervisors and admins only)
PAGE_RATINGS = "Đánh giá hài lòng"
RATINGS_PERIOD = "Thời gian"
RATINGS_QUICK = (
    ("today", "Hôm nay"),
    ("week", "Tuần này"),
    ("month", "Tháng này"),
    ("quarter", "Quý này"),
    ("year", "Năm nay"),
    ("custom", "Tùy chọn"),
)
RATINGS_FROM = "từ"
RATINGS_TO = "đến"
RATINGS_GROUP = "Nhóm theo"
RATINGS_FILTER_COUNTER = "Quầy"
RATINGS_FILTER_CLERK = "Công chức"
RATINGS_FILTER_AREA = "Khu vực"
RATINGS_FILTER_PROCEDURE = "Thủ tục"
RATINGS_FILTER_CHANNEL = "Kênh"
RATINGS_ALL = "Tất cả"
RATINGS_COUNTER_ITEM = "Quầy {n}"
RATINGS_CHANNELS = (("counter", "Màn hình tại quầy"), ("kiosk", "Kiosk"))
RATINGS_PREVIEW = "Xem bản in…"
RATINGS_EXPORT_XLSX = "Xuất Excel…"
RATINGS_EXPORT_PDF = "Xuất PDF…"
RATINGS_LOADING = "Đang tổng hợp…"
RATINGS_EXPORTING = "Đang xuất báo cáo…"
RATINGS_HEADLINE = "{total} lượt đánh giá · Tỷ lệ hài lòng: {rate} · Điểm trung bình: {average}/5"
RATINGS_EMPTY = "Chưa có lượt đánh giá nào trong khoảng thời gian và bộ lọc đã chọn."
RATINGS_TAB_SUMMARY = "Tổng hợp, biểu đồ"
RATINGS_TAB_REASONS = "Lý do chưa hài lòng, ý kiến"
RATINGS_LEVEL_HEADERS = (
    "Rất\nhài lòng",
    "Hài lòng",
    "Bình\nthường",
    "Không\nhài lòng",
    "Rất không\nhài lòng",
)
RATINGS_SUMMARY_HEADERS = ("Tổng\nsố", "Số\nhài lòng", "Tỷ lệ\nhài lòng", "Điểm\nTB")
RATINGS_REASON_HEADERS = ("Lý do chưa hài lòng", "Số lượt chọn", "Tỷ lệ")
RATINGS_COMMENT_HEADERS = ("Ngày", "Quầy", "Công chức", "Thủ tục", "Mức", "Lý do", "Ý kiến")
RATINGS_DISSATISFIED = (
    "{count} lượt chưa hài lòng (Không hài lòng, Rất không hài lòng); "
    "{blank} lượt không chọn lý do. Tỷ lệ tính trên số lượt chưa hài lòng."
)
RATINGS_COMMENTS_TITLE = "Ý kiến và lý do của từng lượt (chỉ ghi ngày, không ghi giờ):"
RATINGS_COMMENTS_WITHHELD = (
    "Có dưới {min} lượt đánh giá: không hiện từng ý kiến để giữ bí mật cho người đánh giá."
)
RATINGS_COMMENTS_CUT = "Chỉ hiện {count} ý kiến gần nhất."
RATINGS_CHART_EMPTY = "Chưa có số liệu để vẽ biểu đồ."
RATINGS_CHART_NOTE = (
    "Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / tổng số lượt. Thanh đỏ: thấp hơn tỷ lệ chung "
    "(đường nét đứt). Trong ngoặc: số lượt đánh giá."
)
RATINGS_SAVE_TITLE = "Lưu báo cáo đánh giá hài lòng"
RATINGS_FILE_NAME = "Báo cáo đánh giá hài lòng {start:%d.%m.%Y}-{end:%d.%m.%Y}"
RATINGS_EXPORTED = "Đã lưu báo cáo: {path}"
RATINGS_EXPORT_LOCKED = (
    "Không ghi được tệp {name}: tệp đang mở trong Excel hoặc chương trình khác, hoặc thư mục "
    "không cho phép ghi. Hãy đóng tệp (hoặc chọn nơi lưu khác) rồi xuất lại."
)
RATINGS_EXPORT_FAILED = "Không ghi được tệp {name}: {reason}. Hãy chọn nơi lưu khác."
RATINGS_PREVIEW_TITLE = "Báo cáo đánh giá hài lòng {start:%d/%m/%Y} – {end:%d/%m/%Y}"
AUDIT_ACTIONS["rating.export"] = "Xuất báo cáo đánh giá hài lòng"
AUDIT_ENTITIES["rating_report"] = "Báo cáo đánh giá hài lòng"

# --- rating (citizen satisfaction: the screen at a counter, the kiosk's receipt scan) ---
RATING_TITLE = "Đánh giá sự hài lòng"
RATING_COUNTER = "Quầy số {counter}"
RATING_IDLE_INVITE = "Mời ông/bà đánh giá sự hài lòng sau khi được phục vụ"
RATING_IDLE_HINT = "Câu hỏi sẽ hiện ra khi cán bộ hoàn tất phục vụ ông/bà."
RATING_CLERK = "Cán bộ phục vụ: {name}"
RATING_CLERK_UNKNOWN = "Cán bộ Bộ phận Một cửa"
RATING_TICKET = "Số thứ tự {label}"
RATING_DOSSIER = "Hồ sơ {code}"
RATING_QUESTION = "Ông/bà có hài lòng với sự phục vụ của cán bộ không?"
RATING_ANONYMOUS = "Đánh giá không ghi tên ông/bà. Mỗi lượt phục vụ chỉ đánh giá một lần."
RATING_NO_ANSWER = "Không đánh giá"
RATING_REASON_TITLE = "Xin ông/bà cho biết điều chưa hài lòng (có thể chọn nhiều ý)"
RATING_COMMENT_ADD = "✎  Viết thêm ý kiến (không bắt buộc)"
RATING_COMMENT_EDIT = "✎  Ý kiến: {comment}"
RATING_COMMENT_TITLE = "Ý kiến của ông/bà"
RATING_COMMENT_PLACEHOLDER = "Chạm vào các phím bên dưới để viết…"
RATING_COMMENT_DONE = "Xong"
RATING_COMMENT_COUNT = "{count}/{limit} ký tự"
RATING_SEND = "Gửi đánh giá"
RATING_SKIP = "Bỏ qua"
RATING_THANKS = "Xin cảm ơn ông/bà đã đánh giá!"
RATING_THANKS_DETAIL = "Ý kiến của ông/bà giúp chúng tôi phục vụ ngày càng tốt hơn."
RATING_OFFLINE = (
    "Mất kết nối tới máy chủ — đánh giá vẫn được ghi nhận và tự gửi khi có kết nối lại."
)
RATING_WAITING = "{count} đánh giá đang chờ gửi về máy chủ."
RATING_SIGN_IN_HEADING = (
    "Đăng nhập tài khoản thiết bị để mở màn hình đánh giá tại quầy số {counter}"
)
RATING_ROLE_NOT_ALLOWED = (
    "Chỉ tài khoản thiết bị mới mở được màn hình đánh giá: cán bộ không đánh giá thay công dân."
)
RATING_NO_COUNTER = (
    "Không có quầy số {counter} đang hoạt động. Các quầy đang hoạt động: {counters}. "
    "Hãy chạy lại với --counter là một trong các số đó."
)
RATING_NO_COUNTERS = "chưa có quầy nào"
RATING_NO_OFFICE = (
    "Chưa thiết lập cơ quan trên cơ sở dữ liệu này. Hãy mở phần mềm trên máy của quản trị để "
    "thiết lập trước khi chạy màn hình đánh giá."
)
RATING_HELP = "màn hình đánh giá sự hài lòng hướng về công dân tại một quầy (toàn màn hình, khóa)"
RATING_COUNTER_HELP = "số quầy mà màn hình này phục vụ"
RATING_COUNTER_INVALID = "số quầy phải là số nguyên dương, ví dụ --counter 2 (nhận được: {value!r})"
RATING_KIOSK_BUTTON = "Đánh giá sự hài lòng"
RATING_KIOSK_BUTTON_HINT = "Quét mã trên Giấy tiếp nhận và hẹn trả kết quả"
RATING_SCAN_TITLE = "Đánh giá sự hài lòng về hồ sơ của ông/bà"
RATING_SCAN_INSTRUCTION = "Đưa mã QR trên Giấy tiếp nhận và hẹn trả kết quả vào máy quét"
RATING_SCAN_OR_TYPE = "hoặc chạm các phím để nhập mã hồ sơ:"
RATING_SCAN_FIND = "Tìm hồ sơ"
RATING_SCAN_BACK = "Quay lại"
RATING_SCAN_LOOKING = "Đang tìm hồ sơ…"
RATING_SCAN_EMPTY = "Xin quét mã QR hoặc nhập mã hồ sơ."
RATING_RETURN_COUNTER = "Quầy trả kết quả"
RATING_RETURN_COUNTER_NONE = "— (không có màn hình đánh giá)"
CLI_ERROR_LINE = "{prog}: lỗi: {message}\n"
#: argparse's own English openings, as the command line shows them.
CLI_ARGPARSE_PHRASES = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("argument ", "tham số "),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("(choose from ", "(chọn một trong "),
    ("unrecognized arguments: ", "tham số không nhận ra: "),
)
KEYBOARD_SPACE = "dấu cách"

# Satisfaction report page: why a report file could not be written
RATINGS_WRITE_REASONS = {
    "ENOSPC": "ổ đĩa đã đầy",
    "EISDIR": "đó là một thư mục, không phải tệp",
    "ENOENT": "thư mục không còn tồn tại",
    "EROFS": "ổ đĩa chỉ cho đọc (USB khóa ghi?)",
    "ENAMETOOLONG": "tên tệp quá dài",
}

# Satisfaction report page: the note under the page, short enough for one line at 1366x768
RATINGS_CONFIDENTIAL = (
    "Chỉ lãnh đạo và quản trị xem trang này; không có thông tin về người đánh giá "
    "(Nghị định 118/2025/NĐ-CP). Mỗi lần xuất báo cáo được ghi nhật ký."
)

# --- sync with the provincial system -------------------------------------------------------
PAGE_SYNC = "Đồng bộ với tỉnh"
SYNC_COLUMN = "Đồng bộ"
SYNC_NOT_RECEIVED = "—"
SYNC_NOT_CONFIGURED = "Chưa kết nối hệ thống tỉnh (chưa có địa chỉ hoặc mã truy cập)."
SYNC_STATUS_OK = "Đồng bộ: đã gửi hết"
SYNC_STATUS_PENDING = "Đồng bộ: {count} mục chờ gửi (cũ nhất {age})"
SYNC_STATUS_ERROR = "Đồng bộ: lỗi — {message}"
SYNC_STATUS_TOKEN = "Đồng bộ: tỉnh từ chối mã truy cập — cần quản trị nhập mã mới"
SYNC_STATUS_SKEW = "Đồng hồ máy lệch {minutes} phút so với máy chủ tỉnh"
SYNC_SEND_NOW = "Gửi ngay"
SYNC_RESEND = "Gửi lại các mục lỗi"
SYNC_ENTER_TOKEN = "Nhập mã truy cập…"
SYNC_TOKEN_TITLE = "Mã truy cập hệ thống tỉnh"
SYNC_TOKEN_PROMPT = "Dán mã truy cập do Sở/Trung tâm tỉnh cấp cho cơ quan:"
SYNC_TOKEN_SAVED = "Đã lưu mã truy cập. Việc gửi hồ sơ tiếp tục ngay."
SYNC_RESENT = "Đã đưa {count} mục lỗi trở lại hàng chờ gửi."
SYNC_SENDING_NOW = "Đang gửi…"
SYNC_OVERVIEW = (
    "Địa chỉ hệ thống tỉnh: {url}\n"
    "Chờ gửi: {pending} mục{oldest}\n"
    "Bị giữ lại vì lỗi: {set_aside} mục\n"
    "Lần gửi thành công gần nhất: {success}\n"
    "Lỗi gần nhất: {error}"
)
SYNC_OLDEST = " (cũ nhất từ {at}, {age} trước)"
SYNC_NEXT_ATTEMPT = "Thử lại lúc {at} (hoặc bấm “Gửi ngay”)."
SYNC_NEVER = "chưa có"
SYNC_NONE = "không có"
SYNC_ASIDE_COLUMNS = ("Mã hồ sơ / đánh giá", "Lỗi", "Tạo lúc")
SYNC_AGE_MINUTES = "{n} phút"
SYNC_AGE_HOURS = "{n} giờ"
SYNC_AGE_DAYS = "{n} ngày"

# --- Tổng quan (dashboard) and the queue report (issue 7) ---------------------------------------
PAGE_DASHBOARD = "Tổng quan"
DASH_TAB_TODAY = "Hôm nay"
DASH_TAB_REPORT = "Báo cáo xếp hàng"
DASH_WAITING = "Đang chờ"
DASH_SERVING = "Đang phục vụ"
DASH_SERVED = "Đã phục vụ"
DASH_NO_SHOWS = "Vắng mặt"
DASH_LONGEST_WAIT = "Chờ lâu nhất"
DASH_NEW_WAIT = "Số mới phải chờ"
DASH_COUNTERS = "Quầy đang mở"
DASH_RECEIVED = "Hồ sơ tiếp nhận hôm nay"
DASH_DUE_TODAY = "Hồ sơ đến hạn hôm nay"
DASH_OVERDUE = "Hồ sơ quá hạn"
DASH_SATISFACTION = "Hài lòng hôm nay"
DASH_ISSUED_HINT = "trong {issued} số đã lấy"
DASH_COUNTERS_VALUE = "{open}/{total}"
DASH_COUNTERS_HINT = "đang phục vụ hoặc gọi số trong {minutes} phút qua"
DASH_NOBODY = "—"
DASH_MINUTES = "{n} phút"
DASH_RATINGS_HINT = "{count} lượt đánh giá"
DASH_RATINGS_NONE = "chưa có lượt đánh giá"
DASH_UPDATED = (
    "Cập nhật lúc {at:%H:%M:%S}; tự cập nhật khi có số mới được lấy, gọi, xong và mỗi 30 giây."
)
DASH_LOADING = "Đang cập nhật…"
DASH_CHART_TITLE = "Số phiếu lấy theo giờ hôm nay"
DASH_CHART_EMPTY = "Hôm nay chưa có ai lấy số."
QREPORT_GROUP_AREA = "Khu vực dịch vụ"
QREPORT_GROUP_COUNTER = "Quầy"
QREPORT_GROUP_CLERK = "Công chức"
QREPORT_COLUMNS = (
    "Số phiếu",
    "Đã phục vụ",
    "Vắng mặt",
    "Chờ TB (phút)",
    "Chờ P90 (phút)",
    "Phục vụ TB (phút)",
    "Phục vụ P90 (phút)",
)
QREPORT_HOURS_TITLE = "Số phiếu theo khu vực và giờ"
QREPORT_HOUR = "{h}h"
QREPORT_TOTAL = "Tổng"
QREPORT_HEADLINE = (
    "{tickets} số · đã phục vụ {served} · vắng mặt {no_shows} · chờ TB {wait} phút (P90 {p90} phút)"
)
QREPORT_EMPTY = "Không có số thứ tự nào trong khoảng thời gian này."
QREPORT_NOTE = (
    "Chờ: từ lúc lấy số đến lúc được gọi tại quầy phục vụ cuối cùng; phục vụ: từ lúc gọi đến lúc "
    "xong. P90: 90% lượt không vượt quá giá trị này."
)
QREPORT_FILE_NAME = "Bao-cao-xep-hang_{start:%Y%m%d}-{end:%Y%m%d}"

# --- dossier reports (Báo cáo hồ sơ) ---
PAGE_DOSSIER_REPORTS = "Báo cáo hồ sơ"
DREPORT_PERIOD = "Kỳ báo cáo"
DREPORT_FROM = "Từ ngày"
DREPORT_TO = "đến ngày"
DREPORT_GROUP = "Nhóm theo"
DREPORT_QUICK = (
    ("month", "Tháng này"),
    ("last_month", "Tháng trước"),
    ("quarter", "Quý này"),
    ("year", "Năm nay"),
    ("custom", "Tùy chọn"),
)
DREPORT_TAB_SUMMARY = "Tổng hợp"
DREPORT_TAB_PROVINCE = "Báo cáo gửi tỉnh"
DREPORT_SUMMARY_HEADERS = (
    "Tiếp nhận\ntrong kỳ",
    "Kỳ trước\nchuyển qua",
    "Giải quyết\ntrước hạn",
    "Giải quyết\nđúng hạn",
    "Giải quyết\nquá hạn",
    "Đang giải quyết\ntrong hạn",
    "Đang giải quyết\nquá hạn",
    "Đã trả\nkết quả",
    "Công dân\nrút",
    "Dừng\nxử lý",
    "Từ chối\ntiếp nhận",
)
DREPORT_EXPORT_XLSX = "Xuất Excel"
DREPORT_EXPORT_PDF = "Xuất PDF"
DREPORT_PROVINCE_PDF = "Báo cáo gửi tỉnh (PDF)"
DREPORT_PROVINCE_XLSX = "Báo cáo gửi tỉnh (Excel)"
DREPORT_LOADING = "Đang tải số liệu…"
DREPORT_EMPTY = "Không có hồ sơ nào trong kỳ này."
DREPORT_HEADLINE = (
    "Tiếp nhận {received} hồ sơ, kỳ trước chuyển qua {carried}; đã giải quyết {resolved} "
    "({late} quá hạn); đang giải quyết {open}."
)
DREPORT_SAVE_TITLE = "Lưu báo cáo hồ sơ"
DREPORT_FILE_NAME = "Bao-cao-ho-so_{start:%Y%m%d}-{end:%Y%m%d}"
DREPORT_PROVINCE_FILE_NAME = "Bao-cao-gui-tinh_{start:%Y%m%d}-{end:%Y%m%d}"
DREPORT_EXPORTED = "Đã lưu báo cáo: {path}"

# --- export bar shared by the report pages ------------------------------------------------
EXPORT_SAVE_TITLE = "Lưu báo cáo"

# --- queue report: filters and charts (Tổng quan › Báo cáo xếp hàng) ---
QREPORT_FILTER_AREA = "Khu vực dịch vụ"
QREPORT_EMPTY_FILTERED = "Không có số thứ tự nào khớp bộ lọc đã chọn trong khoảng thời gian này."
QREPORT_CHART_TAB = "Biểu đồ"
QCHART_HOURS_TITLE = "Số phiếu lấy theo giờ trong ngày, theo khu vực dịch vụ"
QCHART_WAITS_TITLE = "Thời gian chờ theo quầy: trung bình và P90"
QCHART_TICKETS = "Số phiếu"
QCHART_MINUTES = "Phút"
QCHART_AVERAGE = "Chờ trung bình"
QCHART_P90 = "Chờ P90"
QCHART_EMPTY = "Không có số thứ tự nào trong khoảng thời gian và bộ lọc đã chọn: chưa có gì để vẽ."
QCHART_WAITS_EMPTY = "Chưa có lượt nào được gọi tại quầy: chưa có thời gian chờ để so sánh."
QCHART_HOUR_TIP = "{area}, {h}h: {n} phiếu"
QCHART_WAIT_TIP = "{counter}, {what}: {m} phút"

# --- dossier reports: filters, chart, province heading ---
DREPORT_ALL = "Tất cả"
DREPORT_FILTER_PROCEDURE = "Thủ tục"
DREPORT_FILTER_FIELD = "Lĩnh vực"
DREPORT_FILTER_COUNTER = "Quầy"
DREPORT_FILTER_CLERK = "Công chức"
DREPORT_FILTER_CHANNEL = "Kênh"
DREPORT_COUNTER_ITEM = "Quầy {n}"
DREPORT_EMPTY_FILTERED = "Không có hồ sơ nào phù hợp bộ lọc trong kỳ này."
DREPORT_PROVINCE_SCOPE = (
    "Biểu mẫu báo cáo định kỳ gửi tỉnh: mỗi dòng là một lĩnh vực, số liệu của toàn cơ quan "
    "theo kỳ đã chọn (không áp dụng bộ lọc thủ tục, lĩnh vực, quầy, công chức, kênh)."
)
#: The screen's two-level heading of the province table: (title, first column, last column).
DREPORT_PROVINCE_GROUPS = (
    ("Số hồ sơ nhận giải quyết", 2, 5),
    ("Số hồ sơ đã giải quyết", 6, 9),
    ("Số hồ sơ đang giải quyết", 10, 12),
)
DREPORT_PROVINCE_SUBHEADERS = (
    "STT",
    "Lĩnh vực",
    "Tổng số",
    "Trong kỳ:\ntrực tuyến",
    "Trong kỳ: trực tiếp,\nbưu chính",
    "Từ kỳ trước\nchuyển qua",
    "Tổng số",
    "Trước\nhạn",
    "Đúng\nhạn",
    "Quá\nhạn",
    "Tổng số",
    "Trong\nhạn",
    "Quá\nhạn",
)
DREPORT_TAB_CHART = "Biểu đồ"
DREPORT_CHART_TITLE = "Hồ sơ đã giải quyết trong kỳ và đang giải quyết cuối kỳ, theo {group}"
DREPORT_CHART_AXIS = "Số hồ sơ"
#: The chart's stacked parts: (DossierCounts field, legend).
DREPORT_CHART_PARTS = (
    ("resolved_early", "Đã giải quyết trước hạn"),
    ("resolved_on_time", "Đã giải quyết đúng hạn"),
    ("resolved_late", "Đã giải quyết quá hạn"),
    ("open_on_time", "Đang giải quyết trong hạn"),
    ("open_late", "Đang giải quyết quá hạn"),
)
DREPORT_CHART_TIP = "{group}\n{part}: {n} hồ sơ"
DREPORT_CHART_EMPTY = (
    "Không có hồ sơ nào đã giải quyết hoặc đang giải quyết trong kỳ và bộ lọc đã chọn: "
    "chưa có gì để vẽ."
)
QREPORT_SAVE_TITLE = "Lưu báo cáo xếp hàng"
# Backup warning in the clerk window's status bar (counter_app/ui/backup_warning.py).
BACKUP_WARN_TIME_FORMAT = "%d/%m/%Y %H:%M"
BACKUP_WARN_STALE = "Chưa sao lưu dữ liệu từ {at} — kiểm tra ổ USB sao lưu"
BACKUP_WARN_NEVER = "Chưa có bản sao lưu dữ liệu nào — kiểm tra ổ USB sao lưu"
BACKUP_WARN_FAILED = "Sao lưu lúc {failed} không thành công — kiểm tra ổ USB sao lưu"
BACKUP_WARN_CLERK = "Dữ liệu chưa được sao lưu gần đây — vui lòng báo cán bộ quản trị"
BACKUP_WARN_TIP_LAST = "Lần sao lưu tốt gần nhất: {at}"
BACKUP_WARN_TIP_NONE = "Chưa có lần sao lưu nào thành công."
BACKUP_WARN_TIP_ERROR = "Lỗi lần gần nhất: {error}"
BACKUP_WARN_TIP_HELP = (
    "Cắm lại ổ USB sao lưu: phần mềm tự sao lưu lại trong vòng 30 phút "
    "(quản trị có thể bấm «Sao lưu ngay» ở trang «Sao lưu»)."
)

# Idle lock of the clerk window (ui/idle_lock.py)
IDLE_LOCK_TITLE = "Phiên làm việc đã khóa"
IDLE_LOCK_MESSAGE = (
    "Không có thao tác nào trong {minutes} phút nên màn hình đã tự khóa. "
    "Công việc đang làm vẫn được giữ nguyên."
)
IDLE_LOCK_PROMPT = "Nhập mật khẩu của {name} để làm việc tiếp."
IDLE_LOCK_UNLOCK = "Mở khóa"
IDLE_LOCK_OTHER_USER = (
    "Người khác đăng nhập sẽ kết thúc phiên của {name}; phần việc chưa lưu của phiên đó sẽ mất."
)
PASSWORD_RULE = "Mật khẩu mới: ít nhất {minimum} ký tự, có cả chữ và số (hoặc ký tự đặc biệt)."
