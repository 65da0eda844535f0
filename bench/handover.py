"""``python -m bench.handover [--runs N]``: what the single instance costs and saves.

- ``import``, ``claim``, ``listen``: inside a fresh interpreter (QtCore already imported, as the
  window needs it anyway), the milliseconds the first launch spends on it before its window
  (importing QtNetwork and the module, taking the lock) and after (listening);
- ``handover``: a second ``sgdesk sgdesk://…`` while a window is open on the same data folder,
  from ``Popen`` to its exit (it hands the link over and exits 0), beside
- ``app`` and ``bare``: the first painted window of sgdesk (fresh data folder) and of a bare
  PySide6 window (bench/bare_window.py), in the same run, interleaved.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.startup import BARE_WINDOW, REPO, child_env, time_to_first_paint
from bench.stats import summarize

_CLAIM = """
import json, sys, time
from pathlib import Path
import PySide6.QtCore  # the window needs it anyway: not counted
t0 = time.perf_counter()
from sgdesk import single_instance
t1 = time.perf_counter()
instance = single_instance.claim(Path(sys.argv[1]), None)
t2 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
t3 = time.perf_counter()
instance.listen()
t4 = time.perf_counter()
print(json.dumps({"import": (t1 - t0) * 1000, "claim": (t2 - t1) * 1000, "listen": (t4 - t3) * 1000}))
"""


def claim_costs(folder: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CLAIM, str(folder)], env=env, cwd=REPO, capture_output=True,
                         text=True, check=True, timeout=60).stdout  # fmt: skip
    return dict(json.loads(out.strip().splitlines()[-1]))


def handover_ms(folder: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sgdesk", "--data-dir", str(folder), "sgdesk://mision"], env=env,
                   cwd=REPO, check=True, capture_output=True, timeout=60)  # fmt: skip
    return (time.perf_counter() - start) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.handover", description=__doc__)
    parser.add_argument("--runs", type=int, default=15, metavar="N")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env("offscreen", None, scratch / "pycache")
        running = scratch / "running"
        window = subprocess.Popen([sys.executable, "-m", "sgdesk", "--data-dir", str(running)], env=env,
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        timings: dict[str, list[float]] = {"app": [], "bare": [], "handover": [], "import": [], "claim": [],
                                           "listen": []}  # fmt: skip
        try:
            for round_number in range(-2, args.runs):
                fresh = Path(tempfile.mkdtemp(dir=scratch))
                app = [sys.executable, "-m", "sgdesk", "--exit-after-paint", "--data-dir", str(fresh)]
                measured = {
                    "app": time_to_first_paint(app, env),
                    "bare": time_to_first_paint([sys.executable, str(BARE_WINDOW)], env),
                    "handover": handover_ms(running, env),
                    **claim_costs(Path(tempfile.mkdtemp(dir=scratch)), env),
                }
                if round_number >= 0:
                    for key, value in measured.items():
                        timings[key].append(value)
                print("w" if round_number < 0 else ".", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
        finally:
            window.kill()
            window.wait()
    print(f"{'':42} {'mediana':>8} {'mín':>8} {'p95':>8}  (ms, {args.runs} corridas)")
    labels = {"app": "sgdesk, primera ventana pintada", "bare": "QMainWindow mínima (base)",
              "handover": "segundo arranque con enlace (hasta salir)",
              "import": "· importar QtNetwork y el módulo", "claim": "· tomar el candado",
              "listen": "· escuchar (después de QApplication)"}  # fmt: skip
    for key, label in labels.items():
        summary = summarize(timings[key])
        print(f"{label:42} {summary.median:8.1f} {summary.min:8.1f} {summary.p95:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
