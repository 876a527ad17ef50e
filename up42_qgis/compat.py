"""The one place where QGIS 3.22 and QGIS 3.38+/4 need different code.

Everything else in the plugin is written in the forms every supported QGIS accepts (scoped
enums, ``qgis.PyQt``). Field types have no such form: ``QgsField(name, QVariant.String)`` is
deprecated from QGIS 3.38 on and gone with Qt 6, while ``QgsField(name, QMetaType.Type.QString)``
raises on QGIS 3.22. So fields are made here, and only here.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from qgis.core import Qgis, QgsField

# QgsField takes QMetaType.Type from QGIS 3.38 on.
FIELDS_TAKE_METATYPE = Qgis.versionInt() >= 33800


class FieldType(Enum):
    TEXT = ("QString", "String")
    DOUBLE = ("Double", "Double")
    INTEGER = ("Int", "Int")
    LONG = ("LongLong", "LongLong")
    DATETIME = ("QDateTime", "DateTime")
    BOOLEAN = ("Bool", "Bool")

    def qt_type(self) -> Any:
        """The value QgsField's constructor takes on this QGIS."""
        metatype_name, variant_name = self.value
        if FIELDS_TAKE_METATYPE:
            from qgis.PyQt.QtCore import QMetaType

            return getattr(QMetaType.Type, metatype_name)
        from qgis.PyQt.QtCore import QVariant  # Qt 5 only: QGIS < 3.38 never runs on Qt 6

        return getattr(QVariant, variant_name)


def make_field(name: str, kind: FieldType, length: int = 0) -> QgsField:
    """A QgsField of ``kind`` (``length`` 0: the provider's default width)."""
    return QgsField(name, kind.qt_type(), len=length)
