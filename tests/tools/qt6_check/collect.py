"""Reading one file: the Qt/PyQGIS attribute chains it uses, and the Qt6 breakages that the
tree alone shows (stdlib only, so it runs under any interpreter)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from .model import QT_PACKAGE, Chain, Finding

# Bindings outside qgis.PyQt that mean Qt is imported around QGIS's shim.
DIRECT_QT_PACKAGES = frozenset({"PyQt4", "PyQt5", "PyQt6", "PySide", "PySide2", "PySide6", "sip"})
# Names that Qt6 removed; a bare use is reported wherever it appears.
REMOVED_NAMES = {
    "QRegExp": "removed in Qt6 (use QRegularExpression, which Qt5 has too)",
    "QRegExpValidator": "removed in Qt6 (use QRegularExpressionValidator)",
    "QDesktopWidget": "removed in Qt6 (use QScreen: widget.screen() or "
    "QGuiApplication.primaryScreen())",
    "qApp": "removed in PyQt6 (use QApplication.instance())",
}
# Signals whose [type] overloads PyQt5 had and PyQt6 dropped, with the signal to use instead.
OVERLOADED_SIGNALS = {
    "activated": "textActivated",
    "currentIndexChanged": "currentTextChanged",
    "highlighted": "textHighlighted",
}
OVERLOAD_TYPES = frozenset({"str", "int", "float", "bool", "object", "list", "dict", "tuple"})
C_TYPE_NAME = re.compile(r"(Q[A-Z][a-z][A-Za-z0-9]*|int|double|bool|float|long)\s*\*?")
SIGNAL_METHODS = frozenset({"connect", "disconnect", "emit"})
FONT_METRICS = frozenset({"QFontMetrics", "QFontMetricsF"})
PRAGMA = re.compile(r"#\s*qt6-check:\s*allow\b(?P<reason>.*)")


@dataclass
class FileResult:
    chains: list[Chain] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    allowed_lines: set[int] = field(default_factory=set)


def read_file(path: str, source: str) -> FileResult:
    result = FileResult()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        result.findings.append(Finding(path, error.lineno or 0, "<file>", f"syntax error: {error}"))
        return result
    _read_pragmas(path, source, result)
    _Reader(path, result).read(tree)
    return result


def _read_pragmas(path: str, source: str, result: FileResult) -> None:
    """``# qt6-check: allow <reason>`` excuses its line (for the one compatibility helper);
    a pragma without a reason is itself a finding."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        match = PRAGMA.search(token.string)
        if not match:
            continue
        if match.group("reason").strip(" :-—()"):
            result.allowed_lines.add(token.start[0])
        else:
            result.findings.append(
                Finding(path, token.start[0], "# qt6-check: allow", "a pragma must give its reason")
            )


