"""Time from process start to the first painted main window: sgdesk against a bare QMainWindow.

Each run is timed from the parent: ``perf_counter()`` just before ``Popen`` until the child's
marker line arrives on its stdout. The variants run interleaved, after unmeasured warm-up runs,
so that all of them see the same machine state.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bench.stats import Summary, summarize

MARKER = b"sgdesk: first-paint"
PAGE_PREFIX = b"sgdesk: page "  # the app names the page it painted just before the marker
# ... and the processor time it had used by then (user + system, ``time.process_time``): less
# moved by other processes than the wall-clock time when the machine is shared.
CPU_PREFIX = b"sgdesk: cpu-ms "
LAST_PAGE = "decreto-267-2007"  # the reused folder's last page: a long one, restored at start
# Four tabs restored (#11.5), the decree in front on a «Vigente a» date; the other tabs render
# when first shown. The last node is another page, so a run that ignored the tabs would fail.
TABS = {"tabs": [{"node": "mision", "day": None}, {"node": LAST_PAGE, "day": "2008-06-30"},
                 {"node": "decreto-163-2008", "day": None}, {"node": "vision", "day": "2010-01-01"}],
        "current": 1}  # fmt: skip
REPO = Path(__file__).resolve().parent.parent
BARE_WINDOW = Path(__file__).resolve().with_name("bare_window.py")
READER_ONLY = Path(__file__).resolve().with_name("reader_only.py")
WARMUP_RUNS = 2
AIM = 1.5  # the app's median may be at most this many times the bare window's
CHILD_TIMEOUT_S = 60.0
PLATFORMS = ("offscreen", "xcb")


class BenchError(Exception):
    """A child failed or never painted; the message is printed as is."""


@dataclass(frozen=True)
class Variant:
    key: str
    label: str
    argv: Callable[[], list[str]]  # called once per run: may create a fresh data folder
    page: str | None = None  # the page the first frame must show (None: the bare window's text)
    cwd: Path = REPO  # where the child runs: ``-m sgdesk`` imports the sgdesk found there


@dataclass(frozen=True)
class Result:
    platform: str
    runs: int
    variants: list[Variant]
    timings: dict[str, list[float]]  # milliseconds, in run order
    machine: dict[str, str]
    cpu: dict[str, list[float]]  # processor milliseconds to the first paint (variants that say it)

    def summary(self, key: str) -> Summary:
        return summarize(self.timings[key])

    def ratio(self, key: str, base: str = "bare") -> float:
        return self.summary(key).median / self.summary(base).median

    def cpu_ratio(self, key: str, base: str = "bare") -> float | None:
        if len(self.cpu.get(key, [])) < self.runs or len(self.cpu.get(base, [])) < self.runs:
            return None
        return summarize(self.cpu[key]).median / summarize(self.cpu[base]).median

    def as_json(self) -> dict[str, object]:
        return {
            "platform": self.platform,
            "runs": self.runs,
            "warmup_runs": WARMUP_RUNS,
            "order": [v.key for v in self.variants],
            "machine": self.machine,
            "timings_ms": self.timings,
            "summary_ms": {v.key: self.summary(v.key).as_dict() for v in self.variants},
            "ratio_of_medians_to_bare": {v.key: self.ratio(v.key) for v in self.variants if v.key != "bare"},
            "cpu_ms": self.cpu,
            "cpu_ratio_of_medians_to_bare": {
                v.key: self.cpu_ratio(v.key) for v in self.variants if v.key != "bare"
            },
            "aim": AIM,
            "aim_met": self.ratio("app") <= AIM,
        }


def time_to_first_paint(argv: list[str], env: dict[str, str], page: str | None = None,
                        cwd: Path = REPO) -> float:  # fmt: skip
    """Milliseconds from just before ``Popen`` to the marker line; the child must then exit with 0
    and, given ``page``, have painted that page."""
    return first_paint(argv, env, page, cwd)[0]


def first_paint(argv: list[str], env: dict[str, str], page: str | None = None,
                cwd: Path = REPO) -> tuple[float, float | None]:  # fmt: skip
    """(milliseconds to the marker line, the processor milliseconds the child said it had used
    by then, None if it did not say): see ``time_to_first_paint``."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=cwd)
        killer = threading.Timer(CHILD_TIMEOUT_S, child.kill)
        killer.start()
        try:
            elapsed, painted, cpu = _read_until_marker(child, start)
            child.communicate()
        finally:
            killer.cancel()
            if child.poll() is None:
                child.kill()
                child.wait()
        if elapsed is None or child.returncode != 0:
            what = "never printed the marker" if elapsed is None else f"exited with {child.returncode}"
            raise BenchError(f"{' '.join(argv)}: {what}\n{_tail(stderr)}")
        if page is not None and painted != page:
            raise BenchError(f"{' '.join(argv)}: painted page {painted!r}, not {page!r}")
        return elapsed, cpu


