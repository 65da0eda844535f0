"""Errors of content packs: each with a message for the user, in Spanish."""

from __future__ import annotations

from sgdesk.errors import SgdeskError


class PackError(SgdeskError):
    """A pack that cannot be built, verified or installed; nothing installed was touched."""


class DowngradeError(PackError):
    """The pack is not newer than the installed content: installing it needs a confirmation."""

    def __init__(self, message: str, pack_version: str, installed_version: str) -> None:
        super().__init__(message)
        self.pack_version = pack_version
        self.installed_version = installed_version
