"""Command-line parsing in Vietnamese: argparse's error line, and the argument types."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from counter_app.ui import texts  # plain strings: no Qt is loaded by this


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its error line in Vietnamese (usage, then "lỗi: …", exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the problem, then exit with code 2 (argparse API)."""
        for english, vietnamese in texts.CLI_ARGPARSE_PHRASES:
            message = message.replace(english, vietnamese, 1)
        self.print_usage(sys.stderr)
        self.exit(2, texts.CLI_ERROR_LINE.format(prog=self.prog, message=message))


def counter_number(value: str) -> int:
    """A counter number from the command line: a positive whole number."""
    # ASCII digits only: isdigit() also takes "²", which int() refuses with an English message.
    if not re.fullmatch(r"[0-9]{1,9}", value.strip()) or int(value) < 1:
        raise argparse.ArgumentTypeError(texts.RATING_COUNTER_INVALID.format(value=value))
    return int(value)
