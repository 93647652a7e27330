#!/usr/bin/env python3
"""Fails when the UI has a string without a finished translation.

    check_translations.py --lupdate LUPDATE --ts translations/companion_es.ts --root SRC DIR...

Runs lupdate over the given source folders into a temporary copy of the .ts file (so the
committed file is never touched), then lists every string that is new, unfinished or empty, and
every translation whose placeholders (%1, %n…) differ from its source's. To fix a failure, run
`cmake --build --preset dev --target update_translations`, translate the new entries in Qt
Linguist or an editor, and remove type="unfinished".
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?\d+|%n")


def placeholders(text: str) -> list:
    return sorted(set(PLACEHOLDER.findall(text or "")))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--ts", required=True)
    parser.add_argument("--root", required=True)
    # English ships only the plural forms of its own strings ("1 day" / "2 days").
    parser.add_argument("--plural-only", action="store_true")
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(args.ts))
        shutil.copyfile(args.ts, copy)
        folders = [os.path.join(args.root, f) for f in args.folders]
        run = subprocess.run(
            [args.lupdate, "-locations", "none", "-no-obsolete",
             *(["-pluralonly"] if args.plural_only else []), *folders, "-ts", copy],
            capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stdout, run.stderr)
            print("lupdate failed")
            return 1
        root = ET.parse(copy).getroot()

    missing, mismatched, total = [], [], 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            total += 1
            source = message.findtext("source")
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.findall("numerusform")]
            else:
                forms = [translation.text or ""]
            label = f"  [{name}] {source!r}"
            if kind == "unfinished" or not all(f.strip() for f in forms):
                missing.append(label)
                continue
            for form in forms:
                wanted = placeholders(source)
                # A plural form may leave out %n ("un día" for one) but never an argument.
                got = placeholders(form)
                if message.get("numerus") == "yes":
                    wanted = [p for p in wanted if p != "%n"]
                    got = [p for p in got if p != "%n"]
                if wanted != got:
                    mismatched.append(f"{label} -> {form!r}")

    language = root.get("language")
    if missing:
        print(f"{len(missing)} of {total} strings have no finished {language} translation "
              f"in {args.ts}:")
        print("\n".join(missing))
    if mismatched:
        print(f"{len(mismatched)} translations do not keep their placeholders:")
        print("\n".join(mismatched))
    if missing or mismatched:
        return 1
    print(f"all {total} strings are translated into {language}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
