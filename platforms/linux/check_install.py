#!/usr/bin/env python3
"""Installs the build into a throwaway prefix and checks the FHS tree a distribution package or
`cmake --install build/dev --prefix /usr/local` would get: both programs executable, the desktop
entry pointing at them, metainfo and icons where desktops look, nothing naming the treatment.

    check_install.py --cmake CMAKE --build-dir BUILD
"""
import argparse
import configparser
import os
import struct
import subprocess
import sys
import tempfile

APP_ID = "org.companionapp.Companion"
# Words that must not appear in what a desktop, software centre or file manager shows.
REVEALING = ("ketamine", "infusion", "depression", "ptsd", "suicid", "psychiatr", "treatment")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--build-dir", required=True)
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as prefix:
        run = subprocess.run([args.cmake, "--install", args.build_dir, "--prefix", prefix],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            print("cmake --install failed; it installs what the build made, so build everything"
                  " first (cmake --build --preset dev)")
            return 1
        share = os.path.join(prefix, "share")

        for program in ("companion", "companion-cli"):
            path = os.path.join(prefix, "bin", program)
            if not os.access(path, os.X_OK):
                problems.append(f"bin/{program} is missing or not executable")

        desktop = os.path.join(share, "applications", APP_ID + ".desktop")
        entry = configparser.ConfigParser(interpolation=None, strict=False)
        entry.optionxform = str
        if entry.read(desktop, encoding="utf-8"):
            section = entry["Desktop Entry"]
            if section.get("Exec", "").split()[0] != "companion":
                problems.append("the desktop entry does not start bin/companion")
            if section.get("Icon") != APP_ID:
                problems.append("the desktop entry's icon is not " + APP_ID)
        else:
            problems.append("share/applications/" + APP_ID + ".desktop is missing")

        metainfo = os.path.join(share, "metainfo", APP_ID + ".metainfo.xml")
        if not os.path.isfile(metainfo):
            problems.append("share/metainfo/" + APP_ID + ".metainfo.xml is missing")

        icons = os.path.join(share, "icons", "hicolor")
        if not os.path.isfile(os.path.join(icons, "scalable", "apps", APP_ID + ".svg")):
            problems.append("the scalable SVG icon is missing")
        for size in (48, 64, 128, 256):
            png = os.path.join(icons, f"{size}x{size}", "apps", APP_ID + ".png")
            try:
                with open(png, "rb") as f:
                    header = f.read(24)
                width, height = struct.unpack(">II", header[16:24])
                if header[:8] != b"\x89PNG\r\n\x1a\n" or (width, height) != (size, size):
                    problems.append(f"{png} is not a {size}x{size} PNG")
            except OSError:
                problems.append(f"the {size}x{size} PNG icon is missing")

        for path in (desktop, metainfo):
            if os.path.isfile(path):
                text = open(path, encoding="utf-8").read().lower()
                # The metainfo's comments explain the neutral wording; only shown text counts.
                shown = "\n".join(l for l in text.splitlines() if "<!--" not in l and "-->" not in l)
                for word in REVEALING:
                    if word in shown:
                        problems.append(f"{os.path.basename(path)} mentions '{word}'")

        files = sorted(os.path.relpath(os.path.join(d, f), prefix)
                       for d, _, fs in os.walk(prefix) for f in fs)
    if problems:
        print("install tree problems:\n  " + "\n  ".join(problems))
        return 1
    print("installed:\n  " + "\n  ".join(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
