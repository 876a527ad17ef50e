"""The collections UP42's glossary last listed, remembered in the plugin's data folder so that
Processing can offer them as a choice without a request when its dialog opens (the dock's
collections load and every ``up42:search`` refresh the list)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..api.models import Collection
from .folders import plugin_data_dir
from .notify import log

GLOSSARY_FILE = "collections.json"


def glossary_path() -> Path:
    return plugin_data_dir() / GLOSSARY_FILE


def remember_collections(collections: Iterable[Collection]) -> None:
    """Writes ``[{"name", "title", "type"}]``; a write that fails keeps the old list (the
    choice is a convenience: typing names always works)."""
    rows = [{"name": c.name, "title": c.title, "type": c.type} for c in collections if c.name]
    if not rows:
        return
    path = glossary_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        log(f"The collections could not be remembered in {path}: {error}")


def known_collections() -> list[tuple[str, str]]:
    """``(name, title)`` of the remembered catalog (archive) collections, sorted by title;
    empty when the glossary has never been read on this profile."""
    try:
        rows = json.loads(glossary_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(rows, list):
        return []
    found = {
        str(row["name"]): str(row.get("title") or row["name"])
        for row in rows
        if isinstance(row, dict)
        and row.get("name")
        and str(row.get("type") or "ARCHIVE").upper() == "ARCHIVE"
    }
    return sorted(found.items(), key=lambda item: (item[1].lower(), item[0]))
