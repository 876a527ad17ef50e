"""Unpacking delivered ZIPs safely: every entry is checked before anything is written (no
``../``, absolute paths or symlinks leading outside the folder) and the unpacked size is
bounded, by the directory's sizes and again by the bytes that really come out."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

from .errors import DownloadError

MIB = 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024**3
MAX_ZIP_ENTRIES = 100_000


def _zip_target(root: Path, info: zipfile.ZipInfo, archive_name: str) -> Path | None:
    name = info.filename.replace("\\", "/")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise DownloadError(f"{archive_name} was refused: it contains a symbolic link ({name}).")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise DownloadError(f"{archive_name} was refused: it contains an absolute path ({name}).")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise DownloadError(
            f"{archive_name} was refused: the entry {name} points outside the target folder."
        )
    if len(parts) > 1 and parts[0] == "output":  # UP42 deliveries (the SDK strips it too)
        parts = parts[1:]
    if not parts:
        return None
    target = root.joinpath(*parts)
    # A folder already there may be a symlink leading elsewhere: judge the resolved path.
    if not target.resolve().is_relative_to(root):
        raise DownloadError(
            f"{archive_name} was refused: the entry {name} points outside the target folder."
        )
    return target


def safe_extract_zip(
    zip_path: str | os.PathLike[str],
    folder: str | os.PathLike[str],
    max_total_bytes: int = MAX_UNZIPPED_BYTES,
) -> list[Path]:
    """Unpack into ``folder`` after checking every entry: nothing outside the folder (``../``,
    absolute paths, symlinks), at most ``max_total_bytes`` unpacked. Returns the files."""
    zip_path = Path(zip_path)
    folder = Path(folder)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise DownloadError(f"{zip_path.name} is not a readable ZIP archive ({error}).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise DownloadError(f"{zip_path.name} was refused: it has {len(infos)} entries.")
        folder.mkdir(parents=True, exist_ok=True)
        root = folder.resolve()
        plan: list[tuple[zipfile.ZipInfo, Path]] = []
        announced = 0
        for info in infos:
            target = _zip_target(root, info, zip_path.name)
            if target is None:
                continue
            plan.append((info, target))
            announced += 0 if info.is_dir() else info.file_size
        if announced > max_total_bytes:
            raise DownloadError(
                f"{zip_path.name} was refused: it would unpack to {announced} bytes, more "
                f"than the limit of {max_total_bytes}."
            )
        return _extract(archive, plan, zip_path.name, max_total_bytes)


def _extract(
    archive: zipfile.ZipFile,
    plan: list[tuple[zipfile.ZipInfo, Path]],
    archive_name: str,
    max_total_bytes: int,
) -> list[Path]:
    written_total = 0
    files: list[Path] = []
    for info, target in plan:
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        try:
            with archive.open(info) as source, open(temporary, "wb") as out:
                # Sizes in the directory can lie (zip bombs): count what really comes out.
                while chunk := source.read(MIB):
                    written_total += len(chunk)
                    if written_total > max_total_bytes:
                        raise DownloadError(
                            f"{archive_name} was refused: it unpacks to more than "
                            f"{max_total_bytes} bytes."
                        )
                    out.write(chunk)
            os.replace(temporary, target)
        except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
            temporary.unlink(missing_ok=True)
            raise DownloadError(
                f"Cannot unpack {info.filename} from {archive_name}: {error}"
            ) from None
        except DownloadError:
            temporary.unlink(missing_ok=True)
            raise
        files.append(target)
    return files
