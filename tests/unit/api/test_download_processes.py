"""Two downloads of one file at once, as two QGIS windows on one profile resume the same
interrupted download: two real processes (and two threads) against the sandbox. One writes,
the other waits for it and then finds the finished file; the bytes are the source's."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.unit.api.conftest import fulfilled_order
from tests.unit.api.test_download_sandbox import signed_gets
from up42_qgis.api.download import DownloadEngine

ROOT = Path(__file__).resolve().parents[3]
SIZE = 12 * 1024 * 1024 + 4321


def large_asset(sandbox, up42):
    sandbox.configure(asset_size_bytes=SIZE)
    order = fulfilled_order(up42)
    return next(a for a in up42.delivery(order.id).assets if a.key.startswith("large"))


def start_worker(sandbox, asset, folder: Path, flag: Path, pace: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.api.download_worker", sandbox.url, sandbox.username,
         sandbox.password, asset.key, asset.href, str(folder), str(flag), pace],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_never_write_one_part_together(sandbox, up42, tmp_path):
    asset = large_asset(sandbox, up42)
    source = sandbox.asset_bytes(asset.asset_id)
    sandbox.clear_log()
    flag = tmp_path / "first-bytes"
    first = start_worker(sandbox, asset, tmp_path / "out", flag, "slow")
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    second = start_worker(sandbox, asset, tmp_path / "out", tmp_path / "unused", "fast")
    out_first, err_first = first.communicate(timeout=120)
    out_second, err_second = second.communicate(timeout=120)
    assert first.returncode == 0, err_first
    assert second.returncode == 0, err_second
    assert out_first.strip() == out_second.strip() == str(tmp_path / "out" / "large.bin")
    assert "being downloaded by another QGIS" in err_second
    assert (tmp_path / "out" / "large.bin").read_bytes() == source
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["large.bin"]
    # One whole download; the waiter only probed the finished file's size.
    assert sorted(signed_gets(sandbox)) == [200, 206]


def test_two_threads_share_one_download(sandbox, up42, tmp_path):
    asset = large_asset(sandbox, up42)
    sandbox.clear_log()
    results: list[Path] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(DownloadEngine(up42, chunk_size=64 * 1024).download_asset(
                asset, tmp_path))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    assert results == [tmp_path / "large.bin"] * 2
    assert results[0].read_bytes() == sandbox.asset_bytes(asset.asset_id)
    assert sorted(signed_gets(sandbox)) == [200, 206]
