"""Turns an exception from a search task into what the user reads: the server's own message
and a translated hint of what to do about it."""

from __future__ import annotations

import functools
import inspect
import traceback

from qgis.core import Qgis

from ..api import errors
from ..i18n import tr
from ..toolbelt.notify import log, notify


def is_sign_in_problem(error: BaseException) -> bool:
    return isinstance(error, errors.AuthenticationError)


def error_hint(error: BaseException) -> str:
    if isinstance(error, errors.AuthenticationError):
        return tr("Check the UP42 account in Settings ▸ Options ▸ UP42.")
    if isinstance(error, errors.NetworkError):
        return tr("Check the internet connection and the proxy in Settings ▸ Options ▸ Network.")
    if isinstance(error, errors.RateLimitError):
        return tr("UP42 is receiving too many requests; wait a moment and try again.")
    if isinstance(error, errors.ServerError):
        return tr("UP42 has a problem right now; try again in a few minutes.")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("Your UP42 account is not allowed to do this.")
    if isinstance(error, errors.LicenceError):
        return tr("Accept the data product's licence in the UP42 console first.")
    if isinstance(error, (errors.ValidationError, errors.NotFoundError)):
        return tr("UP42 refused the search; check the AOI and the filters.")
    if isinstance(error, errors.Up42Error):
        return ""
    return tr("An unexpected error; the UP42 tab of the Log Messages panel has the details.")


def error_title(error: BaseException) -> str:
    if isinstance(error, errors.AuthenticationError):
        return tr("Sign-in failed")
    if isinstance(error, errors.NetworkError):
        return tr("Network error")
    if isinstance(error, (errors.ValidationError, errors.NotFoundError)):
        return tr("Invalid request")
    if isinstance(error, (errors.ServerError, errors.RateLimitError)):
        return tr("UP42 server error")
    return tr("Error")


def error_text(error: BaseException) -> str:
    """ "<title>: <server message>. <hint>" without any traceback."""
    message = str(error).strip() or type(error).__name__
    hint = error_hint(error)
    text = tr("{title}: {message}").format(title=error_title(error), message=message)
    return f"{text} {hint}".strip() if hint else text


def guarded(slot):
    """For Qt slots: an unexpected exception becomes a log entry and a message-bar warning
    instead of QGIS's Python traceback dialog."""

    parameters = inspect.signature(slot).parameters.values()
    takes_any = any(p.kind == p.VAR_POSITIONAL for p in parameters)
    # Qt passes a signal's arguments (e.g. clicked's ``checked``); drop what the slot does not
    # take, as PyQt does for plain slots.
    positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)

    @functools.wraps(slot)
    def run(*args, **kwargs):
        if not takes_any:
            args = args[:positional]
        try:
            return slot(*args, **kwargs)
        except Exception as error:
            log(
                f"{slot.__qualname__}: {type(error).__name__}: {error}\n{traceback.format_exc()}",
                Qgis.MessageLevel.Critical,
            )
            from qgis.utils import iface

            notify(iface, error_text(error), Qgis.MessageLevel.Warning)
            return None

    return run
