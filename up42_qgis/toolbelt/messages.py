"""The one place that turns an error into the sentence a user reads: what went wrong in the
server's own words, and a translated hint of what to do about it. The dock's labels and
message bar and Processing's one-line failures all read it from here."""

from __future__ import annotations

from qgis.PyQt.QtCore import QLocale

from ..api import errors
from ..api.models import PlacedOrder
from ..i18n import tr


def one_line(text: str) -> str:
    """A message as one readable line (Processing shows the exception text as the reason)."""
    return " ".join(str(text).split())


def is_sign_in_problem(error: BaseException) -> bool:
    return isinstance(error, errors.AuthenticationError)


def error_title(error: BaseException) -> str:
    """What kind of failure, in a few words."""
    if isinstance(error, errors.AuthenticationError):
        return tr("UP42 sign-in failed")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("UP42 refused access")
    if isinstance(error, errors.LicenceError):
        return tr("Licence or access needed")
    if isinstance(error, errors.RateLimitError):
        return tr("UP42 is limiting requests")
    if isinstance(error, errors.ServerError):
        return tr("UP42 server error")
    if isinstance(error, errors.NetworkError):
        return tr("Could not reach UP42")
    if isinstance(error, errors.NotFoundError):
        return tr("Not found on UP42")
    if isinstance(error, errors.ValidationError):
        return tr("UP42 refused the request")
    if isinstance(error, errors.AmbiguousPlacementError):
        return tr("The order may exist")
    if isinstance(error, errors.DownloadError):
        return tr("Download failed")
    if isinstance(error, errors.Up42Error):
        return tr("UP42 error")
    return tr("Error")


def error_hint(error: BaseException) -> str:
    """What the user can do about it ("" when there is nothing to add)."""
    if isinstance(error, errors.AuthenticationError):
        return tr(
            "Check the UP42 account in Settings ▸ Options ▸ UP42 (outside QGIS: UP42_USERNAME "
            "and UP42_PASSWORD)."
        )
    if isinstance(error, errors.NetworkError):
        return tr("Check the internet connection and the proxy in Settings ▸ Options ▸ Network.")
    if isinstance(error, errors.RateLimitError):
        return tr("UP42 is receiving too many requests; wait a moment and try again.")
    if isinstance(error, errors.ServerError):
        return tr("UP42 has a problem right now; try again in a few minutes.")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("Check the account's permissions in the UP42 console.")
    if isinstance(error, errors.LicenceError):
        return tr("Accept the data product's licence (EULA) in the UP42 console first.")
    if isinstance(error, errors.ValidationError):
        return tr("Please check the AOI and the filters.")
    if isinstance(error, errors.AmbiguousPlacementError):
        return tr("Check the Orders tab before ordering again.")
    if isinstance(error, errors.Up42Error):
        return ""
    return tr("An unexpected error; the UP42 tab of the Log Messages panel has the details.")


def error_text(error: BaseException) -> str:
    """ "<title>: <server message>. <hint>" on one line, never a traceback."""
    if isinstance(error, errors.CancelledError):
        return tr("Cancelled.")
    message = one_line(str(error)).rstrip(".") or type(error).__name__
    text = tr("{title}: {message}.").format(title=error_title(error), message=message)
    hint = error_hint(error)
    return one_line(f"{text} {hint}" if hint else text)


def failure_text(failure: BaseException | None, fallback: str | None) -> str:
    """A step's per-request failure as text: the hinted sentence when the exception is
    there, else the step's plain text."""
    if failure is not None:
        return error_text(failure)
    return one_line(fallback or "")


def placement_failure(result: PlacedOrder) -> str:
    """Why one request was not placed: stopped before it was sent, or UP42's refusal."""
    reason = failure_text(result.failure, result.error)
    if result.sent:
        return reason
    if isinstance(result.failure, errors.CancelledError):
        return tr("Not ordered: cancelled.")
    return tr("Not sent: {reason}").format(reason=reason)


def skipped_note(skipped: int, reasons: tuple[str, ...] | list[str] = ()) -> str:
    """What a search says about the malformed scenes it left out ("" when none): how many
    and why, in one line (the dock's results and Processing's log)."""
    if skipped <= 0:
        return ""
    why = "; ".join(one_line(reason) for reason in reasons) or tr("malformed")
    return one_line(
        tr("{n} scene(s) skipped: UP42 sent them malformed ({why}).").format(
            n=QLocale().toString(skipped), why=why
        )
    )
