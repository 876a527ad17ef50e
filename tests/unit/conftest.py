"""The unit suite runs without QGIS: importing qgis or PyQt5 from here on is an error."""

from __future__ import annotations

import importlib.abc
import sys

FORBIDDEN = ("qgis", "PyQt5", "sip")


class _ForbidQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in FORBIDDEN:
            raise ImportError(f"{fullname} imported in the Qt-free suite")
        return None


if not any(name.split(".")[0] in FORBIDDEN for name in sys.modules):
    sys.meta_path.insert(0, _ForbidQt())
