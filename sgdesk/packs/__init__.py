"""Content packs: signed, atomic content updates for offline workstations.

A pack (``.sgpack``) carries a corpus database and a signed manifest (``archive``,
``manifest``, ``keys``); ``build`` makes one from the sources; ``installed`` verifies and
installs packs into a data folder, says which content is current and rolls back; ``updates``
looks for a newer pack in an update folder. Library level: imports ``content`` and ``store``,
never Qt.
"""
