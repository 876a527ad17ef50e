"""A data product's order form (``api.order_schema.OrderSchema``) as widgets: a date-time or
date editor, a spin box with the schema's limits, a choice list, a check box, a line (also
for what the plugin cannot render fully, with the reason beside it). Required fields are
marked, defaults filled in, descriptions are tooltips; every server text is shown as plain
text. ``values()`` is what ``api.order_schema.validate`` and ``api.tasking.tasking_request``
take; ``show_problems`` puts each problem next to its field."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..api.models import OrderRequest
from ..api.order_schema import FieldKind, FieldSpec, OrderSchema, Problem
from ..i18n import tr
from ..toolbelt.colours import ERROR_STYLE, MUTED
from ..toolbelt.messages import form_problem_text

NUMBER_LIMIT = 1e9
DEFAULT_WINDOW_DAYS = 7
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` verbatim (Qt would read markup in it as rich text)."""
    return f"<p>{html.escape(text)}</p>" if text else ""


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A question in plain text, "No" by default; True only for an explicit "Yes"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _moment_text(value: Any) -> str:
    """An RFC 3339 instant as "2026-12-03 00:00" (UTC), anything else as it is."""
    text = str(value if value is not None else "–")
    return text.replace("T", " ").removesuffix("Z")[:16] if "T" in text else text


def placement_question(request: OrderRequest, product: str, window: tuple[str, str] | None) -> str:
    """The question before a tasking order is placed: what, when, and that no price is known
    yet and nothing is charged before the quotation is accepted."""
    start, end = window or ("", "")
    params = request.params or {}
    return tr(
        "Place the tasking order “{name}” for {product}?\n\n"
        "Acquisition window: {start} to {end} (UTC).\n\n"
        "There is no price yet: UP42 studies the request and sends a quotation (for "
        "some products after a feasibility study with options to choose from). Nothing "
        "is charged until you accept the quotation in the Orders tab."
    ).format(
        name=request.display_name,
        product=product,
        start=_moment_text(params.get(start)),
        end=_moment_text(params.get(end)),
    )


def _tomorrow() -> date:
    return datetime.now(UTC).date() + timedelta(days=1)


