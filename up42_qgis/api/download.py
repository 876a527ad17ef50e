"""Downloads that never lose work: stream to ``<name>.part``, resume with ``Range`` after a
dropped connection or a restart, re-sign expired signed URLs (GCS answers 400, 401 or 403),
one writer per file across threads and processes, never trust a file whose size differs from
what the server announces (or, when it announces none, whose format says it was cut short),
rename atomically, never overwrite a finished file unless asked; unpack archives safely."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from .archive import safe_extract_zip, unpack_archive
from .download_stream import is_framed, response_range, write_body
from .errors import CancelledError, DownloadError, ForeignAssetError, NetworkError, Up42Error
from .file_checks import check_complete
from .file_lock import target_lock
from .models import Asset
from .safe_paths import contained_path, safe_filename
from .signed_urls import SignedUrl, download_filename, filename_from_signed_url, probe

if TYPE_CHECKING:
    from .client import Up42Client

__all__ = [
    "DownloadEngine",
    "ForeignAssetError",
    "filename_from_signed_url",
    "safe_extract_zip",  # re-exported: the download tasks unpack with it
    "safe_filename",
    "unpack_archive",
]

log = logging.getLogger("up42_qgis.api")

MIB = 1024 * 1024
MIN_CHUNK_SIZE = 64 * 1024
# Progress and the cancel check come once per chunk (also the piece size when decoding).
DEFAULT_CHUNK_SIZE = 4 * MIB
RESUME_ATTEMPTS = 5
TAIL_BYTES = 16  # compared with the server's before a finished file is trusted

Progress = Callable[[int, int | None], None]
AssetProgress = Callable[[Asset, int, int | None], None]
IsCancelled = Callable[[], bool]


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
        """The finished file's path. An existing finished file whose size is what the server
        announces is returned untouched unless ``overwrite``; a ``.part`` left by an earlier
        attempt is resumed. ForeignAssetError for an asset outside ``{API}``."""
        folder = Path(folder)
        _raise_if_cancelled(is_cancelled)
        if asset.is_foreign(self.client.endpoints.api):
            raise ForeignAssetError(
                f"{asset.key or asset.href} is stored outside UP42 ({asset.origin}): "
                "it was not downloaded."
            )
        signed = SignedUrl(self.client, asset.href)
        name = download_filename(signed.url, asset.key or asset.asset_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DownloadError(f"Cannot create the folder {folder}: {error.strerror}") from None
        target = contained_path(folder, name)

        def waiting() -> None:
            log.info("%s is being downloaded by another QGIS or task: waiting", target)

        with target_lock(target, is_cancelled, waiting):
            if target.exists() and not overwrite and self._trust_existing(signed, target):
                log.info("%s exists already: not downloaded again", target)
                return target
            part = target.with_name(target.name + ".part")
            self._fetch(signed, part, progress, is_cancelled)
            try:
                os.replace(part, target)
            except OSError as error:
                raise DownloadError(
                    f"Cannot move the finished download to {target}: {error.strerror}"
                ) from None
        log.info("downloaded %s", target)
        return target

    def _trust_existing(self, signed: SignedUrl, target: Path) -> bool:
        """A finished file is trusted when its size and last bytes are the server's; when the
        server announces no size, when its format says it is whole. Otherwise a shorter one
        that matches becomes the ``.part`` to resume; anything else is set aside (never
        deleted: it may be the user's edited copy) and downloaded again."""
        size = target.stat().st_size
        at = max(0, size - TAIL_BYTES)
        total, tail = probe(self.client, signed, at, TAIL_BYTES)
        with open(target, "rb") as handle:
            handle.seek(at)
            ours = handle.read(size - at)
        # The server's bytes before our end must be ours: else it is not this file.
        common = min(len(ours), len(tail))
        prefix = ours[:common] == tail[:common]
        if total is None:
            if prefix and check_complete(target) is not False:
                return True
        elif total == size and size > 0 and prefix:
            return True
        part = target.with_name(target.name + ".part")
        if prefix and (total is None or size < total) and not part.exists():
            log.warning("%s is shorter than on the server: resuming it", target)
            os.replace(target, part)
            return False
        aside = _free_name(target.with_name(target.name + ".size-mismatch"))
        log.warning(
            "%s has %s bytes, the server %s: kept as %s, downloading again",
            target, size, total, aside.name,
        )
        os.replace(target, aside)
        return False

    def _fetch(
        self,
        signed: SignedUrl,
        part: Path,
        progress: Progress | None,
        is_cancelled: IsCancelled | None,
    ) -> None:
        drops = 0
        unverified = 0
        while True:
            _raise_if_cancelled(is_cancelled)
            offset = part.stat().st_size if part.exists() else 0
            try:
                response = self.client.open_signed(signed.url, offset)
            except Up42Error as error:
                if signed.refresh(error):
                    continue  # signed URLs live about five minutes; GCS says 400 then
                if error.status == 416 and offset > 0 and drops < self.resume_attempts:
                    if probe(self.client, signed, offset - 1)[0] == offset:
                        return  # the .part is already whole (an earlier run stopped here)
                    # The .part is not a prefix of this file (changed, or longer): start over.
                    drops += 1
                    part.unlink(missing_ok=True)
                    continue
                raise
            with response:
                start, total = response_range(response)
                framed = is_framed(response)
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
                    if progressed:
                        signed.refreshes = 0
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
            if done > offset:
                signed.refreshes = 0
            if total is None:
                if self._whole_without_size(signed, part, done, framed):
                    return
                unverified += 1
                if unverified > self.resume_attempts:
                    raise DownloadError(
                        f"The download of {part.stem} ended without a size and the file "
                        f"cannot be checked; it is kept as {part.name}."
                    )
                continue
            if done < total:
                # The stream ended early without an error (urllib3 1.x does not check).
                drops = 1 if done > offset else drops + 1
                if drops > self.resume_attempts:
                    raise DownloadError(
                        f"The download of {part.stem} stopped at {done} of {total} bytes."
                    )
                continue
            if done > total:
                part.unlink(missing_ok=True)
                raise DownloadError(
                    f"The download of {part.stem} is larger than announced ({done} > {total} "
                    "bytes); it was discarded."
                )
            return

    def _whole_without_size(
        self, signed: SignedUrl, part: Path, done: int, framed: bool
    ) -> bool:
        """A body without Content-Length ended. A chunked one is whole unless its format
        says otherwise (its framing ends it). For one ended by closing the connection the
        server's own size, from a one-byte Range request, decides when it gives one; else
        the format (a TIFF, ZIP, TAR/TGZ or JSON that is whole). False: resume."""
        verdict = check_complete(part)
        if framed and verdict is not False:
            return True
        announced = probe(self.client, signed, max(0, done - 1))[0] if done else None
        if announced is not None and announced < done:
            part.unlink(missing_ok=True)
            raise DownloadError(
                f"The download of {part.stem} is larger than the server's file; discarded."
            )
        if announced == done or (announced is None and verdict):
            return True
        log.info("download of %s ended without a size and is not whole: resuming", part.stem)
        return False

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


def _free_name(path: Path) -> Path:
    """``path``, or ``path`` with ``-2``, ``-3`` … appended when it exists."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate
