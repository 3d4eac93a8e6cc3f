"""Screenshots of the clerk windows for review, on a throwaway demo database.

Run under a real window system, e.g. a virtual one at an office PC's size:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        .venv/bin/python scripts/screenshots.py /tmp/ui-shots

Writes one PNG per window and page (wizard pages, login, each main-window page as admin,
the clerk's view) into the folder given (default /tmp/ui-shots).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.app_context import open_context  # noqa: E402
from counter_app.paths import AppDirs  # noqa: E402
from counter_app.services.demo import ensure_demo_office  # noqa: E402
from counter_app.settings import load_settings  # noqa: E402
from counter_app.ui.app_setup import prepare_app  # noqa: E402
from counter_app.ui.change_password_dialog import ChangePasswordDialog  # noqa: E402
from counter_app.ui.clerk.catalog_page import CatalogPage  # noqa: E402
from counter_app.ui.clerk.user_dialogs import CreateUserDialog, ResetPasswordDialog  # noqa: E402
from counter_app.ui.login_dialog import LoginDialog  # noqa: E402
from counter_app.ui.main_window import MainWindow  # noqa: E402
from counter_app.ui.setup_wizard import SetupWizard  # noqa: E402
from counter_app.ui.workers import InlinePool  # noqa: E402

SCREEN = (1366, 768)


def type_text(widget: QWidget, text: str) -> None:
    """Type Vietnamese text as an input method would."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shoot(widget: QWidget, out: Path, name: str) -> None:
    """Show, let it lay out, save a PNG."""
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"{path}  {widget.width()}x{widget.height()}")


def shoot_screen(out: Path, name: str) -> None:
    """Save the whole screen (popups included)."""
    for _ in range(5):
        QApplication.processEvents()
    path = out / f"{name}.png"
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    print(path)


def wizard_shots(root: Path, out: Path) -> None:
    """The wizard's pages, with inline problems showing."""
    dirs = AppDirs(root / "fresh-cfg", root / "fresh-data")
    ctx = open_context(dirs, load_settings(dirs))
    wizard = SetupWizard(ctx)
    shoot(wizard, out, "01-wizard-welcome")
    wizard.next()
    page = wizard.office_page
    type_text(page.name, "Trung tâm Phục vụ hành chính công xã Phong Thổ")
    type_text(page.agency_code, "000.00.06..H56")
    type_text(page.province.lineEdit(), "lai chau")
    page.province.choose_text(page.province.matches.stringList()[0])
    page.commune.lineEdit().setFocus()
    type_text(page.commune.lineEdit(), "phong")
    page.commune.lineEdit().textEdited.emit("phong")
    shoot_screen(out, "02a-wizard-commune-search-screen")
    page.commune.lineEdit().completer().popup().hide()
    shoot(wizard, out, "02-wizard-office-problems")
    page.agency_code.selectAll()
    type_text(page.agency_code, "000.00.06.H56")
    page.commune.setCurrentIndex(0)
    type_text(page.address, "Bản Nậm Xe, xã Phong Thổ")
    type_text(page.phone, "0213 3888 999")
    shoot(wizard, out, "03-wizard-office-ok")
    wizard.next()
    admin = wizard.admin_page
    type_text(admin.username, "Quản trị")
    type_text(admin.full_name, "Lò Thị Hiền")
    type_text(admin.password, "abc")
    type_text(admin.confirm, "abcd")
    shoot(wizard, out, "04-wizard-admin-problems")
    for edit, value in ((admin.username, "quantri"), (admin.password, "PhongTho2026")):
        edit.selectAll()
        type_text(edit, value)
    admin.confirm.selectAll()
    type_text(admin.confirm, "PhongTho2026")
    wizard.next()
    shoot(wizard, out, "05-wizard-summary")
    wizard.close()
    ctx.close()


def main_shots(root: Path, out: Path) -> None:
    """Login (with an error), every page as admin, and the clerk's view."""
    dirs = AppDirs(root / "demo-cfg", root / "demo-data")
    ctx = open_context(dirs, load_settings(dirs), demo=True)
    ensure_demo_office(ctx.db, ctx.office, ctx.catalog, ctx.settings.security, ctx.station)
    ctx.backups.backup_now()
    login = LoginDialog(ctx)
    shoot(login, out, "10-login")
    type_text(login.username, "canbo1")
    type_text(login.password, "sai-mat-khau-1")
    login.try_sign_in()
    shoot(login, out, "11-login-wrong-password")
    login.close()
    admin = ctx.accounts.sign_in("quantri", "Demo@2026")
    window = MainWindow(ctx, admin)
    window.resize(window.sizeHint())
    for number, title in enumerate(window.pages, start=20):
        page = window.show_page(title)
        if isinstance(page, CatalogPage):
            type_text(page.search, "khai sinh")
            page.run_search()
        if hasattr(page, "pool"):
            page.pool = InlinePool()
        shoot(window, out, f"{number}-admin-{number - 20}")
    window.resize(*SCREEN)
    window.show_page("Danh mục thủ tục")
    shoot(window, out, "30-catalog-full-screen")
    window.close()
    dialogs = (
        CreateUserDialog(ctx, admin),
        ResetPasswordDialog(ctx, admin, "canbo2"),
        ChangePasswordDialog(ctx, admin, required=True),
    )
    for number, dialog in enumerate(dialogs, start=50):
        if isinstance(dialog, ChangePasswordDialog):
            type_text(dialog.new, "ngan")
            dialog.try_change()
        shoot(dialog, out, f"{number}-dialog")
        dialog.close()
    clerk = ctx.accounts.sign_in("canbo1", "Demo@2026")
    clerk_window = MainWindow(ctx, clerk)
    clerk_window.resize(clerk_window.sizeHint())
    shoot(clerk_window, out, "40-clerk-home")
    clerk_window.close()
    ctx.close()


def main() -> int:
    """Take every screenshot."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ui-shots")
    out.mkdir(parents=True, exist_ok=True)
    app, family = prepare_app()
    print(f"platform {app.platformName()}, font {family}")
    with tempfile.TemporaryDirectory(prefix="motcua-shots-") as tmp:
        wizard_shots(Path(tmp), out)
        main_shots(Path(tmp), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
