"""Seeded damage to a copy of the shipped database: 240 variants × tree, show, search, export.

Each command either gives the intact file's output, or ends with a one-line Spanish error (exit
2), or — when the damage hit a stored text SQLite cannot know is wrong — gives other output
cleanly. Never a traceback (stderr or log), never a hang (a per-command timeout), never a file
left behind. The commands run in-process in a worker (fast); a few variants also run as real
``sgdesk`` processes. The figures go to ``corruption-fuzz.json`` in the test's folder.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sgdesk import paths
from tests.corruption_worker import COMMANDS, damage

SEED = 1717
VARIANTS = 240
COMMAND_TIMEOUT = 30.0  # seconds without a line from the worker: a hang
REPO = Path(__file__).resolve().parents[1]


def _worker(base: Path, workdir: Path, first: int, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    workdir.mkdir(parents=True, exist_ok=True)
    with (workdir.parent / f"worker-{first}.err").open("w") as errors:  # the child keeps its own copy
        return subprocess.Popen(
            [sys.executable, "-m", "tests.corruption_worker", str(base), str(workdir), str(SEED), str(first),
             str(count)],
            stdout=subprocess.PIPE, stderr=errors, text=True, cwd=REPO, env=env,
        )  # fmt: skip


def run_variants(base: Path, workdir: Path, count: int) -> tuple[list[dict[str, object]], list[str]]:
    """Every record, and the commands that hung (the worker is restarted after the hung variant)."""
    records: list[dict[str, object]] = []
    hangs: list[str] = []
    first = 0
    while first < count:
        worker = _worker(base, workdir, first, count - first)
        assert worker.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(worker.stdout, selectors.EVENT_READ)
        expected = (count - first) * len(COMMANDS)
        seen = 0
        while seen < expected:
            if not selector.select(COMMAND_TIMEOUT):
                variant = first + seen // len(COMMANDS)
                hangs.append(f"variant {variant} {list(COMMANDS)[seen % len(COMMANDS)]}")
                worker.kill()
                worker.wait()
                first = variant + 1
                break
            line = worker.stdout.readline()
            if not line:
                raise AssertionError(
                    f"the worker died: {worker.wait()} {worker.stderr.read() if worker.stderr else ''}"
                )
            records.append(json.loads(line))
            seen += 1
        else:
            assert worker.wait(timeout=60) == 0
            first = count
        selector.close()
        worker.stdout.close()
    return records, hangs


def classify(record: dict[str, object], intact: dict[str, str]) -> str:
    code, out, err, log = record["code"], str(record["stdout"]), str(record["stderr"]), str(record["log"])
    if "Traceback" in err + log or code not in (0, 2):
        return "traceback"
    if code == 2:
        lines = err.splitlines()
        spanish = len(lines) == 1 and lines[0].startswith("sgdesk: error: ") and out == ""
        return "spanish error" if spanish else "unclear error"
    if err:
        return "unclear error"
    if record["command"] == "export" or out == intact[str(record["command"])]:
        return "same output"
    return "other output"


def test_damaged_copies_never_give_a_traceback_a_hang_or_leftovers(tmp_path: Path, qapp: object) -> None:
    # qapp: the intact run exports in this process; it must reuse pytest-qt's QApplication, or
    # it would leave a bare QGuiApplication that breaks every widget test run after it.
    base = tmp_path / "sgdesk.db"
    base.write_bytes(paths.shipped_database().read_bytes())
    intact_records, _ = run_variants_intact(base, tmp_path / "intact")
    intact = {str(r["command"]): str(r["stdout"]) for r in intact_records}
    assert all(r["code"] == 0 for r in intact_records), intact_records

    records, hangs = run_variants(base, tmp_path / "variants", VARIANTS)
    outcomes = Counter(classify(r, intact) for r in records)
    by_command = {
        name: dict(Counter(classify(r, intact) for r in records if r["command"] == name)) for name in COMMANDS
    }
    tracebacks = [r for r in records if classify(r, intact) in ("traceback", "unclear error")]
    leftovers = [r for r in records if r["left"]]
    figures = {"variants": VARIANTS, "commands run": len(records), "hangs": hangs,
               "outcomes": dict(outcomes), "by command": by_command,
               "tracebacks": len(tracebacks), "leftovers": len(leftovers)}  # fmt: skip
    (tmp_path / "corruption-fuzz.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(json.dumps(figures, ensure_ascii=False))
    assert hangs == []
    assert tracebacks == [], [
        (r["variant"], r["damage"], r["command"], r["stderr"], r["log"]) for r in tracebacks[:3]
    ]
    assert leftovers == []
    assert len(records) == VARIANTS * len(COMMANDS)
    assert outcomes["spanish error"] >= VARIANTS // 10  # the damage is real: it is often detected


def run_variants_intact(base: Path, workdir: Path) -> tuple[list[dict[str, object]], list[str]]:
    """The commands on the undamaged file (variant -1 is never damaged: see ``damage``)."""
    from tests.corruption_worker import run_command

    workdir.mkdir()
    records: list[dict[str, object]] = []
    for name, template in COMMANDS.items():
        argv = [part.replace("{out}", str(workdir / "salida.pdf")) for part in template]
        code, out, err, log = run_command(base, argv)
        records.append({"command": name, "code": code, "stdout": out, "stderr": err, "log": log})
    return records, []


def test_a_few_damaged_copies_with_real_processes(tmp_path: Path) -> None:
    data = paths.shipped_database().read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for variant in (1, 2, 3, 7):  # a random page, a zeroed page, the first page, flipped bits
        damaged, how = damage(data, SEED, variant)
        database = tmp_path / f"v{variant}.db"
        database.write_bytes(damaged)
        for name, template in COMMANDS.items():
            argv = [part.replace("{out}", str(tmp_path / "salida.pdf")) for part in template]
            result = subprocess.run(
                [sys.executable, "-m", "sgdesk", "--database", str(database), *argv],
                capture_output=True, text=True, env=env, timeout=COMMAND_TIMEOUT * 2,
            )  # fmt: skip
            assert "Traceback" not in result.stderr, (how, name, result.stderr)
            assert result.returncode in (0, 2), (how, name, result.returncode, result.stderr)
            if result.returncode == 2:
                assert result.stderr.startswith("sgdesk: error: "), (how, name)
            (tmp_path / "salida.pdf").unlink(missing_ok=True)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            f"v{v}.db" for v in range(1, variant + 1) if v in (1, 2, 3, 7)
        )
