"""Names a module still gives after their classes moved to a module loaded at first use (#11
start-up: a frozen dataclass compiles its methods when its module loads, so the classes the
first frame does not need live apart, and the module they always came from hands them out)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_names(module: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module-level ``__getattr__`` for ``module``: each name of ``homes`` is taken from the
    module ``homes`` names for it, loaded then; any other name is an AttributeError as usual."""

    def attribute(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return getattr(importlib.import_module(home), name)

    return attribute
