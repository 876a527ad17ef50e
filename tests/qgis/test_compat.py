"""The one compatibility helper: fields made the way this QGIS takes them (QVariant.Type on
3.22, QMetaType.Type from 3.38 on), with the same type and width on every version."""

from __future__ import annotations

import warnings

from qgis.PyQt.QtCore import QMetaType

from up42_qgis.compat import FIELDS_TAKE_METATYPE, FieldType, make_field


def test_fields_have_the_type_and_length_asked_for():
    expected = {
        FieldType.TEXT: QMetaType.Type.QString,
        FieldType.DOUBLE: QMetaType.Type.Double,
        FieldType.INTEGER: QMetaType.Type.Int,
        FieldType.LONG: QMetaType.Type.LongLong,
        FieldType.DATETIME: QMetaType.Type.QDateTime,
        FieldType.BOOLEAN: QMetaType.Type.Bool,
    }
    for kind, metatype in expected.items():
        field = make_field("f", kind, 12 if kind is FieldType.TEXT else 0)
        # QVariant.Type and QMetaType.Type share their numbers for these types.
        assert int(field.type()) == int(metatype), kind
    assert make_field("name", FieldType.TEXT, 12).length() == 12


def test_making_a_field_raises_no_deprecation_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        make_field("when", FieldType.DATETIME)
    assert isinstance(FIELDS_TAKE_METATYPE, bool)
