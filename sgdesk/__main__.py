"""Entry point for ``python -m sgdesk`` and for the frozen executables (PyInstaller)."""

import sys

from sgdesk import start_trace, startup_gc

startup_gc.pause()  # no cyclic collector until the first frame (commands: until cli.main)
start_trace.mark("python")  # the bootloader and the interpreter are up

from sgdesk.toplevel import main  # noqa: E402

sys.exit(main())
