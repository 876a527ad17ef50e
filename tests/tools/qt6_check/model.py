"""What the passes exchange: attribute chains to resolve and findings to print (stdlib only)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

QT_PACKAGE = ("qgis", "PyQt")
# The PyQGIS modules whose classes the second pass resolves under QGIS's interpreter.
PYQGIS_MODULES = frozenset({"core", "gui", "analysis", "_3d"})


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    chain: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.chain}: {self.why}"


@dataclass(frozen=True)
class Chain:
    """``written`` is the chain as the source spells it (``QtCore.Qt.AlignLeft``); ``target`` is
    the same chain fully qualified (``qgis.PyQt.QtCore.Qt.AlignLeft``). ``target[i]`` is spelled
    ``written[i - offset]`` for every ``i >= offset`` (the root name covers ``target[:offset+1]``).
    """

    path: str
    line: int
    written: tuple[str, ...]
    target: tuple[str, ...]
    offset: int

    @property
    def text(self) -> str:
        return ".".join(self.written)

    def is_qt(self) -> bool:
        return self.target[:2] == QT_PACKAGE and len(self.target) > 3

    def is_pyqgis(self) -> bool:
        return (
            len(self.target) > 2 and self.target[0] == "qgis" and self.target[1] in PYQGIS_MODULES
        )

    def respelled(self, index: int, parts: list[str], span: int = 1) -> str:
        """The written chain with ``span`` names from ``target[index]`` on replaced by ``parts``
        (for a suggestion)."""
        at = max(index - self.offset, 0)
        return ".".join([*self.written[:at], *parts, *self.written[at + span :]])

    def finding(self, why: str) -> Finding:
        return Finding(self.path, self.line, self.text, why)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Chain:
        return cls(
            data["path"],
            data["line"],
            tuple(data["written"]),
            tuple(data["target"]),
            data["offset"],
        )
