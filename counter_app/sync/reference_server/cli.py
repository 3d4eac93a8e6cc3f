"""Command line of the reference provincial server (``counter-app provincial-server``)."""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

OPERATOR_TOKEN_ENV = "MOTCUA_PROVINCIAL_OPERATOR_TOKEN"


def build_parser(prog: str = "provincial-server") -> argparse.ArgumentParser:
    """The argument parser (also used by ``counter-app provincial-server``)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Máy chủ tham chiếu của hệ thống tỉnh: nhận hồ sơ đồng bộ từ các xã.",
    )
    parser.add_argument(
        "--db", required=True, help="URL cơ sở dữ liệu (sqlite:///tinh.db, postgresql+psycopg://…)"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8765, help="cổng (mặc định 8765)")
    parser.add_argument(
        "--files",
        type=Path,
        default=None,
        help="thư mục lưu tệp đính kèm (mặc định cạnh tệp SQLite)",
    )
    parser.add_argument(
        "--operator-token",
        default=os.environ.get(OPERATOR_TOKEN_ENV),
        help=f"mã người vận hành cho /_ops/ (hoặc biến {OPERATOR_TOKEN_ENV}; "
        "bỏ trống: tạo ngẫu nhiên và in ra)",
    )
    parser.add_argument(
        "--office",
        action="append",
        default=[],
        metavar="MÃ[=TOKEN]",
        help="cấp sẵn mã truy cập cho một đơn vị (lặp lại được); token in ra màn hình",
    )
    parser.add_argument("--log-level", default="info", help="mức nhật ký uvicorn")
    return parser


def main(argv: Sequence[str] | None = None, prog: str = "provincial-server") -> int:
    """Parse the arguments, prepare the server and run it with uvicorn until stopped."""
    import uvicorn

    from counter_app.sync.reference_server.app import create_app

    args = build_parser(prog).parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    operator_token = args.operator_token or secrets.token_urlsafe(24)
    app = create_app(args.db, files_dir=args.files, operator_token=operator_token)
    store = app.state.store
    if not args.operator_token:
        print(f"Mã người vận hành (X-Operator-Token): {operator_token}", flush=True)
    for spec in args.office:
        office, _, token = spec.partition("=")
        try:
            issued = store.issue_token(office.strip(), token.strip() or None)
        except ValueError as exc:
            print(f"--office {spec}: {exc}", file=sys.stderr)
            return 2
        print(f"Đơn vị {office.strip()}: Authorization: Bearer {issued}", flush=True)
    print(f"Hệ thống tỉnh tham chiếu: http://{args.host}:{args.port}/api/v1/info", flush=True)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        http="h11",
        log_level=args.log_level,
        date_header=False,  # ours follows the (possibly skewed) server clock
        timeout_graceful_shutdown=5,
    )
    return 0
