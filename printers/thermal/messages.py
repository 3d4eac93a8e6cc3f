"""Every user-facing message of the ticket printers, in one place for review (Vietnamese, NFC)."""

from __future__ import annotations

PAPER_OUT = "Máy in vé hết giấy. Hãy thay cuộn giấy mới rồi in lại."
PAPER_LOW = "Máy in vé sắp hết giấy."
COVER_OPEN = "Máy in vé đang mở nắp. Hãy đóng nắp rồi in lại."
OFFLINE = "Máy in vé đang tạm ngừng (ngoại tuyến). Hãy kiểm tra máy in rồi in lại."
PRINTER_ERROR = "Máy in vé đang báo lỗi (dao cắt hoặc đầu in). Hãy tắt, bật lại máy in."
NO_STATUS_REPLY = "Máy in vé không trả lời trạng thái; không biết còn giấy hay không."

CONNECT_FAILED = "Không kết nối được máy in vé {address}."
SEND_FAILED = "Mất kết nối với máy in vé {address} khi đang gửi vé."

USB_LIBRARY_MISSING = (
    "Chưa cài thư viện in qua USB (pyusb và libusb), nên không in được vé qua cổng USB."
)
USB_NOT_FOUND = "Không tìm thấy máy in vé USB {device}: máy chưa bật hoặc chưa cắm cáp."
USB_FAILED = "Gửi vé sang máy in USB {device} không được: {error}"

CUPS_MISSING = "Máy này không có lệnh in lp (CUPS), nên không in được vé qua hàng đợi {queue}."
CUPS_FAILED = "Hàng đợi in {queue} không nhận vé: {error}"
CUPS_DISABLED = "Hàng đợi in {queue} đang bị tạm dừng; hãy bật lại máy in trong CUPS."
CUPS_TIMEOUT = "Hàng đợi in {queue} không trả lời."

WINDOWS_ONLY = "Máy in Windows “{name}” chỉ dùng được khi phần mềm chạy trên Windows."
WINDOWS_LIBRARY_MISSING = "Chưa cài pywin32, nên không in được vé qua máy in Windows “{name}”."
WINDOWS_FAILED = "Máy in Windows “{name}” không nhận vé: {error}"

FILE_FAILED = "Không ghi được vé vào tệp {path}: {error}"

BAD_URL = (
    "Địa chỉ máy in vé “{url}” không hợp lệ. Dùng dạng tcp://192.168.1.50:9100, "
    "usb://0x04b8:0x0e15, cups://TÊN, win://TÊN MÁY IN hoặc file:///đường/dẫn/ve.bin."
)
