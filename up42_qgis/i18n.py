"""Translation: one fixed context, so pylupdate5 and lrelease see every string."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "Up42"
PLURAL_MARK = "(s)"


def tr(message: str) -> str:
    """Never pass an f-string: format after translating, ``tr("{n} scenes").format(n=n)``."""
    return QCoreApplication.translate(CONTEXT, message)


def trn(message: str, n: int) -> str:
    """A count in a sentence through Qt's plural forms: ``trn("%Ln order(s) placed", n)``.

    Qt puts ``n`` in place of ``%n`` (``%Ln``: with the locale's grouping, "1.234") and a
    translation picks the language's plural form. The English source marks the plural "(s)";
    untranslated, it reads "1 order placed" and "2 orders placed" (never "1 orders").
    """
    text = str(QCoreApplication.translate(CONTEXT, message, None, int(n)))
    return text.replace(PLURAL_MARK, "" if abs(int(n)) == 1 else "s")