def _read_until_marker(
    child: subprocess.Popen[bytes], start: float
) -> tuple[float | None, str | None, float | None]:
    """(milliseconds to the marker, the page named before it, the processor time said before
    it); (None, …) if it never came."""
    assert child.stdout is not None
    page = cpu = None
    for line in child.stdout:
        if line.strip() == MARKER:
            return (time.perf_counter() - start) * 1000, page, cpu
        if line.startswith(PAGE_PREFIX):
            page = line[len(PAGE_PREFIX) :].strip().decode("utf-8", "replace")
        elif line.startswith(CPU_PREFIX):
            cpu = float(line[len(CPU_PREFIX) :])
    return None, page, cpu


def _tail(stream: IO[bytes], lines: int = 20) -> str:
    stream.seek(0)
    return "\n".join(stream.read().decode("utf-8", "replace").splitlines()[-lines:])


@contextlib.contextmanager
def xvfb_display() -> Iterator[str]:
    """Start a private Xvfb server (it picks a free display number) and stop it at the end."""
    read_fd, write_fd = os.pipe()
    try:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        os.close(read_fd)
        os.close(write_fd)
        raise BenchError("Xvfb is not installed (apt-get install xvfb)") from exc
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            number = pipe.readline().strip().decode()  # written once the server accepts clients
        if not number:
            raise BenchError("Xvfb did not report a display number")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def child_env(qpa_platform: str, display: str | None, pycache: Path) -> dict[str, str]:
    """The parent's environment, with the Qt platform and bytecode caching always on.

    An installed app runs from compiled bytecode; without a cache (PYTHONDONTWRITEBYTECODE)
    every run would compile sgdesk's sources again. The private cache keeps the checkout clean;
    the warm-up runs fill it.
    """
    env = dict(os.environ, QT_QPA_PLATFORM=qpa_platform, PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if display is not None:
        env["DISPLAY"] = display
    return env


def make_variants(scratch: Path, frozen: Path | None = None, before: Path | None = None) -> list[Variant]:
    """sgdesk with a fresh data folder per run, sgdesk restoring its last page, the bare window;
    given ``frozen`` (dist/sgdesk/sgdesk), the PyInstaller build with a fresh folder; given
    ``before`` (another checkout, e.g. a git worktree of an earlier commit), that sgdesk too."""
    warm_dir = scratch / "warm"
    warm_dir.mkdir(parents=True, exist_ok=True)
    (warm_dir / "sgdesk.ini").write_text(f"[reading]\nlast_node={LAST_PAGE}\n", encoding="utf-8")
    app = [sys.executable, "-m", "sgdesk", "--exit-after-paint", "--data-dir"]

    def fresh(command: list[str]) -> Callable[[], list[str]]:
        return lambda: [*command, tempfile.mkdtemp(prefix="fresh-", dir=scratch)]

    variants = [
        Variant("app", "sgdesk, carpeta nueva", fresh(app), "mision"),
        Variant("bare", "Ventana mínima: árbol y texto (base)", lambda: [sys.executable, str(BARE_WINDOW)]),
        Variant("app_warm", "sgdesk, última página restaurada", lambda: [*app, str(warm_dir)], LAST_PAGE),
    ]
    reader_only = [sys.executable, str(READER_ONLY), "mision"]
    variants.append(
        Variant("reader_only", "experimento: solo índice y página", lambda: reader_only, "mision")
    )
    tabs_dir = scratch / "tabs"
    _seed_tabs(tabs_dir)
    variants.append(
        Variant("app_tabs", "sgdesk, 4 pestañas restauradas", lambda: [*app, str(tabs_dir)], LAST_PAGE)
    )
    if frozen is not None:
        command = [str(frozen), "--exit-after-paint", "--data-dir"]
        variants.append(Variant("frozen", "sgdesk congelado, carpeta nueva", fresh(command), "mision"))
    if before is not None:
        label = f"sgdesk en {before.name}, carpeta nueva"
        variants.append(Variant("before", label, fresh(app), None, before.resolve()))
    return variants


def _seed_tabs(folder: Path) -> None:
    """Settings as the window leaves them with four tabs open (written by QSettings itself)."""
    import json

    from PySide6.QtCore import QSettings

    folder.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / "sgdesk.ini"), QSettings.Format.IniFormat)
    settings.setValue("reading/last_node", "mision")
    settings.setValue("reading/tabs", json.dumps(TABS))
    settings.sync()


