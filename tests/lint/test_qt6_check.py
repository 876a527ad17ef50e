"""The Qt6 check (tests/tools/qt6_check) on small files: it must find what Qt6 and QGIS 4 break,
suggest the scoped form, and accept the forms that work. Runs in .venv-lint (PyQt6 from PyPI);
the PyQGIS pass runs under /usr/bin/python3 (QGIS 3.22) as it does in ``make lint``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.tools.qt6_check.__main__ import main

BAD = """\
from PyQt5.QtCore import QSize
from qgis.core import Qgis, QgsTask, QgsWkbTypes
from qgis.PyQt.QtCore import QRegExp, Qt
from qgis.PyQt.QtWidgets import QAction, QDialog, QHeaderView, QMessageBox


def build(dialog: QDialog, header: QHeaderView, bar, combo) -> None:
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    dialog.label.setAlignment(Qt.AlignLeft)
    dialog.exec_()
    QRegExp("a+")
    bar.pushMessage("x", level=Qgis.Warning)
    QgsTask.fromFunction("t", print, flags=QgsTask.CanCancel)
    if QMessageBox.question(dialog, "t", "q") == QMessageBox.Yes:
        QAction(dialog)
    combo.activated[str].connect(print)
    width = dialog.fontMetrics().width("abc")
    return QSize(width, 1), QgsWkbTypes.PolygonGeometry
"""

# Each line of BAD that must be reported, with a piece of the reason or of the suggestion.
EXPECTED = {
    1: "PyQt5.QtCore: Qt imported around QGIS's shim",
    3: "qgis.PyQt.QtCore.QRegExp: removed in Qt6 (use QRegularExpression",
    8: "QHeaderView.ResizeToContents: unscoped enum member: PyQt6 needs its enum "
    "(use QHeaderView.ResizeMode.ResizeToContents)",
    9: "Qt.AlignLeft: unscoped enum member: PyQt6 needs its enum (use Qt.AlignmentFlag.AlignLeft)",
    10: "dialog.exec_: exec_() is gone in PyQt6",
    11: "QRegExp: removed in Qt6",
    12: "Qgis.Warning: unscoped enum member: QGIS 4 needs its enum (use Qgis.MessageLevel.Warning)",
    13: "QgsTask.CanCancel: unscoped enum member: QGIS 4 needs its enum "
    "(use QgsTask.Flag.CanCancel)",
    14: "QMessageBox.Yes: unscoped enum member: PyQt6 needs its enum "
    "(use QMessageBox.StandardButton.Yes)",
    16: "combo.activated[str]: signal overloads by [type] are gone in PyQt6 (use textActivated)",
    17: "dialog.fontMetrics().width: QFontMetrics.width() is gone in Qt6",
    18: "QgsWkbTypes.PolygonGeometry: unscoped enum member: QGIS 4 needs its enum "
    "(use QgsWkbTypes.GeometryType.PolygonGeometry)",
}

GOOD = """\
import os

from qgis.core import NULL, Qgis, QgsTask, QgsWkbTypes
from qgis.PyQt import QtCore, sip
from qgis.PyQt.QtCore import QRegularExpression, Qt
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import (
    QAction,
    QActionGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QShortcut,
)


