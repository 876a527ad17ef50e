"""The plugin's identity, read once from metadata.txt (the one source of the version)."""

from __future__ import annotations

from configparser import ConfigParser

from .paths import metadata_path


def _read_metadata() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


METADATA = _read_metadata()
__title__ = METADATA.get("name", "UP42")
__version__ = METADATA.get("version", "0.0.0")
__homepage__ = METADATA.get("homepage", "")
__tracker__ = METADATA.get("tracker", "")
PLUGIN_ID = "up42_qgis"
