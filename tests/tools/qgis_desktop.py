"""Start the real QGIS desktop on a throwaway profile, with the plugin enabled (stdlib only).

Used by ``make run`` (through ``run_qgis.sh``), the screenshot script and the package tests.
QGIS desktop refuses ``QT_QPA_PLATFORM=offscreen`` ("non-interactive mode not supported"), so
without a display it runs under ``xvfb-run``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

PLUGIN = "up42_qgis"
PROFILE_NAME = "default"
SCREEN = "1600x1000x24"


def profile_dir(profiles_root: Path) -> Path:
    """QGIS puts the profiles of ``--profiles-path X`` under ``X/profiles/<name>``."""
    return profiles_root / "profiles" / PROFILE_NAME


def prepare_profile(profiles_root: Path, locale: str | None = None) -> Path:
    """A profile in which the plugin is enabled (and, optionally, QGIS runs in ``locale``).

    Keys QGIS already wrote (window state, the plugin's own settings) are kept, so a profile
    can be reused from run to run.
    """
    ini = profile_dir(profiles_root) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    set_ini_values(ini, "PythonPlugins", {PLUGIN: "true"})
    # No "what's new" page or news feed fetch: nothing may reach the internet.
    set_ini_values(ini, "qgis", {"checkVersion": "false", "allowVersionCheck": "false"})
    set_ini_values(ini, "core", {"NewsFeed\\httpsfeedqgisorg\\disabled": "true"})
    if locale:
        set_ini_values(ini, "locale", {"overrideFlag": "true", "userLocale": locale})
    return profile_dir(profiles_root)


def set_ini_values(ini: Path, section: str, values: Mapping[str, str]) -> None:
    """Set keys in a Qt INI file in place (configparser would rewrite Qt's own syntax)."""
    lines = ini.read_text(encoding="utf-8").splitlines() if ini.exists() else []
    header = f"[{section}]"
    if header not in lines:
        lines += ["", header] if lines else [header]
    start = lines.index(header) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("[")), len(lines))
    body = [line for line in lines[start:end] if line.split("=", 1)[0] not in values]
    while body and not body[-1].strip():
        body.pop()
    body += [f"{key}={value}" for key, value in values.items()]
    lines[start:end] = [*body, ""] if end < len(lines) else body
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")


def qgis_command(profiles_root: Path, code: Path | None = None) -> list[str]:
    command = ["qgis", "--noversioncheck", "--nologo", "--profiles-path", str(profiles_root)]
    if code is not None:
        command += ["--code", str(code)]
    return command


def under_display(command: list[str], env: Mapping[str, str], virtual: bool = True) -> list[str]:
    """``command`` wrapped in xvfb-run (its own free server), or on the real display.

    Tests prefer the virtual display, so no QGIS window pops up on a developer's screen.
    """
    has_xvfb = shutil.which("xvfb-run") is not None
    has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if has_display and not (virtual and has_xvfb):
        return command
    if not has_xvfb:
        raise RuntimeError("QGIS desktop needs a display: install xvfb (make system)")
    return ["xvfb-run", "--auto-servernum", f"--server-args=-screen 0 {SCREEN}", *command]


def desktop_env(plugin_parent: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for QGIS: the plugin's parent folder on QGIS_PLUGINPATH, no offscreen."""
    # QGIS_NO_OVERRIDE_IMPORT (set by the Makefile for the headless suites) keeps qgis.utils
    # from recording a plugin's modules: the desktop's unload then fails with KeyError and
    # waits on an error dialog nobody can close.
    dropped = ("QT_QPA_PLATFORM", "PYTHONPATH", "QGIS_NO_OVERRIDE_IMPORT")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["QGIS_PLUGINPATH"] = str(plugin_parent)
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))
    Path(env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    env.update(extra or {})
    return env


def run_qgis(
    profiles_root: Path,
    plugin_parent: Path,
    code: Path,
    extra_env: Mapping[str, str] | None = None,
    timeout_s: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run QGIS with a ``--code`` script that quits QGIS itself when it is done.

    The timeout only keeps a hung QGIS (a modal dialog nobody can click) from hanging the
    caller; it is no speed requirement.
    """
    env = desktop_env(plugin_parent, extra_env)
    return subprocess.run(
        under_display(qgis_command(profiles_root, code), env),
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
