"""Resolving the chains in the installed QGIS (3.22) under QGIS's own interpreter.

PyQGIS: QGIS 4 drops unscoped enum access (``Qgis.Warning``, ``QgsTask.CanCancel``); no QGIS 4
is reachable here, so a member is judged by what it is on 3.22: an enum member reached straight
from a class instead of through its enum is a finding. A chain 3.22 cannot resolve at all is one
too (a name from a newer QGIS breaks the minimum version).

Qt: the scoped spelling that PyQt6 wants must also resolve in 3.22's ``qgis.PyQt`` (PyQt5), or
the plugin would trade QGIS 4 for 3.22 (``from qgis.PyQt.QtGui import QAction`` is Qt6 only).

Run by the checker as ``python3 -m tests.tools.qt6_check.qgis3_pass`` with the chains as JSON
on stdin; prints the findings as JSON on stdout.
"""

from __future__ import annotations

import enum
import importlib
import json
import os
import sys

from .model import Chain, Finding


def is_enum_type(value: object) -> bool:
    return isinstance(value, enum.EnumMeta) or type(value).__name__ == "enumtype"


def is_enum_member(value: object) -> bool:
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"


def scopes_of(owner: object, value: object, member: str) -> list[str]:
    """Names under which ``owner`` holds the enum type of ``value``."""
    kind = type(value)
    names = []
    for name in dir(owner):
        candidate = getattr(owner, name, None)
        if candidate is kind and getattr(candidate, member, None) is not None:
            names.append(name)
    return sorted(names)


def resolve(chain: Chain, version: str) -> Finding | None:
    owner: object = importlib.import_module(".".join(chain.target[:2]))
    for index in range(2, len(chain.target)):
        name = chain.target[index]
        try:
            value = getattr(owner, name)
        except AttributeError:
            return chain.finding(f"does not resolve on QGIS {version}")
        if is_enum_member(value) and not is_enum_type(owner) and isinstance(owner, type):
            scopes = scopes_of(owner, value, name)
            if scopes:
                forms = " or ".join(chain.respelled(index, [s, name]) for s in scopes)
            else:
                qualified = type(value).__qualname__
                forms = f"{qualified}.{name}"
            return chain.finding(f"unscoped enum member: QGIS 4 needs its enum (use {forms})")
        owner = value
    return None


def resolve_qt5(chain: Chain, version: str) -> Finding | None:
    from qgis.PyQt.QtCore import PYQT_VERSION_STR

    why = (f"does not resolve on QGIS {version} (PyQt {PYQT_VERSION_STR}): qgis.PyQt must serve "
           "Qt5 and Qt6 with one spelling")
    try:
        owner: object = importlib.import_module(".".join(chain.target[:3]))
    except ImportError:
        return chain.finding(why)
    for name in chain.target[3:]:
        try:
            owner = getattr(owner, name)
        except AttributeError:
            return chain.finding(why)
    return None


def check(chain: Chain, version: str) -> Finding | None:
    if chain.is_pyqgis():
        return resolve(chain, version)
    if chain.is_qt():
        return resolve_qt5(chain, version)
    return None


def main() -> int:
    from qgis.core import Qgis

    version = Qgis.QGIS_VERSION.split("-")[0]
    chains = [Chain.from_json(item) for item in json.load(sys.stdin)]
    findings = [finding for chain in chains if (finding := check(chain, version))]
    json.dump(
        {"version": version, "findings": [f.__dict__ for f in findings]}, sys.stdout
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
