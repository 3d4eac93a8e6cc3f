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
}
AUDIT_REASONS = {
    "unknown-user": "tên không tồn tại",
    "inactive": "tài khoản đã khóa",
    "locked": "đang tạm khóa",
    "wrong-password": "sai mật khẩu",
    "locked-now": "sai quá số lần, tạm khóa",
}
AUDIT_USERS = {"system": "Hệ thống"}
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
