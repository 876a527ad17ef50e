"""Where the plugin's files are, both in the working tree and in the installed zip.

In the working tree ``metadata.txt``, ``resources/`` and ``i18n/`` sit beside the package; in
the zip (and the staged plugin folder ``make`` builds) they sit inside it.
"""

from __future__ import annotations

from pathlib import Path

# Not resolved: in the staged plugin folder the files are symlinks to the working tree.
PACKAGE_DIR = Path(__file__).parent


def _locate(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.exists() else PACKAGE_DIR.parent / name


def metadata_path() -> Path:
    return _locate("metadata.txt")


def resource_path(*parts: str) -> Path:
    return _locate("resources").joinpath(*parts)


def icon_path(name: str) -> str:
    return str(resource_path("icons", name))


def style_path(name: str) -> str:
    return str(resource_path("styles", name))


def i18n_dir() -> Path:
    return _locate("i18n")
