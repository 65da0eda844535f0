"""``python -m bench [--runs N] [--platform offscreen|xcb] [--json FILE]``: start-up benchmark."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import startup


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Tiempo hasta la primera ventana pintada: sgdesk frente a una QMainWindow mínima.",
    )
    parser.add_argument(
        "--runs", type=_positive, default=15, metavar="N", help="corridas medidas por variante"
    )
    parser.add_argument("--platform", choices=startup.PLATFORMS, default="offscreen", help="plugin de Qt")
    parser.add_argument("--frozen", type=Path, metavar="EJECUTABLE",
                        help="medir también la aplicación congelada (dist/sgdesk/sgdesk)")  # fmt: skip
    parser.add_argument(
        "--json", type=Path, metavar="ARCHIVO", help="escribir también los resultados en JSON"
    )
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("debe ser al menos 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = startup.run(args.runs, args.platform, frozen=args.frozen)
    except startup.BenchError as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 1
    print(startup.report(result))
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(result.as_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"\nResultados en JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
