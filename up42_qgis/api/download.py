"""Downloads that never lose work: stream to ``<name>.part``, resume with ``Range`` after a
dropped connection or a restart, refresh expired signed URLs, check the size, rename
atomically, never overwrite a finished file unless asked; unpack ZIPs safely."""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

import requests

from .archive import safe_extract_zip
from .download_stream import write_body
from .errors import CancelledError, DownloadError, NetworkError, Up42Error
from .models import Asset

if TYPE_CHECKING:
    from .client import Up42Client

__all__ = [
    "DownloadEngine",
    "filename_from_signed_url",
    "safe_extract_zip",  # re-exported: the download tasks unpack with it
    "safe_filename",
]

log = logging.getLogger("up42_qgis.api")

MIB = 1024 * 1024
MIN_CHUNK_SIZE = 64 * 1024
# Progress and the cancel check come once per chunk (also the piece size when decoding).
DEFAULT_CHUNK_SIZE = 4 * MIB
RESUME_ATTEMPTS = 5
URL_REFRESHES = 3

Progress = Callable[[int, int | None], None]
AssetProgress = Callable[[Asset, int, int | None], None]
IsCancelled = Callable[[], bool]

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)")
_FILENAME = re.compile(r'filename\s*=\s*"?([^";]+)"?')

_path_locks: dict[str, threading.Lock] = {}
_path_locks_guard = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    """One lock per target file across engines: two tasks never write the same .part."""
    key = str(path.resolve())
    with _path_locks_guard:
        return _path_locks.setdefault(key, threading.Lock())


def safe_filename(name: str, fallback: str = "download") -> str:
    """A file name without folders or characters any OS refuses."""
    base = re.split(r"[/\\]", name.strip())[-1] if name else ""
    base = _UNSAFE_CHARS.sub("_", base).strip(" .")
    if not base:
        base = _UNSAFE_CHARS.sub("_", fallback).strip(" .") or "download"
    if len(base) > 200:
        stem, dot, suffix = base.rpartition(".")
        base = f"{stem[: 190 - len(suffix)]}.{suffix}" if dot and len(suffix) < 10 else base[:200]
    return base


def filename_from_signed_url(url: str) -> str | None:
    """The ``filename`` of a signed URL's ``response-content-disposition`` parameter."""
    values = parse_qs(urlsplit(url).query).get("response-content-disposition")
    if not values:
        return None
    disposition = values[0]
    match = _FILENAME_STAR.search(disposition)
    if match:
        return unquote(match.group(1).strip())
    match = _FILENAME.search(disposition)
    return match.group(1).strip() if match else None


