"""metadata.txt is what the QGIS plugin manager and plugins.qgis.org read: it must be complete."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
METADATA = ROOT / "metadata.txt"
REQUIRED_KEYS = (
    "name",
    "qgisMinimumVersion",
    "qgisMaximumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "homepage",
    "repository",
    "tracker",
    "tags",
    "category",
    "icon",
    "experimental",
    "hasProcessingProvider",
    "changelog",
)
# semver.org's own pattern, without build metadata (the plugin repository has no use for it).
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$"
)


@pytest.fixture(scope="module")
def metadata() -> dict[str, str]:
    # QGIS reads the file with Python's ConfigParser too (qgis.utils.findPlugins), case-sensitive.
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(METADATA, encoding="utf-8")
    assert parser.has_section("general"), "metadata.txt needs a [general] section"
    return dict(parser["general"])


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_every_required_key_has_a_value(metadata: dict[str, str]) -> None:
    missing = [key for key in REQUIRED_KEYS if not metadata.get(key, "").strip()]
    assert missing == []


def test_identity(metadata: dict[str, str]) -> None:
    assert metadata["name"] == "UP42"
    assert metadata["category"] == "Web"
    assert metadata["hasProcessingProvider"] == "yes"
    assert metadata["experimental"] in ("True", "False")
    assert metadata.get("deprecated", "False") in ("True", "False")


def test_qgis_version_range(metadata: dict[str, str]) -> None:
    assert metadata["qgisMinimumVersion"] == "3.22"
    # QGIS 4 (Qt 6) hides a plugin whose maximum is below 4: supportsQt6 is ignored there.
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert _version_tuple(metadata["qgisMinimumVersion"]) < _version_tuple(
        metadata["qgisMaximumVersion"]
    )


def test_version_is_semver(metadata: dict[str, str]) -> None:
    assert SEMVER.match(metadata["version"]), metadata["version"]


def test_changelog_mentions_the_version(metadata: dict[str, str]) -> None:
    assert metadata["version"] in metadata["changelog"]


def test_texts_are_real_sentences(metadata: dict[str, str]) -> None:
    assert 20 <= len(metadata["description"]) <= 200, "one line for the plugin list"
    about = metadata["about"]
    assert len(about) >= 300, "about must be a real paragraph"
    assert about.count(". ") >= 3, "about must be a real paragraph"
    assert metadata["description"] != about


def test_contacts_and_links(metadata: dict[str, str]) -> None:
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", metadata["email"])
    for key in ("homepage", "repository", "tracker"):
        assert re.match(r"^https://\S+$", metadata[key]), key
    tags = [tag.strip() for tag in metadata["tags"].split(",")]
    assert "up42" in tags
    assert all(tags)


def test_icon_exists_and_is_svg(metadata: dict[str, str]) -> None:
    # The icon path is relative to the plugin folder, where metadata.txt sits.
    icon = METADATA.parent / metadata["icon"]
    assert icon.is_file(), icon
    assert ET.parse(icon).getroot().tag.endswith("svg")


def test_plugin_reads_its_version_from_metadata(metadata: dict[str, str]) -> None:
    from up42_qgis import __about__

    assert __about__.__version__ == metadata["version"]
    assert __about__.__title__ == metadata["name"]


def test_plugin_folder_name_is_valid_for_the_repository() -> None:
    # plugins.qgis.org: ASCII letters, digits, "_" and "-", not starting with a digit.
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", "up42_qgis")
    assert (ROOT / "up42_qgis" / "__init__.py").is_file()


def test_package_init_holds_only_class_factory() -> None:
    # QGIS imports the package to list it; anything more at import time slows or breaks that.
    tree = ast.parse((ROOT / "up42_qgis" / "__init__.py").read_text(encoding="utf-8"))
    body = [node for node in tree.body if not isinstance(node, ast.Expr)]  # minus the docstring
    assert [type(node).__name__ for node in body] == ["FunctionDef"]
    assert body[0].name == "classFactory"
    assert [arg.arg for arg in body[0].args.args] == ["iface"]
