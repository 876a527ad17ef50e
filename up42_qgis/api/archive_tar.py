"""TAR and TGZ deliveries (``application/gzip``, the SDK unpacks them too), by the same rules
as ZIPs: a first pass reads every header (refusing links, devices and fifos, unsafe names,
and sizes over the budget, before anything is written), a second pass writes regular files."""

from __future__ import annotations

import tarfile
import zlib
from pathlib import Path

from .archive_rules import MAX_ENTRIES, Budget, member_target, refused, write_member
from .errors import DownloadError

_READ_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error)


def unpack_tar(path: Path, folder: Path, max_total_bytes: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    budget = Budget(path, folder, max_total_bytes)
    plan = _plan(path, root, budget)
    files: list[Path] = []
    wanted = {name: target for name, target, _ in plan}
    try:
        with tarfile.open(path, "r:*") as archive:
            for member in archive:
                target = wanted.get(member.name)
                if target is None:
                    continue
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                source = archive.extractfile(member)
                if source is None:
                    continue
                with source:
                    write_member(source, target, budget, member.size)
                files.append(target)
    except _READ_ERRORS as error:
        raise DownloadError(f"Cannot unpack {path.name}: {error}") from None
    return files


def _plan(path: Path, root: Path, budget: Budget) -> list[tuple[str, Path, int]]:
    """Every member checked, reading headers only (a compressed stream is decompressed on
    the way, but nothing is written): stops as soon as the declared sizes exceed the budget."""
    plan: list[tuple[str, Path, int]] = []
    announced = 0
    try:
        with tarfile.open(path, "r:*") as archive:
            for count, member in enumerate(archive, start=1):
                if count > MAX_ENTRIES:
                    raise refused(path.name, f"it has more than {MAX_ENTRIES} entries")
                if member.issym() or member.islnk():
                    raise refused(path.name, f"it contains a link ({member.name})")
                if not (member.isfile() or member.isdir()):
                    raise refused(path.name, f"it contains a special file ({member.name})")
                target = member_target(root, member.name, path.name)
                if target is None:
                    continue
                plan.append((member.name, target, member.size))
                if member.isfile():
                    announced += member.size
                    budget.check_total(announced)
    except _READ_ERRORS as error:
        raise DownloadError(f"{path.name} is not a readable TAR archive ({error}).") from None
    return plan
