"""Runs sgdesk's commands in-process on damaged copies of a database; one JSON line per command.

``python -m tests.corruption_worker BASE WORKDIR SEED FIRST COUNT`` makes variants FIRST …
FIRST+COUNT-1 of BASE (the same seed always makes the same damage), and for each one runs
``tree``, ``show``, ``search`` and ``export`` through the real command-line entry point
(``sgdesk.toplevel.run``, which turns any uncaught exception into exit 70). The parent test
reads the lines with a per-command timeout, so a hang is seen and the worker killed.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import random
import sys
from pathlib import Path

COMMANDS = {
    "tree": ["tree"],
    "show": ["show", "decreto-267-2007/art-7"],
    "search": ["search", "funciones"],
    "export": ["export", "decreto-267-2007", "-o", "{out}"],
}
KINDS = ("flip", "page-random", "page-zero", "first-page", "swap-pages")


def damage(data: bytes, seed: int, variant: int) -> tuple[bytes, str]:
    """A damaged copy of ``data``: bytes flipped, a page overwritten, zeroed or swapped."""
    rng = random.Random(seed * 100_003 + variant)
    page_size = int.from_bytes(data[16:18], "big") or 4096
    pages = len(data) // page_size
    out = bytearray(data)
    kind = KINDS[variant % len(KINDS)]
    page = rng.randrange(1, pages)  # 0-based; page 0 holds the header and the schema
    start = page * page_size
    if kind == "flip":
        for _ in range(rng.choice([1, 2, 8, 32])):
            out[start + rng.randrange(page_size)] ^= 1 << rng.randrange(8)
    elif kind == "page-random":
        out[start : start + page_size] = bytes(rng.randrange(256) for _ in range(page_size))
    elif kind == "page-zero":
        out[start : start + page_size] = bytes(page_size)
    elif kind == "first-page":
        for _ in range(rng.choice([1, 4, 16])):
            out[100 + rng.randrange(page_size - 100)] = rng.randrange(256)
    else:
        other = rng.randrange(1, pages)
        a, b = out[start : start + page_size], out[other * page_size : (other + 1) * page_size]
        out[start : start + page_size], out[other * page_size : (other + 1) * page_size] = b, a
        kind = f"swap-pages {page + 1}/{other + 1}"
    return bytes(out), f"{kind} page {page + 1}"


def run_command(database: Path, argv: list[str]) -> tuple[int, str, str, str]:
    from sgdesk.cli import main as cli_main
    from sgdesk.toplevel import run

    out, err, log_text = io.StringIO(), io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(log_text)
    logger = logging.getLogger("sgdesk")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(lambda: cli_main(["--database", str(database), *argv]))
    finally:
        logger.removeHandler(handler)
    return code, out.getvalue(), err.getvalue(), log_text.getvalue()


def main() -> int:
    base, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    seed, first, count = (int(x) for x in sys.argv[3:6])
    data = base.read_bytes()
    for variant in range(first, first + count):
        damaged, how = damage(data, seed, variant)
        folder = workdir / f"v{variant}"
        folder.mkdir(parents=True, exist_ok=True)
        database = folder / "sgdesk.db"
        database.write_bytes(damaged)
        for name, template in COMMANDS.items():
            out_pdf = folder / "salida.pdf"
            argv = [part.replace("{out}", str(out_pdf)) for part in template]
            code, stdout, stderr, log_text = run_command(database, argv)
            left = sorted(p.name for p in folder.iterdir() if p.name not in ("sgdesk.db", "salida.pdf"))
            if name == "export" and code != 0 and out_pdf.exists():
                left.append("salida.pdf")
            record = {"variant": variant, "damage": how, "command": name, "code": code,
                      "stdout": stdout, "stderr": stderr, "log": log_text, "left": left}  # fmt: skip
            print(json.dumps(record, ensure_ascii=False), flush=True)
            out_pdf.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
