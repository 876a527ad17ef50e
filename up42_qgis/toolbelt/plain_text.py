"""Every string a server or a user wrote is shown as plain text, never as rich text.

Qt guesses: a QLabel, a tooltip or a QMessageBox with "auto" text renders anything that looks
like HTML, so an order named ``<a href=…>`` would become a link. Labels and message boxes are
switched to plain text; a tooltip and the QGIS message bar only take rich text, so what goes
in there is escaped. Widgets built by the plugin call these, never ``html.escape`` on their own.
"""

from __future__ import annotations

import html

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text literally (returned, to wrap a constructor)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def escaped(text: str | None) -> str:
    """``text`` as rich text that reads literally (the message bar): HTML escaped, line breaks
    kept."""
    return html.escape(str(text or "")).replace("\n", "<br>")


def tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` literally. Qt renders a tooltip as rich text whenever it
    looks like HTML; an escaped text inside ``<qt>`` is always rich text, and reads as written.
    "" stays "" (no tooltip)."""
    if not text:
        return ""
    return f"<qt>{escaped(text)}</qt>"


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """``QMessageBox.question`` with the text shown as plain text."""
    box = plain_message_box(parent, QMessageBox.Icon.Question, title, text, buttons)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
