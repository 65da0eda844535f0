"""``python -m bench [--runs N] [--platform offscreen|xcb] [--json FILE]``: start-up benchmark."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import startup
from bench.results import add_json_option, save_json


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Tiempo hasta la primera ventana pintada: sgdesk frente a una ventana PySide6 mínima "
            "con árbol y texto."
        ),
    )
    parser.add_argument(
        "--runs", type=_positive, default=15, metavar="N", help="corridas medidas por variante"
    )
    parser.add_argument("--platform", choices=startup.PLATFORMS, default="offscreen", help="plugin de Qt")
    parser.add_argument("--frozen", type=Path, metavar="EJECUTABLE",
                        help="medir también la aplicación congelada (dist/sgdesk/sgdesk)")  # fmt: skip
    parser.add_argument("--before", type=Path, metavar="CARPETA",
                        help="medir también el sgdesk de otra copia (otro commit)")  # fmt: skip
    add_json_option(parser)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("debe ser al menos 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = startup.run(args.runs, args.platform, frozen=args.frozen, before=args.before)
    except startup.BenchError as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 1
    print(startup.report(result))
    save_json(args.json, result.as_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
