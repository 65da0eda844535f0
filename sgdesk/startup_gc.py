"""The cyclic garbage collector during start-up (#11).

Opening the window creates some 50 000 objects that live as long as it does (modules, classes,
the window's parts) and almost no cyclic garbage (a few hundred objects). Left on, the collector
walks them about 70 times before the first frame: some 3 % of the start-up's processor time.
``pause`` (the first thing ``sgdesk`` does) turns it off; ``resume`` turns it back on, once the
first frame is painted (or by whatever throws the collector's switches first: the timeline's
loader), after putting what exists then in the permanent generation (``gc.freeze``), where
later collections leave it alone. Commands other than the window resume at once.

Standard library only: it runs before anything else is imported.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until ``resume`` (nothing if it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def paused() -> bool:
    return _paused


def resume() -> None:
    """End the start-up's pause: freeze what exists, collect again (nothing if there is no
    pause, or it ended already)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
