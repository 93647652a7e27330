#!/usr/bin/env python3
"""Writes a pseudo-translation of a Qt .ts file: every string about 40 % longer, with accented
letters and visible brackets, so a layout that clips, elides or overflows a longer language shows
up in the self-test (--check-text-fit) before a real translation meets it.

    pseudo_translate.py IN.ts OUT.ts

Placeholders (%1, %L2, %n) and the text around them keep their order, so .arg() still works.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

ACCENTS = str.maketrans(
    "aeiouycnsztlAEIOUYCNSZTL",
    "áéíöüýçñšžţĺÁÉÍÖÜÝÇÑŠŽŢĹ",
)
PLACEHOLDER = re.compile(r"(%L?\d+|%n)")
FILLER = "ẍŵǫ"


def pseudo(text: str) -> str:
    # Accent everything outside placeholders; count only the visible letters for the padding.
    parts = PLACEHOLDER.split(text)
    out = "".join(p if PLACEHOLDER.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    visible = sum(len(p) for p in parts if not PLACEHOLDER.fullmatch(p))
    extra = max(2, math.ceil(visible * 0.4) - 2)  # the two brackets count as padding too
    if visible > 20:
        # Long strings grow by words, so wrapping behaves as it does with real prose.
        words = []
        while sum(len(w) + 1 for w in words) < extra:
            words.append(FILLER * 2)
        padding = " " + " ".join(words)
        padding = padding[: max(extra, 2)]
    else:
        padding = (FILLER * extra)[:extra]
    # A trailing space (a sentence built from pieces) stays trailing.
    stripped = out.rstrip(" ")
    trailing = out[len(stripped):]
    return "⟦" + stripped + padding + "⟧" + trailing


def main() -> int:
    source, target = sys.argv[1], sys.argv[2]
    tree = ET.parse(source)
    root = tree.getroot()
    root.set("language", "en")
    for message in root.iter("message"):
        text = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for _ in range(2):  # English plural rules: one, other
                ET.SubElement(translation, "numerusform").text = pseudo(text)
        else:
            translation.text = pseudo(text)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
