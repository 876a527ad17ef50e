"""Translation: one fixed context, so pylupdate5 and lrelease see every string."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "Up42"


def tr(message: str) -> str:
    """Never pass an f-string: format after translating, ``tr("{n} scenes").format(n=n)``."""
    return QCoreApplication.translate(CONTEXT, message)
