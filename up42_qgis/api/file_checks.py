"""Is a downloaded file whole? For a body whose size the server did not announce, the format
is the only witness (no GDAL here: api/ is stdlib only): a TIFF whose directories and image
data lie within the file, a ZIP whose central directory reads and whose entries fit, a TAR or
TGZ that reads to its end, JSON that parses. ``check_complete`` says True, False, or None when
the format is none of these (then only the framing or a ``Content-Range`` total can tell)."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import struct
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from .archive import archive_kind

MAX_IFDS = 10_000
_COMPRESSED = ((b"\x1f\x8b", gzip.open), (b"BZh", bz2.open), (b"\xfd7zXZ", lzma.open))
MAX_JSON_BYTES = 64 * 1024 * 1024
# Tags whose values, paired with their byte counts, locate the image data.
_DATA_TAGS = ((273, 279), (324, 325))  # StripOffsets/StripByteCounts, TileOffsets/-ByteCounts
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8,
               13: 4, 16: 8, 17: 8, 18: 8}
_INT_FORMATS = {1: "B", 3: "H", 4: "I", 13: "I", 16: "Q"}


def check_complete(path: Path) -> bool | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return tiff_complete(path)
    kind = archive_kind(path)
    if kind == "zip":
        return zip_complete(path)
    if kind == "tar":
        return tar_complete(path)
    if head[:1] in (b"{", b"[") and path.stat().st_size <= MAX_JSON_BYTES:
        try:
            json.loads(path.read_bytes())
        except ValueError:
            return False
        return True
    return None


def zip_complete(path: Path) -> bool:
    size = path.stat().st_size
    try:
        with zipfile.ZipFile(path) as archive:
            return all(i.header_offset + i.compress_size <= size for i in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def tar_complete(path: Path) -> bool:
    """A compressed tarball must decompress to its end (gzip checks its CRC and length);
    a plain one must hold every member's data and the end-of-archive blocks."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(6)
        opener = next((o for magic, o in _COMPRESSED if head.startswith(magic)), None)
        compressed = opener is not None
        if opener is not None:
            with opener(path) as stream:  # to its end: a cut stream raises EOFError
                while stream.read(1024 * 1024):
                    pass
        with tarfile.open(path, "r:*") as archive:
            members = archive.getmembers()
            last = members[-1] if members else None
            if compressed:
                return True
            size = path.stat().st_size
            if last is not None and last.offset_data + last.size > size:
                return False
            with open(path, "rb") as handle:
                handle.seek(archive.offset)
                return handle.read(1024) == bytes(1024)
    except (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError):
        return False


def tiff_complete(path: Path) -> bool:
    """Header, every IFD and every strip or tile (offset + byte count) within the file."""
    size = path.stat().st_size
    try:
        with open(path, "rb") as handle:
            return _tiff_within(handle, size)
    except (OSError, struct.error, ValueError):
        return False


def _tiff_within(handle: BinaryIO, size: int) -> bool:
    head = handle.read(16)
    order = "<" if head[:2] == b"II" else ">"
    big = struct.unpack(order + "H", head[2:4])[0] == 43
    if big:
        entry_count_format, entry_size, offset_format = "Q", 20, "Q"
        ifd = struct.unpack(order + "Q", head[8:16])[0]
    else:
        entry_count_format, entry_size, offset_format = "H", 12, "I"
        ifd = struct.unpack(order + "I", head[4:8])[0]
    inline = 8 if big else 4
    seen: set[int] = set()
    while ifd:
        if ifd in seen or len(seen) > MAX_IFDS or ifd + 2 > size:
            return False
        seen.add(ifd)
        handle.seek(ifd)
        count_size = struct.calcsize(entry_count_format)
        (count,) = struct.unpack(order + entry_count_format, handle.read(count_size))
        table = handle.read(count * entry_size + struct.calcsize(offset_format))
        if len(table) < count * entry_size + struct.calcsize(offset_format):
            return False
        values: dict[int, list[int]] = {}
        for index in range(count):
            entry = table[index * entry_size : (index + 1) * entry_size]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            number = struct.unpack(order + ("Q" if big else "I"), entry[4 : 4 + inline])[0]
            length = _TYPE_SIZES.get(kind, 1) * number
            raw = entry[4 + inline :]
            if length > inline:
                (where,) = struct.unpack(order + offset_format, raw[:inline])
                if where + length > size:
                    return False  # a value beyond the end: cut short
                if tag in (273, 279, 324, 325) and kind in _INT_FORMATS:
                    handle.seek(where)
                    raw = handle.read(length)
            if tag in (273, 279, 324, 325) and kind in _INT_FORMATS:
                fmt = order + _INT_FORMATS[kind] * number
                values[tag] = list(struct.unpack(fmt, raw[: struct.calcsize(fmt)]))
        for offsets_tag, counts_tag in _DATA_TAGS:
            offsets, counts = values.get(offsets_tag, []), values.get(counts_tag, [])
            if any(o + c > size for o, c in zip(offsets, counts, strict=False) if c):
                return False
        (ifd,) = struct.unpack(order + offset_format, table[count * entry_size :])
    return bool(seen)
