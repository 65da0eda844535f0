"""Look for a newer signed pack in an update folder (a share or a USB drive). No Qt: the GUI
runs this off its thread, with a timeout, because a share can be slow or gone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.packs.errors import PackError
from sgdesk.packs.manifest import Manifest, version_key

if TYPE_CHECKING:  # the window imports this module at start; packs are read only when checked
    from sgdesk.packs.keys import PublicKey

MAX_CANDIDATES = 50  # a folder full of files is read no further than this


@dataclass(frozen=True)
class Candidate:
    path: Path
    manifest: Manifest


def find_newer(
    folder: Path, installed_version: str | None, keys: list[PublicKey], min_edition: int = 0
) -> Candidate | None:
    """The newest pack in ``folder`` signed by a trusted key, newer than ``installed_version``
    and of an edition not older than ``min_edition`` (the shipped corpus's).

    Packs that are not valid or not signed by ``keys`` are skipped: they are not offered."""
    from sgdesk.packs import archive

    floor = version_key(installed_version) if installed_version else ()
    best: Candidate | None = None
    try:
        files = sorted(folder.glob(f"*{archive.SUFFIX}"))[:MAX_CANDIDATES]
    except OSError:
        return None
    for path in files:
        try:
            with archive.PackReader(path) as reader:
                manifest = reader.verify_signature(keys).manifest
        except (PackError, OSError):
            continue
        key = version_key(manifest.content_version)
        if manifest.edition < min_edition:
            continue
        if key > floor and (best is None or key > version_key(best.manifest.content_version)):
            best = Candidate(path, manifest)
    return best
