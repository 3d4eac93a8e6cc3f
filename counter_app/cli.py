"""`counter-app`: the clerk window (default) and the admin verbs."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from counter_app import __version__
from counter_app.app_context import AppContext, StartupError, open_context
from counter_app.paths import AppDirs, app_dirs
from counter_app.services.errors import ServiceError
from counter_app.settings import Settings, SettingsError, load_settings

log = logging.getLogger(__name__)


class CommandError(Exception):
    """A command failed; the message is printed for the user."""


def _build_parser() -> argparse.ArgumentParser:
    from counter_app.cli_args import VietnameseParser, counter_number
    from counter_app.ui import texts

    parser = VietnameseParser(
        prog="counter-app",
        description="Một Cửa Counter — phần mềm Bộ phận Một cửa cấp xã.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="mở văn phòng mẫu trên cơ sở dữ liệu riêng (tài khoản mẫu in ra màn hình)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    sub.add_parser("clerk", help="cửa sổ làm việc của công chức (mặc định)")
    sub.add_parser("kiosk", help="màn hình lấy số thứ tự cho công dân (toàn màn hình, khóa)")
    sub.add_parser("display", help="bảng hiển thị số đang phục vụ, đọc số bằng giọng nói")
    rating = sub.add_parser("rating", help=texts.RATING_HELP)
    rating.add_argument(
        "--counter",
        type=counter_number,
        required=True,
        metavar="SỐ",
        help=texts.RATING_COUNTER_HELP,
    )
    sync = sub.add_parser("sync", help="gửi hồ sơ lên hệ thống tỉnh không cần cửa sổ")
    sync.add_argument("--once", action="store_true", help="gửi một lượt rồi dừng")
    sub.add_parser(
        "provincial-server",
        help="máy chủ tham chiếu của hệ thống tỉnh (thử nghiệm, minh họa); "
        "xem: counter-app provincial-server --help",
        add_help=False,
    )

    admin = sub.add_parser("admin", help="các lệnh quản trị").add_subparsers(
        dest="verb", metavar="VIỆC", required=True
    )
    init = admin.add_parser("init", help="thiết lập cơ quan và tài khoản quản trị đầu tiên")
    init.add_argument("--office-name", required=True, help="tên cơ quan")
    init.add_argument("--agency-code", required=True, help="mã định danh theo QĐ 20/2020")
    init.add_argument("--province", required=True, help="mã tỉnh/thành (xem: admin units)")
    init.add_argument("--commune", required=True, help="mã xã/phường (xem: admin units)")
    init.add_argument("--counters", type=int, default=1, help="số quầy (mặc định 1)")
    init.add_argument("--address", default="", help="địa chỉ trụ sở")
    init.add_argument("--phone", default="", help="số điện thoại")
    init.add_argument("--admin-user", required=True, help="tên đăng nhập quản trị")
    init.add_argument("--admin-name", required=True, help="họ tên quản trị")
    init.add_argument(
        "--no-catalog", action="store_true", help="không nạp danh mục thủ tục kèm theo"
    )
    admin.add_parser("migrate", help="nâng cấp cấu trúc cơ sở dữ liệu (có sao lưu trước)")
    user = admin.add_parser("create-user", help="tạo tài khoản (cần quản trị đăng nhập)")
    user.add_argument("username")
    user.add_argument("--full-name", required=True)
    user.add_argument("--role", required=True, choices=["admin", "supervisor", "clerk", "device"])
    user.add_argument("--as", dest="actor", required=True, help="tên đăng nhập của quản trị")
    user.add_argument("--must-change", action="store_true", help="buộc đổi mật khẩu lần đầu")
    imp = admin.add_parser("import-catalog", help="nhập danh mục thủ tục từ tệp CSV hoặc JSON")
    imp.add_argument("file", type=Path)
    imp.add_argument("--as", dest="actor", required=True, help="tên đăng nhập của quản trị")
    backup = admin.add_parser("backup", help="sao lưu cơ sở dữ liệu ngay")
    backup.add_argument("--to", type=Path, help="thư mục nhận bản sao lưu")
    restore = admin.add_parser("restore", help="khôi phục từ một bản sao lưu đã kiểm tra")
    restore.add_argument("file", type=Path)
    admin.add_parser("check", help="kiểm tra tính toàn vẹn của dữ liệu")
    token = admin.add_parser("sync-token", help="nhập mã truy cập do hệ thống tỉnh cấp")
    token.add_argument("--as", dest="actor", required=True, help="tên đăng nhập của quản trị")
    units = admin.add_parser("units", help="liệt kê mã tỉnh/thành và xã/phường (sau 7/2025)")
    units.add_argument("--province", help="mã tỉnh/thành: liệt kê các xã/phường của tỉnh")
    return parser


def _secret(prompt: str) -> str:
    """A password from the terminal, or one line of standard input when not a terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise CommandError("Thiếu mật khẩu (nhập từ bàn phím hoặc một dòng ở đầu vào chuẩn).")
    return line.rstrip("\r\n")