class TaskingForm(QWidget):
    """The schema's fields but the geometry (that comes from the AOI tools)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42TaskingForm")
        self.schema: OrderSchema | None = None
        self.editors: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._layout = QFormLayout()
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_problems = plain_label("", self)
        self.general_problems.setObjectName("Up42TaskingFormProblems")
        self.general_problems.setStyleSheet(ERROR_STYLE)
        self.general_problems.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout)
        outer.addWidget(self.general_problems)
        outer.addStretch(1)

    # --- building --------------------------------------------------------------------------
    def set_schema(self, schema: OrderSchema | None, display_name: str = "") -> None:
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.editors, self.problem_labels = {}, {}
        self.schema = schema
        self.general_problems.hide()
        if schema is None:
            return
        window = schema.window
        for spec in schema.form_fields:
            editor = self._editor(spec, window, display_name)
            editor.setObjectName(f"Up42Field_{spec.name}")
            editor.setToolTip(plain_tooltip(spec.description))
            self.editors[spec.name] = editor
            title = spec.title or spec.name
            label = plain_label(f"{title} *" if spec.required else title, self)
            label.setWordWrap(False)
            label.setToolTip(plain_tooltip(spec.description))
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            if spec.kind == FieldKind.UNKNOWN:
                note = plain_label(
                    tr("Shown as plain text: {note}").format(
                        note=spec.note or tr("the plugin cannot show this field fully")
                    ),
                    cell,
                )
                note.setStyleSheet(f"color: {MUTED};")
                column.addWidget(note)
            problem = plain_label("", cell)
            problem.setStyleSheet(ERROR_STYLE)
            problem.hide()
            column.addWidget(problem)
            self.problem_labels[spec.name] = problem
            self._layout.addRow(label, cell)

    def _editor(self, spec: FieldSpec, window: tuple[str, str] | None, name: str) -> QWidget:
        optional = not spec.required and not spec.has_default
        if spec.kind == FieldKind.BOOLEAN:
            box = QCheckBox(self)
            box.setChecked(bool(spec.default))
            return box
        if spec.kind == FieldKind.ENUM:
            combo = QComboBox(self)
            if optional:
                combo.addItem(tr("(not set)"), None)
            for choice in spec.choices:
                combo.addItem(str(choice), choice)
            if spec.has_default and spec.default in spec.choices:
                combo.setCurrentIndex(combo.findText(str(spec.default)))
            return combo
        if spec.kind in (FieldKind.INTEGER, FieldKind.NUMBER):
            return self._spin(spec, optional)
        if spec.is_date:
            return self._date(spec, window)
        line = QLineEdit(self)
        if spec.max_length:
            line.setMaxLength(spec.max_length)
        if spec.has_default:
            line.setText(str(spec.default))
        elif spec.name == "displayName" and name:
            line.setText(name)
        return line

    def _spin(self, spec: FieldSpec, optional: bool) -> QWidget:
        integer = spec.kind == FieldKind.INTEGER
        spin: QSpinBox | QDoubleSpinBox = QSpinBox(self) if integer else QDoubleSpinBox(self)
        step = 1.0 if integer else 0.01
        low = spec.minimum if spec.minimum is not None else -NUMBER_LIMIT
        high = spec.maximum if spec.maximum is not None else NUMBER_LIMIT
        if spec.exclusive_minimum:
            low += step
        if spec.exclusive_maximum:
            high -= step
        if optional:  # the lowest value reads "not set" and means no value
            low -= step
            spin.setSpecialValueText(tr("(not set)"))
        if isinstance(spin, QSpinBox):
            spin.setRange(int(max(low, -(2**31))), int(min(high, 2**31 - 1)))
        else:
            spin.setDecimals(2)
            spin.setRange(low, high)
        start = spec.default if spec.has_default else (low if optional else max(low, 0))
        if isinstance(spin, QSpinBox):
            spin.setValue(int(start))
        else:
            spin.setValue(float(start))
        return spin

    def _date(self, spec: FieldSpec, window: tuple[str, str] | None) -> QWidget:
        first = _tomorrow()
        is_end = window is not None and spec.name == window[1]
        day = first + timedelta(days=DEFAULT_WINDOW_DAYS) if is_end else first
        if spec.has_default and isinstance(spec.default, str):
            try:
                day = date.fromisoformat(spec.default[:10])
            except ValueError:
                day = first
        qdate = QDate(day.year, day.month, day.day)
        if spec.kind == FieldKind.DATE:
            edit = QDateEdit(qdate, self)
            edit.setDisplayFormat("yyyy-MM-dd")
        else:
            end = window is not None and spec.name == window[1]
            moment = QTime(23, 59) if end else QTime(0, 0)
            edit = QDateTimeEdit(QDateTime(qdate, moment), self)
            edit.setDisplayFormat(DATE_TIME_FORMAT + " 'UTC'")
        edit.setCalendarPopup(True)
        return edit

    # --- reading ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form's values as ``validate`` takes them (no key for a field left unset)."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            value = self._value(editor)
            if value is not None and value != "":
                values[name] = value
        return values

    @staticmethod
    def _value(editor: QWidget) -> Any:
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            if editor.specialValueText() and editor.value() == editor.minimum():
                return None
            return editor.value()
        if isinstance(editor, QDateTimeEdit):  # also QDateEdit
            day = editor.date()
            picked = date(day.year(), day.month(), day.day())
            if isinstance(editor, QDateEdit):
                return picked
            clock = editor.time()
            return datetime.combine(picked, time(clock.hour(), clock.minute()), tzinfo=UTC)
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        return None

    # --- filling (tests, a retry) ----------------------------------------------------------
    def set_value(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(value))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        elif isinstance(editor, QDateTimeEdit):
            moment = value if isinstance(value, datetime) else datetime.combine(value, time())
            qdate = QDate(moment.year, moment.month, moment.day)
            if isinstance(editor, QDateEdit):
                editor.setDate(qdate)
            else:
                editor.setDateTime(QDateTime(qdate, QTime(moment.hour, moment.minute)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    # --- problems --------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem]) -> list[str]:
        """Each problem under its field (geometry and unknown keys below the form); returns
        the texts shown, in order."""
        for label in self.problem_labels.values():
            label.clear()
            label.hide()
        general: list[str] = []
        shown: list[str] = []
        for problem in problems:
            text = form_problem_text(problem)
            shown.append(text)
            label = self.problem_labels.get(problem.field)
            if label is None:
                general.append(text)
                continue
            label.setText("\n".join(filter(None, (label.text(), text))))
            label.show()
        self.general_problems.setText("\n".join(general))
        self.general_problems.setVisible(bool(general))
        return shown
