"""Qt6 / QGIS 4 check for the plugin: resolves what the code uses instead of matching text.

Every Python file is parsed with ``ast``; each attribute chain rooted at a name bound from
``qgis.PyQt.*`` (``Qt.AlignmentFlag.AlignLeft``, ``QtCore.Qt.X``, ``QHeaderView.ResizeMode.X``)
is looked up in PyQt6 (installed from PyPI in the lint venv), with QGIS 4's ``qgis.PyQt``
re-exports applied. A second pass under QGIS's interpreter (3.22) looks up each chain rooted at a
name from ``qgis.core``/``gui``/``analysis`` and reports enum members reached without their enum
(``Qgis.Warning`` instead of ``Qgis.MessageLevel.Warning``); it also looks up every Qt chain in
3.22's PyQt5, so the one spelling serves both. A local subclass (``OrderDialog.Accepted``) is
looked up in its Qt or PyQGIS base.
Forms that Qt6 removed and that no lookup can see (``exec_()``, ``QFontMetrics(...).width()``,
``activated[str]``, ``QVariant()``, PyQt5 imports, compiled resources) are flagged from the tree.

Run: ``.venv-lint/bin/python -m tests.tools.qt6_check [folder ...]`` (``make lint`` does).
"""