def _new_password() -> str:
    first = _secret("Mật khẩu mới: ")
    if sys.stdin is not None and sys.stdin.isatty() and first != _secret("Nhập lại mật khẩu: "):
        raise CommandError("Hai lần nhập mật khẩu không khớp.")
    return first


def _open(dirs: AppDirs, settings: Settings, demo: bool) -> AppContext:
    return open_context(dirs, settings, demo=demo)


def _cmd_init(ctx: AppContext, args: argparse.Namespace) -> str:
    from counter_app.services.office import AdminSetup, OfficeSetup
    from counter_app.services.principal import Principal

    if ctx.office.get() is not None:
        raise CommandError("Cơ quan đã được thiết lập trên cơ sở dữ liệu này.")
    setup = OfficeSetup(
        args.office_name,
        args.agency_code,
        args.province,
        args.commune,
        args.counters,
        args.address,
        args.phone,
    )
    admin = AdminSetup(args.admin_user, args.admin_name, _new_password())
    ctx.office.set_up(setup, admin, ctx.settings.security, ctx.station)
    lines = [f"Đã thiết lập: {setup.name} — tài khoản quản trị '{admin.username}'."]
    if not args.no_catalog:
        result = ctx.catalog.load_shipped(Principal.system(ctx.station))
        lines.append(f"Đã nạp danh mục: {result.total} thủ tục.")
    return "\n".join(lines)


def _sign_in_admin(ctx: AppContext, username: str):  # type: ignore[no-untyped-def]
    from counter_app.domain.roles import Role
    from counter_app.services.principal import require_role

    principal = ctx.accounts.sign_in(username, _secret(f"Mật khẩu của {username}: "))
    return require_role(principal, Role.ADMIN)


def _cmd_create_user(ctx: AppContext, args: argparse.Namespace) -> str:
    actor = _sign_in_admin(ctx, args.actor)
    info = ctx.accounts.create_user(
        actor, args.username, args.full_name, args.role, _new_password(), args.must_change
    )
    return f"Đã tạo tài khoản '{info.username}' ({info.role.label})."


def _cmd_import_catalog(ctx: AppContext, args: argparse.Namespace) -> str:
    actor = _sign_in_admin(ctx, args.actor)
    result = ctx.catalog.import_file(actor, args.file)
    return f"Đã nhập {result.total} thủ tục: {result.added} mới, {result.updated} cập nhật."


def _cmd_backup(ctx: AppContext, args: argparse.Namespace) -> str:
    from counter_app.services.backup import BackupService
    from counter_app.services.backup_schedule import BackupSchedule

    service = BackupService(ctx.db, args.to, ctx.clock) if args.to else ctx.backups
    # Read back, rotated and recorded like the automatic one (the window's warning clears).
    schedule = BackupSchedule(
        service, ctx.settings.backup, ctx.clock, folder_must_exist=False if args.to else None
    )
    before = set(service.list_backups())
    path = schedule.backup_verified()
    removed = len(before - set(service.list_backups()))
    extra = f" (đã xóa {removed} bản cũ)" if removed else ""
    return f"Đã sao lưu vào {path} và đọc lại kiểm tra{extra}."


def _cmd_check(ctx: AppContext, _args: argparse.Namespace) -> str:
    report = ctx.backups.check()
    if not report.ok:
        raise CommandError("Phát hiện lỗi dữ liệu:\n- " + "\n- ".join(report.problems))
    return f"Dữ liệu toàn vẹn (cấu trúc phiên bản {report.revision})."


def _cmd_migrate(ctx: AppContext, _args: argparse.Namespace) -> str:
    from db.migrate import current_revision

    return f"Cơ sở dữ liệu ở phiên bản cấu trúc mới nhất ({current_revision(ctx.db)})."


