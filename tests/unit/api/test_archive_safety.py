"""unpack_archive on archives built here: the kind comes from the content (a TGZ named .zip,
a ZIP with no suffix), ZIP and TAR/TGZ refuse the same hostile entries before writing, and
zip bombs are refused by ratio and by free space, for both kinds."""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest

from up42_qgis.api import archive_rules
from up42_qgis.api.archive import archive_folder, archive_kind, safe_extract_zip, unpack_archive
from up42_qgis.api.errors import DownloadError

TIF = b"II*\x00" + bytes(range(256)) * 40


def build_tar(path: Path, entries: dict[str, bytes], mode: str = "w:gz",
              special: dict[str, bytes] | None = None) -> Path:
    """``special`` maps names to tarfile type flags (SYMTYPE, LNKTYPE, CHRTYPE, FIFOTYPE)."""
    with tarfile.open(path, mode) as archive:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, kind in (special or {}).items():
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "/etc/passwd"
            archive.addfile(info)
    return path


def build_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def relative(files: list[Path], root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in files)


def test_a_tgz_named_zip_unpacks_like_the_sdk_with_output_stripped(tmp_path):
    archive = build_tar(tmp_path / "DS_SPOT.zip", {
        "output/DS_SPOT/IMG_MS.TIF": TIF, "output/DS_SPOT/metadata.json": b"{}"})
    assert archive_kind(archive) == "tar"
    files = safe_extract_zip(archive, tmp_path / "out")  # the name other code calls
    assert relative(files, tmp_path / "out") == ["DS_SPOT/IMG_MS.TIF", "DS_SPOT/metadata.json"]
    assert (tmp_path / "out/DS_SPOT/IMG_MS.TIF").read_bytes() == TIF


@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz"])
def test_plain_and_compressed_tarballs_unpack(tmp_path, mode):
    archive = build_tar(tmp_path / "delivery", {"a/b.tif": TIF}, mode)
    files = unpack_archive(archive)
    assert files == [tmp_path / "delivery_unpacked" / "a" / "b.tif"]
    assert files[0].read_bytes() == TIF


def test_a_zip_without_a_zip_suffix_is_found_by_content(tmp_path):
    archive = build_zip(tmp_path / "original_delivery", {"output/x/IMG.tif": TIF})
    files = unpack_archive(archive)
    assert relative(files or [], tmp_path) == ["original_delivery_unpacked/x/IMG.tif"]


def test_files_that_are_no_archive_are_left_alone(tmp_path):
    for name, data in (("ms.tif", TIF), ("metadata.json", b"{}"), ("data.gz", b"\x1f")):
        (tmp_path / name).write_bytes(data)
        assert unpack_archive(tmp_path / name) is None
    gzipped = tmp_path / "single.gz"
    gzipped.write_bytes(gzip.compress(b"not a tar"))
    with pytest.raises(DownloadError, match="not a readable TAR"):
        unpack_archive(gzipped)


def test_archive_folders_drop_the_archive_suffix(tmp_path):
    assert archive_folder(tmp_path / "a.tar.gz") == tmp_path / "a"
    assert archive_folder(tmp_path / "a.TGZ") == tmp_path / "a"
    assert archive_folder(tmp_path / "a.zip") == tmp_path / "a"
    assert archive_folder(tmp_path / "a") == tmp_path / "a_unpacked"


@pytest.mark.parametrize("evil_name", [
    "../escaped.txt", "output/../../escaped.txt", "/tmp/absolute.txt", "C:/windows.txt",
    "..\\escaped.txt"])
@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_entries_outside_the_folder_are_refused_before_writing(tmp_path, evil_name, kind):
    entries = {"good.txt": b"fine", evil_name: b"owned"}
    archive = (build_zip(tmp_path / "evil.zip", entries) if kind == "zip"
               else build_tar(tmp_path / "evil.zip", entries))
    target = tmp_path / "deep" / "out"
    with pytest.raises(DownloadError, match=r"evil\.zip was refused"):
        unpack_archive(archive, target)
    assert not (tmp_path / "deep" / "escaped.txt").exists()
    assert not (target / "good.txt").exists()


@pytest.mark.parametrize(("kind", "message"), [
    (tarfile.SYMTYPE, "link"), (tarfile.LNKTYPE, "link"),
    (tarfile.CHRTYPE, "special file"), (tarfile.BLKTYPE, "special file"),
    (tarfile.FIFOTYPE, "special file")])
def test_tar_links_devices_and_fifos_are_refused(tmp_path, kind, message):
    archive = build_tar(tmp_path / "odd.tgz", {"good.txt": b"fine"}, special={"thing": kind})
    with pytest.raises(DownloadError, match=message):
        unpack_archive(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "good.txt").exists()
    assert not (tmp_path / "out" / "thing").exists()


BOMB = 40 * 1024 * 1024  # zeros: 40 MiB from about 40 KiB, a ratio near 1000


@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_a_zip_bomb_is_refused_by_its_ratio_before_writing(tmp_path, kind):
    entries = {"zeros.bin": bytes(BOMB)}
    archive = (build_zip(tmp_path / "bomb.zip", entries) if kind == "zip"
               else build_tar(tmp_path / "bomb.tgz", entries))
    assert archive.stat().st_size < BOMB / 500
    with pytest.raises(DownloadError, match=r"expand \d+ times"):
        safe_extract_zip(archive, tmp_path / "out")
    assert not list((tmp_path / "out").rglob("*.bin*"))


DiskUsage = namedtuple("DiskUsage", "total used free")


@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_an_archive_larger_than_the_free_space_is_refused(tmp_path, kind, monkeypatch):
    data = bytes(range(256)) * 4096 * 8  # 8 MiB that compress 250 times: no ratio refusal
    entries = {"a.tif": data}
    archive = (build_zip(tmp_path / "big.zip", entries) if kind == "zip"
               else build_tar(tmp_path / "big.tgz", entries))
    free = archive_rules.FREE_SPACE_RESERVE + 4 * 1024 * 1024
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: DiskUsage(10**12, 0, free))
    with pytest.raises(DownloadError, match="only 4 MiB are free"):
        safe_extract_zip(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "a.tif").exists()
