"""One way to tell the user something: the QGIS log always, the message bar when there is one.

Services, panels and dialogs call ``notify``; none keeps its own ``_notify``/``_report``. The
message bar belongs to the main thread: call this from the main thread (task callbacks run
there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsMessageLog

from ..i18n import tr
from .constants import LOG_TAG
from .plain_text import escaped

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

# How long a message stays on the bar, in seconds; 0 = until the user closes it.
DURATION_S = {
    Qgis.MessageLevel.Info: 8,
    Qgis.MessageLevel.Success: 10,
    Qgis.MessageLevel.Warning: 10,
    Qgis.MessageLevel.Critical: 0,  # failures stay until read
}


def log(text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
    """Only the log panel's UP42 tab (details, tracebacks, what the user need not see now)."""
    QgsMessageLog.logMessage(text, LOG_TAG, level)


def notify(
    iface: QgisInterface | None,
    text: str,
    level: Qgis.MessageLevel = Qgis.MessageLevel.Info,
    duration_s: int | None = None,
) -> None:
    """``text`` into the log and, with a desktop (``iface``), onto the message bar.

    Never raises: a missing or broken message bar (headless, QGIS closing) leaves the log.
    """
    log(text, level)
    if iface is None:
        return
    try:
        bar = iface.messageBar()
        if bar is not None:
            duration = DURATION_S.get(level, 10) if duration_s is None else duration_s
            # The bar renders rich text (links open the browser): server text is escaped.
            bar.pushMessage(tr("UP42"), escaped(text), level, duration)
    except Exception as error:  # the text itself is in the log already; say why not on the bar
        QgsMessageLog.logMessage(
            f"Could not show it in the message bar: {error}", LOG_TAG, Qgis.MessageLevel.Warning
        )
