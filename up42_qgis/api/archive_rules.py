"""The rules every delivered archive is unpacked by, ZIP and TAR alike: entry names that stay
inside the folder (no ``../``, absolute paths, drives), UP42's ``output/`` parts stripped, and
a byte budget derived from the free disk space and the compression ratio, checked before
anything is written (declared sizes) and again while writing (the bytes that come out)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import DownloadError
from .safe_paths import shorten_name

MIB = 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024**3
MAX_ENTRIES = 100_000
# Deflate reaches ~1000:1 on zeros; real imagery (even raw rasters with nodata borders)
# stays far below 100:1 once it is large. Small files may compress better: they are exempt.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 16 * MIB
# Never fill the disk to the last byte: QGIS, the OS and the project need room too.
FREE_SPACE_RESERVE = 64 * MIB


def refused(archive_name: str, why: str) -> DownloadError:
    return DownloadError(f"{archive_name} was refused: {why}.")


def member_parts(name: str, archive_name: str) -> list[str] | None:
    """The safe path parts of an archive entry (None: nothing to write, e.g. ``output/``);
    DownloadError for an absolute path, a drive or ``..``."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise refused(archive_name, f"it contains an absolute path ({name})")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise refused(archive_name, f"the entry {name} points outside the target folder")
    if "output" in parts[:-1]:  # UP42 deliveries (the SDK strips up to "output/" too)
        parts = parts[parts.index("output") + 1 :]
    if not parts:
        return None
    if any(re.search(r'[\x00-\x1f<>:"|?*]', p) or p.strip(" .") == "" for p in parts):
        raise refused(archive_name, f"the entry {name} has a name no OS accepts")
    return [shorten_name(p) for p in parts]


def member_target(root: Path, name: str, archive_name: str) -> Path | None:
    parts = member_parts(name, archive_name)
    if parts is None:
        return None
    target = root.joinpath(*parts)
    # A folder already there may be a symlink leading elsewhere: judge the resolved path.
    if not target.resolve().is_relative_to(root):
        raise refused(archive_name, f"the entry {name} points outside the target folder")
    return target


class Budget:
    """How many bytes an archive may unpack to: at most ``max_total`` (a caller's bound),
    the free space of the folder, and ``MAX_RATIO`` times the archive's size."""

    def __init__(self, archive: Path, folder: Path, max_total: int) -> None:
        self.archive_name = archive.name
        self.archive_size = max(1, archive.stat().st_size)
        free = shutil.disk_usage(folder).free - FREE_SPACE_RESERVE
        self.free = max(0, free)
        self.max_total = max_total
        self.written = 0

    def check_entry(self, name: str, size: int, compressed: int | None) -> None:
        if compressed is not None and size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(
            1, compressed
        ):
            raise refused(
                self.archive_name,
                f"{name} would expand {size // max(1, compressed)} times (a zip bomb?)",
            )

    def check_total(self, total: int) -> None:
        if total > self.max_total:
            raise refused(
                self.archive_name,
                f"it would unpack to {total} bytes, more than the limit of {self.max_total}",
            )
        if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * self.archive_size:
            raise refused(
                self.archive_name,
                f"it would expand {total // self.archive_size} times its size (a zip bomb?)",
            )
        if total > self.free:
            raise refused(
                self.archive_name,
                f"it needs {total // MIB} MiB but only {self.free // MIB} MiB are free",
            )

    def count(self, size: int) -> None:
        """Bytes really written so far; sizes in an archive's directory can lie."""
        self.written += size
        if self.written > self.max_total:
            raise refused(self.archive_name, f"it unpacks to more than {self.max_total} bytes")
        if self.written > RATIO_FLOOR_BYTES and self.written > MAX_RATIO * self.archive_size:
            raise refused(self.archive_name, "it expands more than 100 times (a zip bomb?)")
        if self.written > self.free:
            raise refused(self.archive_name, "it does not fit on the disk")


def write_member(source: IO[bytes], target: Path, budget: Budget, declared: int) -> None:
    """``source`` into ``target`` through a ``.part`` (removed on any failure), counted."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    try:
        with open(temporary, "wb") as out:
            written = 0
            for chunk in _chunks(source):
                written += len(chunk)
                if written > declared:
                    raise refused(budget.archive_name, f"{target.name} is larger than declared")
                budget.count(len(chunk))
                out.write(chunk)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _chunks(source: IO[bytes]) -> Iterator[bytes]:
    while chunk := source.read(MIB):
        yield chunk
