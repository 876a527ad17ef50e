"""THE sanitiser for every path built from server data (item ids, file names, display names,
archive entries): one component at a time, never a separator, ``..``, a drive or a name an OS
refuses, at most 255 bytes in UTF-8 (the limit of ext4, NTFS and APFS is in bytes or UTF-16
units, not characters), and a final check that the result stays inside the target folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import DownloadError

# Room for what the engine appends to a finished name (".part", ".lock", ".size-mismatch-9").
MAX_NAME_BYTES = 255 - 20
MAX_SUFFIX_BYTES = 16
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
# Windows refuses these as names whatever the extension (CON.tif, nul.txt …).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_DOUBLE_SUFFIXES = (".tar.gz", ".tar.bz2", ".tar.xz")


def _cut_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits ``max_bytes`` (never half a
    character)."""
    return text.encode("utf-8")[: max(0, max_bytes)].decode("utf-8", "ignore")


def shorten_name(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``name`` cut to ``max_bytes`` of UTF-8, keeping its extension (``.tar.gz`` whole)."""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    lower = name.lower()
    suffix = next((name[-len(s) :] for s in _DOUBLE_SUFFIXES if lower.endswith(s)), "")
    if not suffix:
        stem, dot, extension = name.rpartition(".")
        if dot and stem and len(f".{extension}".encode()) <= MAX_SUFFIX_BYTES:
            suffix = f".{extension}"
    stem = name[: len(name) - len(suffix)]
    return _cut_utf8(stem, max_bytes - len(suffix.encode("utf-8"))).rstrip(" .") + suffix


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _UNSAFE_CHARS.sub("_", text or "")).strip(" ._")


def safe_component(text: str, fallback: str = "download") -> str:
    """Free text (an id, a display name) as ONE path component: separators and characters
    any OS refuses become ``_``; never empty, ``.`` or ``..``; never a Windows device."""
    cleaned = _clean(text) or _clean(fallback) or "download"
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return shorten_name(cleaned)


def safe_filename(name: str, fallback: str = "download") -> str:
    """A file name from a server: its last path part (as browsers take a
    Content-Disposition name), made safe by ``safe_component``."""
    base = re.split(r"[/\\]", (name or "").strip())[-1]
    return safe_component(base, fallback)


def contained_path(root: str | os.PathLike[str], *parts: str) -> Path:
    """``root`` joined with each part made safe (``safe_component``); DownloadError when the
    result would still lead outside ``root`` (a symbolic link already in the folder)."""
    base = Path(root)
    path = base.joinpath(*(safe_component(part, "item") for part in parts))
    resolved_root = base.resolve()
    if path.resolve() != resolved_root and not path.resolve().is_relative_to(resolved_root):
        raise DownloadError(f"Refused to write outside {base}: {path.name} leads elsewhere.")
    return path


def order_folder(root: str | os.PathLike[str], order_id: str, display_name: str) -> Path:
    """One folder per order: ``<display name>_<first 8 of the id>``, safe on every OS."""
    short_id = safe_component(order_id, "order")[:8].strip(" ._") or "order"
    name = _cut_utf8(_clean(display_name), 160).strip(" ._")
    return contained_path(root, f"{name}_{short_id}" if name and name != short_id else short_id)