def build(dialog: QDialog, header: QHeaderView, bar, combo, session) -> None:
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    dialog.label.setAlignment(Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
    dialog.exec()
    QRegularExpression("a+")
    bar.pushMessage("x", level=Qgis.MessageLevel.Warning)
    QgsTask.fromFunction("t", print, flags=QgsTask.Flag.CanCancel)
    if QMessageBox.question(dialog, "t", "q") == QMessageBox.StandardButton.Yes:
        QAction(dialog), QActionGroup(dialog), QShortcut(dialog)
    role = QDialogButtonBox.ButtonRole.AcceptRole
    combo.textActivated.connect(print)
    width = QFontMetrics(dialog.font()).horizontalAdvance("abc")
    session.headers["User-Agent"] = "up42-qgis"
    home = os.environ["QGIS_CUSTOM_CONFIG_PATH"], dialog.rows[0]
    deleted = sip.isdeleted(dialog), getattr(Qt, "AlignLeft", None), getattr(Qt, role.name)
    return width, role, deleted, NULL, QgsWkbTypes.GeometryType.PolygonGeometry
"""


def run_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str
) -> tuple[int, list[str]]:
    (tmp_path / "sample.py").write_text(textwrap.dedent(source), encoding="utf-8")
    status = main([str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    return status, lines


def by_line(lines: list[str]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for line in lines:
        _path, number, rest = line.split(":", 2)
        found.setdefault(int(number), []).append(rest.strip())
    return found


def test_finds_what_qt6_and_qgis4_break_and_suggests_the_scoped_form(tmp_path, capsys):
    status, lines = run_check(tmp_path, capsys, BAD)
    assert status == 1
    found = by_line(lines)
    for number, expected in EXPECTED.items():
        assert any(expected in text for text in found.get(number, [])), (number, found.get(number))
    # QAction from qgis.PyQt.QtWidgets is what QGIS 4 re-exports: line 4 and line 15 are clean.
    assert set(found) == set(EXPECTED), lines


def test_accepts_the_forms_that_work_on_qt5_and_qt6(tmp_path, capsys):
    status, lines = run_check(tmp_path, capsys, GOOD)
    assert lines == []
    assert status == 0


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The binding is followed, not the text: an alias, a module, a dotted import.
        ("from qgis.PyQt.QtCore import Qt as Q\nQ.AlignLeft\n", "(use Q.AlignmentFlag.AlignLeft)"),
        (
            "from qgis.PyQt import QtCore\nQtCore.Qt.UserRole\n",
            "(use QtCore.Qt.ItemDataRole.UserRole)",
        ),
        (
            "import qgis.PyQt.QtWidgets\nqgis.PyQt.QtWidgets.QHeaderView.Stretch\n",
            "(use qgis.PyQt.QtWidgets.QHeaderView.ResizeMode.Stretch)",
        ),
        # Looks scoped, is not: a wrong enum and a misspelt member.
        (
            "from qgis.PyQt.QtCore import Qt\nQt.ItemDataRole.AlignLeft\n",
            "PyQt6's ItemDataRole has no AlignLeft",
        ),
        (
            "from qgis.PyQt.QtCore import Qt\nQt.AlignmentFlag.AlignLefty\n",
            "PyQt6's AlignmentFlag has no AlignLefty",
        ),
        ("from qgis.core import Qgis\nQgis.MessageLevel.Warnin\n", "does not resolve on QGIS"),
        ("from qgis.core import QgsNoSuchClass\n", "does not resolve on QGIS"),
        # A member of a button box enum (the role, not the standard button).
        (
            "from qgis.PyQt.QtWidgets import QDialogButtonBox\nQDialogButtonBox.AcceptRole\n",
            "(use QDialogButtonBox.ButtonRole.AcceptRole)",
        ),
        # getattr with a literal name is the same lookup.
        (
            "from qgis.PyQt.QtCore import Qt\ngetattr(Qt, 'AlignLeft')\n",
            "(use Qt.AlignmentFlag.AlignLeft)",
        ),
        # A local subclass is looked up in its Qt or PyQGIS base.
        (
            "from qgis.PyQt.QtWidgets import QDialog\nclass D(QDialog):\n    pass\nD.Accepted\n",
            "(use D.DialogCode.Accepted)",
        ),
        (
            "from qgis.core import QgsTask\nclass T(QgsTask):\n    pass\nT.CanCancel\n",
            "(use T.Flag.CanCancel)",
        ),
        # The Qt6 spelling must work on QGIS 3.22's PyQt5 too.
        ("from qgis.PyQt.QtGui import QAction\n", "does not resolve on QGIS 3.22"),
        # Moved to QtGui in Qt6 and not re-exported by QGIS 4's qgis.PyQt.QtWidgets.
        ("from qgis.PyQt.QtWidgets import QUndoStack\n", "Qt6 has it in PyQt6.QtGui"),
        ("from qgis.PyQt.QtWidgets import QDesktopWidget\n", "removed in Qt6 (use QScreen"),
        (
            "from qgis.PyQt.QtWidgets import QApplication\nQApplication.desktop()\n",
            "QApplication.desktop() is gone in Qt6",
        ),
        ("from qgis.PyQt.QtCore import QVariant\nQVariant()\n", "a null QVariant() is gone"),
        (
            "from qgis.PyQt.QtCore import QVariant\nQVariant.String\n",
            "QMetaType.Type.QString on Qt6",
        ),
        (
            "from qgis.PyQt.QtGui import QFontMetrics\nfm = QFontMetrics(f)\nfm.width('a')\n",
            "QFontMetrics.width() is gone in Qt6",
        ),
        (
            "from qgis.PyQt.QtGui import QFontMetrics\nQFontMetrics.width\n",
            "QFontMetrics.width() is gone in Qt6",
        ),
        ("combo.currentIndexChanged['QString'].connect(f)\n", "(use currentTextChanged)"),
        ("box.valueChanged[int].connect(f)\n", "(connect the signal itself)"),
        ("from qgis.PyQt.Qt import Qt\n", "wraps PyQt6.Qt, which PyQt6 does not have"),
        ("import PyQt5\n", "Qt imported around QGIS's shim"),
        ("from PyQt6.QtCore import Qt\n", "Qt imported around QGIS's shim"),
        ("import sip\n", "Qt imported around QGIS's shim"),
        ("from . import resources\n", "compiled Qt resources"),
        ("import resources_rc\n", "compiled Qt resources"),
        ("icon = ':/plugins/up42/icon.png'\n", "compiled Qt resource path"),
        ("from qgis.PyQt.QtWidgets import *\n", "a star import hides"),
        (
            "from qgis.core import QgsProcessingParameterNumber as Number\nNumber.Integer\n",
            "(use Number.Type.Integer)",
        ),
        (
            "from qgis.gui import QgsFileWidget\nQgsFileWidget.GetDirectory\n",
            "(use QgsFileWidget.StorageMode.GetDirectory)",
        ),
        (
            "import qgis.core\nqgis.core.QgsWkbTypes.Polygon\n",
            "(use qgis.core.QgsWkbTypes.Type.Polygon)",
        ),
    ],
)
def test_each_breakage_is_reported(tmp_path, capsys, source, expected):
    status, lines = run_check(tmp_path, capsys, source)
    assert status == 1
    assert any(expected in line for line in lines), lines


def test_a_local_subclass_own_names_are_its_own(tmp_path, capsys):
    source = """\
        from qgis.PyQt.QtWidgets import QDialog
        class D(QDialog):
            Accepted = 1
            def Rejected(self): ...
        D.Accepted, D.Rejected, D.DialogCode.Accepted
    """
    assert run_check(tmp_path, capsys, source) == (0, [])


def test_a_pragma_with_a_reason_excuses_its_line_only(tmp_path, capsys):
    source = """\
        from qgis.PyQt.QtCore import QVariant
        STRING = QVariant.String  # qt6-check: allow QGIS < 3.38 fields take QVariant types
        DOUBLE = QVariant.Double
        INT = QVariant.Int  # qt6-check: allow
    """
    status, lines = run_check(tmp_path, capsys, source)
    assert status == 1
    found = by_line(lines)
    assert 2 not in found
    assert any("QVariant.Double" in text for text in found[3])
    assert any("a pragma must give its reason" in text for text in found[4])


def test_the_check_never_passes_when_it_cannot_run(tmp_path, capsys):
    (tmp_path / "sample.py").write_text("from qgis.core import Qgis\n", encoding="utf-8")
    status = main([str(tmp_path), "--qgis-python", str(tmp_path / "no-python")])
    assert status == 2
    assert "cannot check" in capsys.readouterr().err
    assert main([str(tmp_path / "missing")]) == 2
