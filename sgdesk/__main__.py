"""Entry point for ``python -m sgdesk`` and for the frozen executables (PyInstaller)."""

import sys

from sgdesk.toplevel import main

sys.exit(main())
