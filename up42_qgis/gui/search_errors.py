"""Qt slots that never raise; the sentence a user reads comes from ``toolbelt.messages``
(re-exported here for the search panel)."""

from __future__ import annotations

import functools
import inspect
import traceback

from qgis.core import Qgis

from ..toolbelt.messages import error_text, is_sign_in_problem
from ..toolbelt.notify import log, notify

__all__ = ["error_text", "guarded", "is_sign_in_problem"]


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
