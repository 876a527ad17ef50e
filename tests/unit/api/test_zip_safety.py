"""safe_extract_zip on archives built here: hostile entries are refused before anything is
written; a normal UP42 delivery unpacks with its ``output/`` prefix stripped."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from up42_qgis.api.download import safe_extract_zip
from up42_qgis.api.errors import DownloadError


def build_zip(
    path: Path, entries: dict[str, bytes], symlinks: dict[str, str] | None = None
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # Unix: external_attr carries the mode
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def test_a_delivery_unpacks_with_the_output_prefix_stripped(tmp_path):
    archive = build_zip(
        tmp_path / "delivery.zip",
        {
            "output/DS_PHR1A/IMG_01.tif": b"II*\x00" + b"x" * 1000,
            "output/DS_PHR1A/metadata.json": b"{}",
            "output/": b"",
        },
    )
    target = tmp_path / "out"
    files = safe_extract_zip(archive, target)
    assert sorted(p.relative_to(target).as_posix() for p in files) == [
        "DS_PHR1A/IMG_01.tif",
        "DS_PHR1A/metadata.json",
    ]
    assert (target / "DS_PHR1A/IMG_01.tif").read_bytes() == b"II*\x00" + b"x" * 1000
    assert not list(target.rglob("*.part"))


@pytest.mark.parametrize(
    "evil_name",
    [
        "../escaped.txt",
        "output/../../escaped.txt",
        "a/../../escaped.txt",
        "/tmp/absolute.txt",
        "C:/windows.txt",
        "..\\escaped.txt",
    ],
)
def test_entries_outside_the_folder_are_refused_and_nothing_is_written(tmp_path, evil_name):
    archive = build_zip(tmp_path / "evil.zip", {"good.txt": b"fine", evil_name: b"owned"})
    target = tmp_path / "deep" / "out"
    with pytest.raises(DownloadError) as caught:
        safe_extract_zip(archive, target)
    assert "evil.zip was refused" in str(caught.value)
    assert not (tmp_path / "deep" / "escaped.txt").exists()
    assert not (tmp_path / "escaped.txt").exists()
    assert not (target / "good.txt").exists()  # checked before anything was unpacked


def test_a_symlink_entry_is_refused(tmp_path):
    archive = build_zip(tmp_path / "link.zip", {"a.txt": b"a"}, symlinks={"passwd": "/etc/passwd"})
    with pytest.raises(DownloadError, match="symbolic link"):
        safe_extract_zip(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "passwd").exists()


def test_an_existing_symlinked_folder_cannot_lead_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = tmp_path / "out"
    target.mkdir()
    (target / "sub").symlink_to(outside, target_is_directory=True)
    archive = build_zip(tmp_path / "via-link.zip", {"sub/file.txt": b"x"})
    with pytest.raises(DownloadError, match="outside the target folder"):
        safe_extract_zip(archive, target)
    assert not (outside / "file.txt").exists()


def test_the_unpacked_size_is_bounded(tmp_path):
    archive = build_zip(tmp_path / "bomb.zip", {"zeros.bin": bytes(5_000_000)})
    assert archive.stat().st_size < 100_000  # compresses well: a small bomb
    with pytest.raises(DownloadError, match="would unpack to 5000000 bytes"):
        safe_extract_zip(archive, tmp_path / "out", max_total_bytes=1_000_000)
    assert not (tmp_path / "out" / "zeros.bin").exists()


def test_a_lying_size_in_the_directory_is_caught_while_unpacking(tmp_path):
    archive = build_zip(tmp_path / "liar.zip", {"zeros.bin": bytes(3_000_000)})
    # Shrink the announced size in both headers, as a hand-made zip bomb would.
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as probe:
        info = probe.infolist()[0]
    size = (3_000_000).to_bytes(4, "little")
    assert data.count(size) == 2
    archive.write_bytes(bytes(data.replace(size, (10).to_bytes(4, "little"))))
    with pytest.raises(DownloadError):
        safe_extract_zip(archive, tmp_path / "out", max_total_bytes=1_000_000)
    assert info.file_size == 3_000_000
    assert not (tmp_path / "out" / "zeros.bin").exists()
    assert not list((tmp_path / "out").glob("*.part"))


def test_a_broken_archive_is_a_clear_download_error(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(DownloadError, match=r"broken\.zip is not a readable ZIP archive"):
        safe_extract_zip(broken, tmp_path / "out")
