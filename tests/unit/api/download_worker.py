"""Run as a process by test_download_processes: one QGIS window's download of one asset.

Arguments: sandbox URL, user, password, asset key, asset href, folder, a flag file written
once the first bytes are on disk, and "slow" or "fast" (slow: a pause per chunk, so the other
process surely arrives while this one is writing). Prints the finished path."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, Up42Client
from up42_qgis.api.download import DownloadEngine
from up42_qgis.api.models import Asset


def main() -> None:
    url, user, password, key, href, folder, flag, pace = sys.argv[1:9]
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")

    def progress(done: int, _total: int | None) -> None:
        if done > 0:
            Path(flag).touch()
        if pace == "slow":
            time.sleep(0.15)

    with Up42Client(Endpoints.custom(url), Credentials(user, password),
                    NetworkOptions(user_agent="up42-qgis-tests")) as client:
        path = DownloadEngine(client, chunk_size=1024 * 1024).download_asset(
            Asset(key, href), folder, progress=progress)
    print(path)


if __name__ == "__main__":
    main()
