"""Entry point for ``python -m sgdesk``."""

import sys

from sgdesk.cli import main

sys.exit(main())
