"""Runtime hook of sgdesk-cli.exe (build_installer.spec), run right after PyInstaller's own
bootstrap: the console companion carries an empty module archive (PYZ); this points
PyInstaller's importer at the archive inside sgdesk.exe, beside it in the same folder, so both
programs share one copy of every module (the companion was 4.6 MB, its bootloader is 0.4 MB).

The archive is found as PyInstaller's bootloader finds it: the cookie at the end of the
executable (searched backwards: a code signature may follow it) gives the package's table of
contents, whose "z" entry is the PYZ. Only the standard library already loaded at this point
(base_library.zip) is used.
"""

import os
import struct
import sys

COOKIE_MAGIC = b"MEI\014\013\012\013\016"
COOKIE_FORMAT = "!8sIIII64s"  # magic, package length, TOC offset, TOC length, Python version, libpython
ENTRY_FORMAT = "!IIIIBc"  # entry length, data offset, data length, uncompressed length, compressed, type
TAIL = 1 << 20  # where the cookie is looked for: the executable's last MiB


def pyz_location(executable: str) -> str:
    """``executable?offset`` of the PYZ inside a PyInstaller executable, as the bootloader sets it."""
    with open(executable, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        tail_start = max(0, size - TAIL)
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(COOKIE_MAGIC)
        if at < 0:
            raise RuntimeError(f"{executable} no es un programa de PyInstaller (sin cookie)")
        _magic, length, toc_offset, toc_length, _py, _lib = struct.unpack_from(COOKIE_FORMAT, tail, at)
        package_start = tail_start + at + struct.calcsize(COOKIE_FORMAT) - length
        handle.seek(package_start + toc_offset)
        toc = handle.read(toc_length)
    position = 0
    while position < len(toc):
        entry_length, offset, _size, _full, _zipped, kind = struct.unpack_from(ENTRY_FORMAT, toc, position)
        if kind == b"z":
            return f"{executable}?{package_start + offset}"
        position += entry_length
    raise RuntimeError(f"{executable} no lleva archivo de módulos (PYZ)")


def share_pyz(executable: str) -> None:
    # PyInstaller's bootstrap modules, loaded by the bootloader (only inside a frozen program)
    import pyimod01_archive
    import pyimod02_importers
    import pyimod03_ctypes

    archive = pyimod01_archive.ZlibArchiveReader(pyz_location(executable), check_pymagic=True)
    pyimod02_importers.pyz_archive = archive
    pyimod02_importers._pyz_tree = None  # the module tree of the empty archive, if built
    for path, finder in list(sys.path_importer_cache.items()):  # finders made over the empty one
        if isinstance(finder, pyimod02_importers.PyiFrozenFinder):
            del sys.path_importer_cache[path]
    if "ctypes" not in sys.modules:  # the bootstrap's ctypes hook found no ctypes in the empty archive
        pyimod03_ctypes.install()


if getattr(sys, "frozen", False):
    share_pyz(os.path.join(os.path.dirname(sys.executable), "sgdesk.exe"))
