"""Translation: one fixed context, so pylupdate5 and lrelease see every string."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "Up42"
PLURAL_MARK = "(s)"


def tr(message: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Never pass an f-string: format after translating, ``tr("{n} scenes").format(n=n)``.

    A count in a sentence goes through Qt's plural forms: ``tr("%Ln order(s) placed", "", n)``
    (pylupdate5 files a call with a count as a plural message). Qt puts ``n`` in place of
    ``%n`` (``%Ln``: with the locale's grouping, "1.234"), a translation picks the language's
    plural form, and the English source marks the plural "(s)": untranslated it reads
    "1 order placed" and "2 orders placed", never "1 orders".
    """
    if n < 0:
        return QCoreApplication.translate(CONTEXT, message, disambiguation or None)
    text = str(QCoreApplication.translate(CONTEXT, message, disambiguation or None, int(n)))
    return text.replace(PLURAL_MARK, "" if int(n) == 1 else "s")
