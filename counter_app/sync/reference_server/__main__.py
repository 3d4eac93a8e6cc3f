"""Allow `python -m counter_app.sync.reference_server`."""

import sys

from counter_app.sync.reference_server.cli import main

sys.exit(main())