def run(runs: int, qpa_platform: str, progress: IO[str] = sys.stderr, frozen: Path | None = None,
        before: Path | None = None) -> Result:  # fmt: skip
    with contextlib.ExitStack() as stack:
        display = stack.enter_context(xvfb_display()) if qpa_platform == "xcb" else None
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sgdesk-bench-")))
        env = child_env(qpa_platform, display, scratch / "pycache")
        variants = make_variants(scratch, frozen, before)
        timings: dict[str, list[float]] = {v.key: [] for v in variants}
        cpu: dict[str, list[float]] = {v.key: [] for v in variants}
        for round_number in range(-WARMUP_RUNS, runs):
            for variant in variants:
                elapsed, used = first_paint(variant.argv(), env, variant.page, variant.cwd)
                if round_number >= 0:
                    timings[variant.key].append(elapsed)
                    if used is not None:
                        cpu[variant.key].append(used)
            progress.write("w" if round_number < 0 else ".")
            progress.flush()
        progress.write("\n")
        machine = machine_info(qpa_platform, display)
    return Result(qpa_platform, runs, variants, timings, machine, cpu)


def machine_info(qpa_platform: str, display: str | None) -> dict[str, str]:
    import PySide6
    from PySide6 import QtCore

    cores = str(os.cpu_count() or "?")
    if hasattr(os, "sched_getaffinity"):
        cores += f" ({len(os.sched_getaffinity(0))} usable)"
    plugin = qpa_platform if display is None else f"{qpa_platform} (Xvfb {display}, 1366x768x24)"
    return {
        "CPU": _cpu_model(),
        "Cores": cores,
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "PySide6 / Qt": f"{PySide6.__version__} / {QtCore.qVersion()}",
        "SQLite": sqlite3.sqlite_version,
        "Qt platform plugin": plugin,
    }


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Hardware", "Processor") and value.strip():
                return value.strip()
    return platform.processor() or platform.machine() or "?"


def report(result: Result) -> str:
    """The machine, then one table row per variant, then the aim."""
    labels = {
        "CPU": "CPU",
        "Cores": "Núcleos",
        "OS": "Sistema",
        "Python": "Python",
        "PySide6 / Qt": "PySide6 / Qt",
        "SQLite": "SQLite",
        "Qt platform plugin": "Plugin de plataforma Qt",
    }
    width = max(len(label) for label in labels.values())
    lines = [f"{labels[key]:<{width}}  {value}" for key, value in result.machine.items()]
    lines += [
        "",
        f"Tiempo hasta la primera ventana pintada, en ms ({result.runs} corridas por variante, "
        f"{WARMUP_RUNS} de calentamiento, intercaladas); CPU: mediana del tiempo de procesador que "
        "el proceso dice haber usado hasta ese momento",
        "",
    ]
    name_width = max(len(v.label) for v in result.variants)
    header = (f"{'Variante':<{name_width}}  {'Mediana':>8}  {'p95':>8}  {'Mín':>8}  {'Máx':>8}  {'÷ base':>7}"
              f"  {'CPU':>6}  {'÷ base':>7}")  # fmt: skip
    lines += [header, "-" * len(header)]
    for variant in result.variants:
        s = result.summary(variant.key)
        times = f"{s.median:>8.1f}  {s.p95:>8.1f}  {s.min:>8.1f}  {s.max:>8.1f}"
        cpu_ratio = result.cpu_ratio(variant.key)
        used = (f"{summarize(result.cpu[variant.key]).median:>6.0f}  {cpu_ratio:>6.2f}×" if cpu_ratio
                else f"{'—':>6}  {'—':>7}")  # fmt: skip
        lines.append(f"{variant.label:<{name_width}}  {times}  {result.ratio(variant.key):>6.2f}×  {used}")
    lines.append("")
    for key, label in (("app", "carpeta nueva"), ("app_warm", "última página restaurada"),
                       ("app_tabs", "4 pestañas restauradas")):  # fmt: skip
        ratio = result.ratio(key)
        verdict = "cumplido" if ratio <= AIM else "NO cumplido"
        lines.append(f"Razón de medianas app/base ({label}): {ratio:.2f}×  objetivo ≤ {AIM}×: {verdict}")
    return "\n".join(lines)