def _cmd_restore(dirs: AppDirs, settings: Settings, args: argparse.Namespace) -> str:
    from counter_app.app_context import prepare_dirs
    from counter_app.services.backup import BackupService
    from db.engine import Database

    prepare_dirs(dirs)
    db = Database(settings.database_url(dirs))
    try:
        safety = BackupService(db, settings.backup_dir(dirs)).restore(args.file)
    finally:
        db.dispose()
    ctx = open_context(dirs, settings)  # verifies the restored data opens and migrates
    try:
        report = ctx.backups.check()
    finally:
        ctx.close()
    if not report.ok:
        raise CommandError("Dữ liệu sau khôi phục có lỗi:\n- " + "\n- ".join(report.problems))
    kept = f" Dữ liệu cũ được giữ tại {safety}." if safety else ""
    return f"Đã khôi phục từ {args.file} và kiểm tra toàn vẹn.{kept}"


def _cmd_units(args: argparse.Namespace) -> str:
    from counter_app.services import admin_units

    if args.province:
        units = admin_units.communes(args.province)
        if not units:
            raise CommandError(f"Không có tỉnh/thành mã '{args.province}'.")
    else:
        units = admin_units.provinces()
    return "\n".join(f"{u.code}\t{u.name}" for u in units)


def _cmd_sync_token(ctx: AppContext, args: argparse.Namespace) -> str:
    actor = _sign_in_admin(ctx, args.actor)
    ctx.sync_status.set_token(actor, _secret("Mã truy cập do tỉnh cấp: ").strip())
    return "Đã lưu mã truy cập; việc gửi hồ sơ lên tỉnh tiếp tục."


_ADMIN_VERBS: dict[str, Callable[[AppContext, argparse.Namespace], str]] = {
    "init": _cmd_init,
    "migrate": _cmd_migrate,
    "create-user": _cmd_create_user,
    "import-catalog": _cmd_import_catalog,
    "backup": _cmd_backup,
    "check": _cmd_check,
    "sync-token": _cmd_sync_token,
}


def _run_admin(dirs: AppDirs, settings: Settings, args: argparse.Namespace) -> str:
    if args.verb == "units":
        return _cmd_units(args)
    if args.verb == "restore":
        return _cmd_restore(dirs, settings, args)
    ctx = _open(dirs, settings, args.demo)
    try:
        return _ADMIN_VERBS[args.verb](ctx, args)
    finally:
        ctx.close()


def _print_demo_accounts(ctx: AppContext) -> None:
    from counter_app.services.demo import DEMO_ACCOUNTS

    print("Văn phòng mẫu (DEMO) — dữ liệu riêng tại", ctx.dirs.data_dir)
    print("Tài khoản mẫu (tên đăng nhập / mật khẩu / vai trò):")
    for account in DEMO_ACCOUNTS:
        print(f"  {account.username:<10} {account.password:<12} {account.role.label}")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["provincial-server"]:
        from counter_app.sync.reference_server.cli import main as provincial_main

        return provincial_main(argv[1:], prog="counter-app provincial-server")
    args = _build_parser().parse_args(argv)
    from counter_app.logging_setup import setup_logging

    dirs = app_dirs()
    if args.demo:
        dirs = dirs.demo()
    try:
        setup_logging(dirs.log_dir, args.verbose)
    except OSError as exc:
        print(f"Lỗi: không ghi được nhật ký vào {dirs.log_dir}: {exc}", file=sys.stderr)
        return 1
    try:
        settings = load_settings(dirs)
        if args.command == "admin":
            print(_run_admin(dirs, settings, args))
            return 0
        if args.command == "kiosk":
            from counter_app.ui.kiosk.app import run_kiosk

            return run_kiosk(dirs, settings, demo=args.demo)
        if args.command == "display":
            from counter_app.ui.display.app import run_display

            return run_display(dirs, settings, demo=args.demo)
        if args.command == "sync":
            from counter_app.cli_sync import run_sync

            ctx = _open(dirs, settings, args.demo)
            try:
                return run_sync(ctx, args.once)
            finally:
                ctx.close()
        if args.command == "rating":
            from counter_app.ui.rating.app import run_rating

            return run_rating(dirs, settings, args.counter, demo=args.demo)
        from counter_app.ui.clerk_app import run_clerk

        return run_clerk(
            dirs, settings, demo=args.demo, on_ready=_print_demo_accounts if args.demo else None
        )
    except (SettingsError, StartupError, ServiceError, CommandError) as exc:
        log.error("%s failed: %s", args.command or "clerk", exc)
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
