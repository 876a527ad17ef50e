"""Unpacking delivered archives through ONE entry point, ``unpack_archive``: the kind comes
from the content (a delivery named ``.zip`` may be a gzip tarball, a ZIP may have no suffix),
and ZIP and TAR/TGZ follow the same rules (``archive_rules``): every entry is checked before
anything is written, nothing lands outside the folder, no links or devices, and the unpacked
size is bounded by free space and compression ratio, before and while writing."""

from __future__ import annotations

import logging
import os
import stat
import zipfile
from pathlib import Path

from .archive_rules import (
    MAX_ENTRIES,
    MAX_UNZIPPED_BYTES,
    Budget,
    member_target,
    refused,
    write_member,
)
from .errors import DownloadError

__all__ = [
    "MAX_UNZIPPED_BYTES",
    "archive_folder",
    "archive_kind",
    "safe_extract_zip",
    "unpack_archive",
]

log = logging.getLogger("up42_qgis.api")
MAX_ZIP_ENTRIES = MAX_ENTRIES
_ARCHIVE_SUFFIXES = (".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".zip")


def archive_kind(path: str | os.PathLike[str]) -> str | None:
    """``"zip"``, ``"tar"`` (plain, gzip, bzip2 or xz compressed) or None, by magic bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")) or head[257:262] == b"ustar":
        return "tar"
    return None


def archive_folder(path: str | os.PathLike[str]) -> Path:
    """Where an archive unpacks: next to it, named after it without its archive suffix
    (``x.tar.gz`` → ``x``); ``<name>_unpacked`` when there is no suffix to drop."""
    path = Path(path)
    lower = path.name.lower()
    for suffix in _ARCHIVE_SUFFIXES:
        if lower.endswith(suffix) and len(path.name) > len(suffix):
            return path.with_name(path.name[: -len(suffix)])
    if path.suffix and path.stem:
        return path.with_name(path.stem)
    return path.with_name(f"{path.name}_unpacked")


def unpack_archive(
    path: str | os.PathLike[str],
    folder: str | os.PathLike[str] | None = None,
    max_total_bytes: int = MAX_UNZIPPED_BYTES,
) -> list[Path] | None:
    """The files unpacked from ``path`` into ``folder`` (default ``archive_folder(path)``);
    None when ``path`` is no archive. DownloadError for an unsafe or unreadable one."""
    path = Path(path)
    kind = archive_kind(path)
    if kind is None:
        return None
    target = Path(folder) if folder is not None else archive_folder(path)
    if kind == "zip":
        return _unpack_zip(path, target, max_total_bytes)
    from .archive_tar import unpack_tar

    return unpack_tar(path, target, max_total_bytes)


def safe_extract_zip(
    zip_path: str | os.PathLike[str],
    folder: str | os.PathLike[str],
    max_total_bytes: int = MAX_UNZIPPED_BYTES,
) -> list[Path]:
    """``unpack_archive`` for callers that know they hold an archive (the name is kept: a
    "ZIP" delivery may be a TGZ, which unpacks the same way). DownloadError if it is none."""
    files = unpack_archive(zip_path, folder, max_total_bytes)
    if files is None:
        name = Path(zip_path).name
        raise DownloadError(f"{name} is not a readable ZIP archive (nor a TAR or TGZ).")
    return files


def _unpack_zip(zip_path: Path, folder: Path, max_total_bytes: int) -> list[Path]:
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise DownloadError(f"{zip_path.name} is not a readable ZIP archive ({error}).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise refused(zip_path.name, f"it has {len(infos)} entries")
        folder.mkdir(parents=True, exist_ok=True)
        root = folder.resolve()
        budget = Budget(zip_path, folder, max_total_bytes)
        plan: list[tuple[zipfile.ZipInfo, Path]] = []
        announced = 0
        for info in infos:
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise refused(zip_path.name, f"it contains a symbolic link ({info.filename})")
            if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):  # devices, fifos
                raise refused(zip_path.name, f"it contains a special file ({info.filename})")
            target = member_target(root, info.filename, zip_path.name)
            if target is None:
                continue
            plan.append((info, target))
            if not info.is_dir():
                budget.check_entry(info.filename, info.file_size, info.compress_size)
                announced += info.file_size
        budget.check_total(announced)
        files: list[Path] = []
        for info, target in plan:
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            try:
                with archive.open(info) as source:
                    write_member(source, target, budget, info.file_size)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
                raise DownloadError(
                    f"Cannot unpack {info.filename} from {zip_path.name}: {error}"
                ) from None
            files.append(target)
        return files