def _dotted(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None when the chain does not start at a name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


class _Reader:
    def __init__(self, path: str, result: FileResult) -> None:
        self.path = path
        self.result = result
        self.bindings: dict[str, tuple[str, ...]] = {}
        self.metrics_names: set[str] = set()
        self.signal_uses: set[int] = set()  # ids of x[...] in x[...].connect/emit/disconnect
        # Local subclasses of Qt/PyQGIS classes: name -> (the base's binding, own names).
        self.subclasses: dict[str, tuple[tuple[str, ...], set[str]]] = {}

    def flag(self, node: ast.AST, chain: str, why: str) -> None:
        self.result.findings.append(Finding(self.path, node.lineno, chain, why))

    def read(self, tree: ast.Module) -> None:
        # Imports first (wherever they are), so a chain above a local import still resolves.
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                self.read_import(node)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                self.read_assign(node)
            elif isinstance(node, ast.ClassDef):
                self.read_class(node)
        inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        self.signal_uses = {
            id(n.value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and n.attr in SIGNAL_METHODS
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                self.read_attribute(node, outermost=id(node) not in inner)
            elif isinstance(node, ast.Name):
                self.read_name(node)
            elif isinstance(node, ast.Call):
                self.read_call(node)
            elif isinstance(node, ast.Subscript):
                self.read_subscript(node)
            elif isinstance(node, ast.Constant) and str(node.value).startswith(":/plugins/"):
                self.flag(node, repr(node.value), "compiled Qt resource path: Qt6 has no pyrcc; "
                          "load the file by its path (up42_qgis.paths)")

    # --- imports --------------------------------------------------------------------------
    def read_import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = tuple(alias.name.split("."))
                self.check_module(node, parts)
                if alias.asname:
                    self.bindings[alias.asname] = parts
                else:
                    self.bindings[parts[0]] = parts[:1]
            return
        if node.level:  # relative: the plugin's own modules
            for alias in node.names:
                if node.module is None:
                    self.check_resources(node, (alias.name,))
            if node.module:
                self.check_resources(node, tuple(node.module.split(".")))
            return
        module = tuple((node.module or "").split("."))
        self.check_module(node, module)
        for alias in node.names:
            if alias.name == "*":
                if module[:2] == QT_PACKAGE or module[:1] == ("qgis",):
                    self.flag(node, f"from {node.module} import *", "a star import hides the "
                              "names it binds from this check: import them by name")
                continue
            target = (*module, alias.name)
            self.check_resources(node, target)
            self.bindings[alias.asname or alias.name] = target
            if target[:2] == QT_PACKAGE and len(target) > 3:
                # The import itself must resolve in PyQt6 (QRegExp, QDesktopWidget...).
                written = tuple(target)
                self.result.chains.append(Chain(self.path, node.lineno, written, target, 0))
            elif target[:1] == ("qgis",) and len(target) == 3:
                self.result.chains.append(Chain(self.path, node.lineno, target, target, 0))

    def check_module(self, node: ast.stmt, module: tuple[str, ...]) -> None:
        if module[0] in DIRECT_QT_PACKAGES:
            self.flag(node, ".".join(module), "Qt imported around QGIS's shim: import it from "
                      "qgis.PyQt (qgis.PyQt.QtCore, qgis.PyQt.sip ...)")
        self.check_resources(node, module)

    def check_resources(self, node: ast.stmt, parts: tuple[str, ...]) -> None:
        last = parts[-1]
        if last == "resources" or last.endswith("_rc"):
            self.flag(node, ".".join(parts), "compiled Qt resources (pyrcc) are gone in Qt6: "
                      "load icons by file path")

    # --- uses -----------------------------------------------------------------------------
    def read_attribute(self, node: ast.Attribute, *, outermost: bool) -> None:
        if node.attr == "exec_":
            self.flag(node, ast.unparse(node), "exec_() is gone in PyQt6 (use exec(), which "
                      "PyQt5 5.15 has too)")
        elif node.attr in REMOVED_NAMES:
            self.flag(node, ast.unparse(node), REMOVED_NAMES[node.attr])
        if node.attr == "width" and self.is_font_metrics(node.value):
            self.flag(node, ast.unparse(node), "QFontMetrics.width() is gone in Qt6 (use "
                      "horizontalAdvance(), Qt >= 5.11)")
        if not outermost:
            return
        parts = _dotted(node)
        if parts is None:
            return
        if not isinstance(node.ctx, ast.Load):
            parts = parts[:-1]  # assigning QLayout.setMargin = ...: only the owner must exist
            if len(parts) < 2:
                return
        self.add_chain(node, parts)

    def add_chain(self, node: ast.expr, parts: list[str]) -> None:
        bound = self.bindings.get(parts[0])
        if bound is None and parts[0] in self.subclasses:
            # OrderDialog.Accepted is QDialog.Accepted unless the class defines Accepted.
            base, own = self.subclasses[parts[0]]
            bound = None if parts[1] in own else base
        if bound is None or bound[0] != "qgis":
            return
        target = (*bound, *parts[1:])
        self.result.chains.append(
            Chain(self.path, node.lineno, tuple(parts), target, len(bound) - 1)
        )

    def read_class(self, node: ast.ClassDef) -> None:
        for base in node.bases:
            parts = _dotted(base)
            bound = self.bindings.get(parts[0]) if parts else None
            if parts and bound and bound[0] == "qgis":
                own = {
                    name.id
                    for statement in node.body
                    for name in ast.walk(statement)
                    if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store)
                } | {
                    statement.name
                    for statement in node.body
                    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                }
                self.subclasses[node.name] = ((*bound, *parts[1:]), own)
                return

    def read_name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load) and node.id in REMOVED_NAMES:
            self.flag(node, node.id, REMOVED_NAMES[node.id])

    def read_call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name == "QVariant" and not node.args and not node.keywords:
            self.flag(node, ast.unparse(node), "a null QVariant() is gone in PyQt6 (use NULL "
                      "from qgis.core, or None)")
        # getattr(Qt, "AlignLeft") is Qt.AlignLeft; with a default, absence is handled.
        if name == "getattr" and isinstance(func, ast.Name) and len(node.args) == 2:
            owner, member = node.args
            parts = _dotted(owner)
            if parts and isinstance(member, ast.Constant) and isinstance(member.value, str):
                self.add_chain(node, [*parts, member.value])

    def read_assign(self, node: ast.Assign) -> None:
        if self.is_font_metrics(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.metrics_names.add(target.id)

    def read_subscript(self, node: ast.Subscript) -> None:
        value = node.value
        if not isinstance(value, ast.Attribute) or not isinstance(node.ctx, ast.Load):
            return
        if value.attr not in OVERLOADED_SIGNALS and id(node) not in self.signal_uses:
            return
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if not items or not all(self.is_overload_type(item) for item in items):
            return
        instead = OVERLOADED_SIGNALS.get(value.attr)
        hint = f" (use {instead})" if instead else " (connect the signal itself)"
        self.flag(node, ast.unparse(node), "signal overloads by [type] are gone in PyQt6" + hint)

    def is_overload_type(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):  # "QString", "QModelIndex", "int"
            return isinstance(node.value, str) and bool(C_TYPE_NAME.fullmatch(node.value))
        parts = _dotted(node)
        if parts is None:
            return False
        if len(parts) == 1 and parts[0] in OVERLOAD_TYPES:
            return True
        bound = self.bindings.get(parts[0])
        return bound is not None and bound[:2] == QT_PACKAGE

    def is_font_metrics(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.metrics_names
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "fontMetrics":
            return True
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        return name in FONT_METRICS
