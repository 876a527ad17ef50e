"""Resolving ``qgis.PyQt`` chains in PyQt6, as QGIS 4 exposes it (runs in the lint venv)."""

from __future__ import annotations

import enum
import importlib
from types import ModuleType

from .collect import REMOVED_NAMES
from .model import Chain, Finding

# What QGIS 4's qgis.PyQt modules add to PyQt6's: the classes Qt6 moved from QtWidgets to QtGui
# stay importable from qgis.PyQt.QtWidgets, so one import serves Qt5 and Qt6; QtCore adds NULL.
REEXPORTS: dict[str, dict[str, str]] = {
    "QtWidgets": {
        name: "QtGui"
        for name in ("QAction", "QActionGroup", "QShortcut", "QFileSystemModel", "QUndoCommand")
    },
}
EXTRA_NAMES: dict[str, frozenset[str]] = {"QtCore": frozenset({"NULL"})}
# qgis.PyQt.<name> wraps PyQt6.<name> in QGIS 4 (qgis.PyQt.Qt wraps PyQt6.Qt, which PyQt6 lacks).
MODULES = {"sip": "PyQt6.sip", "uic": "PyQt6.uic"}
# Where a name missing from its module may live in Qt6 instead.
SEARCHED_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtSvg", "QtSvgWidgets",
                    "QtXml", "QtPrintSupport", "QtSql", "QtTest", "QtOpenGLWidgets")
# QVariant.<type> is gone in PyQt6; QMetaType.Type.<name> replaces it (not on QGIS 3.22's
# QgsField: that needs the plugin's compatibility helper).
QMETATYPE_NAMES = {
    "Invalid": "UnknownType", "String": "QString", "StringList": "QStringList",
    "ByteArray": "QByteArray", "Date": "QDate", "DateTime": "QDateTime", "Time": "QTime",
    "List": "QVariantList", "Map": "QVariantMap", "Url": "QUrl", "Int": "Int", "UInt": "UInt",
    "LongLong": "LongLong", "ULongLong": "ULongLong", "Double": "Double", "Bool": "Bool",
}
RENAMED_MEMBERS = {
    ("Qt", "MidButton"): ["MouseButton", "MiddleButton"],
    ("Qt", "TextColorRole"): ["ItemDataRole", "ForegroundRole"],
    ("Qt", "BackgroundColorRole"): ["ItemDataRole", "BackgroundRole"],
}
REMOVED_MEMBERS = {
    "exec_": "exec_() is gone in PyQt6 (use exec(), which PyQt5 5.15 has too)",
    "desktop": "QApplication.desktop() is gone in Qt6 (use QScreen: widget.screen() or "
    "QGuiApplication.primaryScreen())",
    "print_": "print_() is gone in PyQt6 (use print())",
}


def pyqt6_module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(MODULES.get(name, f"PyQt6.{name}"))
    except ImportError:
        return None


def enum_scopes(owner: object, member: str) -> list[str]:
    """The names of the enums of ``owner`` (a PyQt6 class or Qt namespace) holding ``member``."""
    scopes = []
    for name in dir(owner):
        value = getattr(owner, name, None)
        if isinstance(value, enum.EnumMeta) and member in value.__members__:
            scopes.append(name)
    return sorted(set(scopes))


def resolve(chain: Chain) -> Finding | None:
    module_name = chain.target[2]
    names = chain.target[3:]
    module = pyqt6_module(module_name)
    if module is None:
        return chain.finding(f"QGIS 4's qgis.PyQt.{module_name} wraps PyQt6.{module_name}, which "
                             "PyQt6 does not have (import from qgis.PyQt.QtCore, QtGui ...)")
    owner: object = module
    first = 0
    moved_to = REEXPORTS.get(module_name, {}).get(names[0])
    if moved_to:
        owner, first = getattr(pyqt6_module(moved_to), names[0]), 1
    elif names[0] in EXTRA_NAMES.get(module_name, ()):
        return None
    for index in range(first, len(names)):
        name = names[index]
        try:
            owner = getattr(owner, name)
        except AttributeError:
            return chain.finding(explain(chain, owner, name, 3 + index, module_name))
    return None


def explain(chain: Chain, owner: object, name: str, index: int, module_name: str) -> str:
    owner_name = getattr(owner, "__name__", type(owner).__name__)
    if isinstance(owner, ModuleType):
        if name in REMOVED_NAMES:
            return REMOVED_NAMES[name]
        elsewhere = [m for m in SEARCHED_MODULES if hasattr(pyqt6_module(m), name)]
        if elsewhere:
            return (f"not in PyQt6.{module_name}; Qt6 has it in PyQt6.{elsewhere[0]} "
                    f"(qgis.PyQt.{elsewhere[0]} only on Qt6: needs a compatibility import)")
        return f"PyQt6.{module_name} has no {name}"
    if name in REMOVED_MEMBERS:
        return REMOVED_MEMBERS[name]
    if owner_name in ("QFontMetrics", "QFontMetricsF") and name == "width":
        return "QFontMetrics.width() is gone in Qt6 (use horizontalAdvance(), Qt >= 5.11)"
    if owner_name == "QVariant" and name in QMETATYPE_NAMES:
        scoped = chain.respelled(index - 1, ["QMetaType", "Type", QMETATYPE_NAMES[name]], 2)
        return (f"PyQt6's QVariant has no type enum ({scoped} on Qt6; QGIS 3.22 needs "
                "QVariant: use the compatibility helper)")
    if owner_name == "QVariant" and name == "Type":
        scoped = chain.respelled(index - 1, ["QMetaType", "Type"], 2)
        return (f"PyQt6's QVariant has no Type ({scoped} on Qt6; QGIS 3.22 needs QVariant.Type: "
                "use the compatibility helper)")
    renamed = RENAMED_MEMBERS.get((owner_name, name))
    if renamed:
        return f"removed in Qt6 (use {chain.respelled(index, renamed)})"
    scopes = enum_scopes(owner, name)
    if len(scopes) == 1:
        scoped = chain.respelled(index, [scopes[0], name])
        return f"unscoped enum member: PyQt6 needs its enum (use {scoped})"
    if scopes:
        forms = ", ".join(chain.respelled(index, [scope, name]) for scope in scopes)
        return f"unscoped enum member: PyQt6 needs its enum (one of {forms})"
    return f"PyQt6's {owner_name} has no {name}"


def run(chains: list[Chain]) -> list[Finding]:
    return [finding for chain in chains if chain.is_qt() and (finding := resolve(chain))]
