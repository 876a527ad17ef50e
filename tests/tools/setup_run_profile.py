"""Prepare the throwaway QGIS profile of ``make run`` (run with /usr/bin/python3).

The plugin is enabled; with ``--api-url`` it is configured for that sandbox the way a user
would do it in the settings page: region "custom", both origins set, and the account stored as
a Basic configuration in the profile's own authentication database, with only its id in
QgsSettings. The auth database gets a random master password kept in a file beside the profile,
which ``run_qgis.sh`` hands to QGIS through QGIS_AUTH_PASSWORD_FILE, so QGIS never prompts.
This is only acceptable because the profile and its account are throwaway test fixtures.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.tools.qgis_desktop import prepare_profile  # noqa: E402
from tests.tools.run_map import write_project  # noqa: E402

MASTER_PASSWORD_FILE = "auth-master-password"
SANDBOX_ACCOUNT_NAME = "UP42 sandbox (make run)"
DOWNLOADS = "downloads"


def master_password(profiles_root: Path) -> str:
    path = profiles_root / MASTER_PASSWORD_FILE
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def start_qgis(profiles_root: Path):
    """A headless QgsApplication whose settings and auth DB are those of the profile."""
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(profiles_root)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.PyQt.QtCore import QCoreApplication

    # What QGIS desktop sets: QgsSettings then writes <profile>/QGIS/QGIS3.ini.
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


@contextlib.contextmanager
def quiet_auth_manager() -> Iterator[None]:
    """QGIS's authentication manager prints its key derivation ("salt hex: …", "cipheriv
    hex: …") on stderr while it sets the master password and stores a configuration:
    internals no user of make run needs (nor should see), so stdout and stderr point at
    /dev/null meanwhile. Failures still arrive: as return values and exceptions."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    try:
        with open(os.devnull, "w", encoding="utf-8") as null:
            for fd in saved:
                os.dup2(null.fileno(), fd)
            yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, copy in saved.items():
            os.dup2(copy, fd)
            os.close(copy)


def configure_sandbox(
    api_url: str, username: str, password: str, master: str, downloads: Path
) -> str:
    from qgis.core import QgsApplication

    from up42_qgis.bridge.credentials import CredentialStoreError, store_credentials
    from up42_qgis.settings import SettingsStore

    with quiet_auth_manager():
        accepted = QgsApplication.authManager().setMasterPassword(master, True)
    if not accepted:
        raise SystemExit(
            "The profile's authentication database has another master password: "
            "delete the profile folder (it is throwaway) and run again."
        )
    previous = SettingsStore.load().authcfg or None
    with quiet_auth_manager():
        try:  # keep the same config id from run to run
            authcfg = store_credentials(
                username, password, SANDBOX_ACCOUNT_NAME, authcfg=previous
            )
        except CredentialStoreError:
            authcfg = store_credentials(username, password, SANDBOX_ACCOUNT_NAME)
    SettingsStore.update(
        region="custom",
        api_url=api_url,
        auth_url=api_url,
        authcfg=authcfg,
        download_folder=str(downloads),  # inside the throwaway profile, not ~/UP42 downloads
    )
    return authcfg


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, required=True, help="QGIS --profiles-path")
    parser.add_argument("--api-url", help="the sandbox origin (serves {API} and {AUTH})")
    parser.add_argument("--username", default="sandbox@up42.local")
    parser.add_argument("--password", default="sandbox")
    parser.add_argument("--locale", help="run QGIS in this locale, e.g. de")
    args = parser.parse_args()
    profiles_root = args.profiles.resolve()
    profile = prepare_profile(profiles_root, locale=args.locale)
    master = master_password(profiles_root)
    if not args.api_url:
        print(f"QGIS profile: {profile} (UP42 plugin enabled, no account configured)")
        return 0
    downloads = profiles_root / DOWNLOADS
    app = start_qgis(profiles_root)
    try:
        authcfg = configure_sandbox(
            args.api_url, args.username, args.password, master, downloads
        )
        project = write_project(profiles_root)
    finally:
        app.exitQgis()
    print(
        f"QGIS profile: {profile} (UP42 plugin enabled, region custom: {args.api_url}, "
        f"account {args.username} in auth config {authcfg})\n"
        f"Project: {project} (where the sandbox has scenes; the view on Berlin)\n"
        f"Downloads go to {downloads}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
