"""The ``--json FILE`` option every benchmark offers, and writing the file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", type=Path, metavar="ARCHIVO", help="escribir también los resultados en JSON"
    )


def save_json(path: Path | None, data: object) -> None:
    """Write ``data`` to ``path`` (nothing when None), creating its folder, and say where."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nResultados en JSON: {path}")