class DownloadEngine:
    def __init__(
        self,
        client: Up42Client,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_workers: int = 3,
        resume_attempts: int = RESUME_ATTEMPTS,
    ) -> None:
        self.client = client
        self.chunk_size = max(MIN_CHUNK_SIZE, int(chunk_size))
        self.max_workers = max(1, int(max_workers))
        self.resume_attempts = resume_attempts

    # --- one asset ---------------------------------------------------------------------------
    def download_asset(
        self,
        asset: Asset,
        folder: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        overwrite: bool = False,
    ) -> Path:
        """The finished file's path. An existing finished file is returned untouched unless
        ``overwrite``; a ``.part`` left by an earlier attempt is resumed."""
        folder = Path(folder)
        _raise_if_cancelled(is_cancelled)
        url = self.client.signed_url(asset.href)
        name = safe_filename(filename_from_signed_url(url) or "", asset.key or asset.asset_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DownloadError(f"Cannot create the folder {folder}: {error.strerror}") from None
        target = folder / name
        with _lock_for(target):
            if target.exists() and not overwrite:
                log.info("%s exists already: not downloaded again", target)
                return target
            part = target.with_name(target.name + ".part")
            self._fetch(asset, url, part, progress, is_cancelled)
            try:
                os.replace(part, target)
            except OSError as error:
                raise DownloadError(
                    f"Cannot move the finished download to {target}: {error.strerror}"
                ) from None
        log.info("downloaded %s", target)
        return target

    def _fetch(
        self,
        asset: Asset,
        url: str,
        part: Path,
        progress: Progress | None,
        is_cancelled: IsCancelled | None,
    ) -> None:
        refreshes = 0
        drops = 0
        while True:
            _raise_if_cancelled(is_cancelled)
            offset = part.stat().st_size if part.exists() else 0
            try:
                response = self.client.open_signed(url, offset)
            except Up42Error as error:
                if error.status in (401, 403) and refreshes < URL_REFRESHES:
                    # Signed URLs live about five minutes: ask for a fresh one.
                    refreshes += 1
                    log.info("signed URL refused (%s): getting a fresh one", error.status)
                    url = self.client.signed_url(asset.href)
                    continue
                if error.status == 416 and offset > 0 and drops < self.resume_attempts:
                    # The .part is not a prefix of this file (changed, or longer): start over.
                    drops += 1
                    part.unlink(missing_ok=True)
                    continue
                raise
            with response:
                start, total = _response_range(response)
                if response.status_code != 206:
                    offset = 0  # the whole file came: the .part starts over
                elif start != offset:
                    raise DownloadError(f"The server sent an unexpected range for {part.stem}.")
                done = offset
                try:
                    done = self._stream(response, part, offset, total, progress, is_cancelled)
                except requests.RequestException as error:
                    # Count breaks without progress: a long download on a flaky line may
                    # break many times and still get there.
                    progressed = part.exists() and part.stat().st_size > offset
                    drops = 1 if progressed else drops + 1
                    if drops > self.resume_attempts:
                        raise NetworkError(
                            f"The download of {part.stem} kept breaking off; it will resume "
                            "from where it stopped next time."
                        ) from None
                    log.info(
                        "download of %s broke off (%s): resuming", part.stem, type(error).__name__
                    )
                    pause = self.client.retry.delay(drops - 1)
                    if pause > 0:
                        self.client.retry.sleep(pause)
                    continue
            if total is not None and done < total:
                # The stream ended early without an error (urllib3 1.x does not check).
                drops = 1 if done > offset else drops + 1
                if drops > self.resume_attempts:
                    raise DownloadError(
                        f"The download of {part.stem} stopped at {done} of {total} bytes."
                    )
                continue
            if total is not None and done > total:
                part.unlink(missing_ok=True)
                raise DownloadError(
                    f"The download of {part.stem} is larger than announced ({done} > {total} "
                    "bytes); it was discarded."
                )
            return

    def _stream(
        self,
        response: requests.Response,
        part: Path,
        offset: int,
        total: int | None,
        progress: Progress | None,
        is_cancelled: IsCancelled | None,
    ) -> int:
        done = offset
        try:
            with open(part, "ab" if offset else "wb") as out:
                if progress:
                    progress(done, total)
                for written in write_body(response, out, self.chunk_size):
                    done += written
                    if progress:
                        progress(done, total)
                    # Not after the last piece: a complete .part would be refused (416)
                    # and fetched again from zero by the next attempt.
                    finished = total is not None and done >= total
                    if is_cancelled is not None and is_cancelled() and not finished:
                        raise CancelledError("Download cancelled; it will resume next time.")
        except requests.RequestException:
            raise  # a network failure (requests' errors are OSErrors too): the caller resumes
        except OSError as error:
            raise DownloadError(f"Cannot write {part}: {error.strerror or error}") from None
        return done

    # --- many assets -------------------------------------------------------------------------
    def download_assets(
        self,
        assets: Sequence[Asset],
        folder: str | os.PathLike[str],
        progress: AssetProgress | None = None,
        is_cancelled: IsCancelled | None = None,
        overwrite: bool = False,
    ) -> list[Path]:
        """Several assets at once (``max_workers``), paths in the order of ``assets``."""
        return self.download_to(
            [(a, Path(folder)) for a in assets], progress, is_cancelled, overwrite
        )

    def download_to(
        self,
        jobs: Iterable[tuple[Asset, Path]],
        progress: AssetProgress | None = None,
        is_cancelled: IsCancelled | None = None,
        overwrite: bool = False,
    ) -> list[Path]:
        """Each asset into its own folder. Every download runs to its end even when another
        fails (finished files are kept); then the first error is raised."""

        def one(asset: Asset, folder: Path) -> Path:
            def report(done: int, total: int | None) -> None:
                if progress:
                    progress(asset, done, total)

            return self.download_asset(
                asset, folder, progress=report, is_cancelled=is_cancelled, overwrite=overwrite
            )

        jobs = list(jobs)
        with ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix="up42-dl") as pool:
            futures = [pool.submit(one, asset, folder) for asset, folder in jobs]
        paths: list[Path] = []
        errors: list[BaseException] = []
        for future in futures:
            error = future.exception()
            if error is None:
                paths.append(future.result())
            else:
                errors.append(error)
        if errors:
            # A cancellation is the answer when the user cancelled; otherwise the real failure.
            real = [e for e in errors if not isinstance(e, CancelledError)]
            raise (real or errors)[0]
        return paths


def _raise_if_cancelled(is_cancelled: IsCancelled | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise CancelledError("Download cancelled; it will resume next time.")


def _response_range(response: requests.Response) -> tuple[int, int | None]:
    """(first byte, total size) of a 200 or 206 answer; total None when not announced."""
    if response.status_code == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if not match:
            raise DownloadError("The server answered a resume request without Content-Range.")
        total = None if match.group(3) == "*" else int(match.group(3))
        return int(match.group(1)), total
    length = response.headers.get("Content-Length")
    return 0, int(length) if length and length.isdigit() else None
