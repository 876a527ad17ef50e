"""The one sanitiser for paths built from server data, and download file names (contract
§8.2): hostile ids stay inside the folder, names fit 255 bytes of UTF-8 with their extension."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from up42_qgis.api.delivery import deliver_order, order_folder
from up42_qgis.api.download import safe_filename
from up42_qgis.api.errors import DownloadError
from up42_qgis.api.safe_paths import contained_path, shorten_name
from up42_qgis.api.signed_urls import download_filename

HOSTILE_IDS = ["../../..", "..", ".", "", "/etc", "/", "C:\\Windows\\System32", "C:", "a/../../b",
               "..\\..\\x", " . ", "CON", "nul.txt", "\x00evil", "a" * 400]


@pytest.mark.parametrize("part", HOSTILE_IDS)
def test_contained_path_never_leaves_the_folder(tmp_path, part):
    root = tmp_path / "orders"
    path = contained_path(root, part)
    assert path.parent == root
    assert path.resolve().is_relative_to(root.resolve())
    assert path.name not in ("", ".", "..")
    assert "/" not in path.name
    assert "\\" not in path.name
    assert len(path.name.encode()) <= 255
    assert path.name.split(".")[0].upper() not in ("CON", "NUL")


def test_contained_path_refuses_a_symlink_leading_outside(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "root" / "item").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.raises(DownloadError, match="outside"):
        contained_path(tmp_path / "root", "item")


@pytest.mark.parametrize("name", ["Ü" * 200 + ".tif", "画像" * 100 + ".tar.gz", "x" * 300])
def test_long_names_are_cut_in_bytes_keeping_the_extension(name):
    short = safe_filename(name)
    assert len(short.encode("utf-8")) <= 235  # room for ".part", ".lock" on a 255-byte FS
    assert short.encode("utf-8").decode("utf-8") == short  # never half a character
    for suffix in (".tif", ".tar.gz"):
        if name.endswith(suffix):
            assert short.endswith(suffix)
    assert shorten_name(short) == short


def test_a_long_name_can_be_created_with_its_part_file(tmp_path):
    name = safe_filename("Ü" * 200 + ".tif")
    (tmp_path / (name + ".part")).write_bytes(b"x")  # 255 bytes of UTF-8 would be refused
    assert (tmp_path / (name + ".part")).exists()


def signed(filename: str | None, path: str = "/signed/abc") -> str:
    if filename is None:
        return f"https://storage.example{path}?X-Expires=1"
    disposition = quote(f'attachment; filename="{filename}"', safe="")
    return f"https://storage.example{path}?response-content-disposition={disposition}"


@pytest.mark.parametrize(("url", "expected"), [
    (signed("ms.tif"), "ms.tif"),
    (signed("DS_PHR1A", "/bucket/obj.zip"), "DS_PHR1A.zip"),  # the SDK adds the path's
    (signed("ms.tif", "/bucket/obj.bin"), "ms.tif"),  # extension only when there is none
    (signed(None, "/bucket/obj.tgz"), "asset-key.tgz"),  # no filename: the asset key
    (signed("../../etc/passwd"), "passwd"),
    (signed(".."), "asset-key"),
])
def test_download_names_follow_the_contract(url, expected):
    assert download_filename(url, "asset-key") == expected


def test_deliver_order_keeps_hostile_item_ids_inside_the_order_folder(sandbox, up42, tmp_path):
    from tests.unit.api.conftest import fulfilled_order
    from up42_qgis.api.models import Delivery

    order = fulfilled_order(up42, "Hostile ids")
    real = up42.delivery(order.id)
    assert len(real.items) == 2
    ids = ["../../../escaped", "/tmp/absolute-" + tmp_path.name]
    hostile = Delivery(order.id, tuple(
        type(item)(**{**item.__dict__, "id": new_id}) for item, new_id in zip(
            real.items, ids, strict=True)), real.collection_assets)
    up42.delivery = lambda _order_id: hostile  # what a hostile storage API would list
    deliver_order(up42, order.id, tmp_path / "root")
    folder = order_folder(tmp_path / "root", order.id, "Hostile ids")
    written = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert written
    assert all(folder in p.parents for p in written), written
    assert not Path("/tmp/absolute-" + tmp_path.name).exists()
    item_folders = [p for p in folder.iterdir() if p.is_dir()]
    # The one layout (api/delivery.py): an item folder ends with the first 8 characters of
    # the sanitised id, so both hostile ids land in named folders inside the order folder.
    names = [p.name for p in item_folders]
    for short in ("escaped", "tmp_abso"):
        assert any(name == short or name.endswith(f"_{short}") for name in names), names
