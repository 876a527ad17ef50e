"""Copy a pip configuration file into a chroot, minus the package locations on the host's disk.

The host's pip configuration (certificate, constraints, index) is what lets pip inside reach
PyPI as the host does; its local wheel folders (`find-links = /opt/wheels`, `file://` indexes)
do not exist in the chroot and would only make pip warn on every package.

usage: pip_config.py <host file> <file in the chroot>
"""
import configparser
import pathlib
import sys

LOCATIONS = ("find-links", "index-url", "extra-index-url")


def is_local(location: str) -> bool:
    return location.startswith("file:") or "://" not in location


def main(source: pathlib.Path, target: pathlib.Path) -> int:
    config = configparser.RawConfigParser()
    config.optionxform = str  # keep option names as written
    config.read(source, encoding="utf-8")
    for section in config.sections():
        for option in LOCATIONS:
            if not config.has_option(section, option):
                continue
            kept = [item for item in config.get(section, option).split() if not is_local(item)]
            if kept:
                config.set(section, option, "\n".join(kept))
            else:
                config.remove_option(section, option)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as stream:
        config.write(stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])))
