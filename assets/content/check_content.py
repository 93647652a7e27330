#!/usr/bin/env python3
"""Check the education articles in assets/content/<lang>/*.md.

Checks (errors make the script exit 1):
  * front matter parses (the small YAML subset described in README.md) and has every required key
    with the right type; id matches the file name; ids and orders are unique per language
  * translation rules: safety-critical English articles are `translation: done` and have a Spanish
    version; other English articles are `translation: needed`; every Spanish article has an English
    original with the same id, order and number of sources, and is `safety_critical: true`,
    `translation: done`
  * body: exactly one `#` heading, equal to the title; no HTML; no images; tables at most 3 columns;
    every link is `article:<id>` and the id exists in the same language
  * a final Sources section (`## Sources` / `## Fuentes`) naming every source in the front matter
  * no run of 8 or more consecutive words shared with a seed article (case and punctuation ignored)
  * body length 200..700 words (250..600 is the target; outside it is a warning)

Warnings (errors only with --strict): empty source URLs, length outside the 250..600 target.

Also prints a reading-level table: words per sentence and a Flesch-Kincaid grade estimate (English).

Usage: python3 assets/content/check_content.py [--seeds DIR] [--strict]
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SEEDS = os.path.join(os.path.dirname(REPO), "shared", "seeds")

REQUIRED = {
    "id": str, "title": str, "summary": str, "order": int, "tags": list,
    "reading_minutes": int, "safety_critical": bool, "translation": str, "sources": list,
}
SOURCE_KEYS = ("title", "url")
SOURCES_HEADING = {"en": "## Sources", "es": "## Fuentes"}
NGRAM = 8
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)\)")


class ParseError(Exception):
    pass


def parse_scalar(raw):
    raw = raw.strip()
    if raw.startswith('"'):
        m = re.match(r'^"((?:[^"\\]|\\.)*)"\s*(#.*)?$', raw)
        if not m:
            raise ParseError("bad quoted string: %r" % raw)
        return m.group(1).replace('\\"', '"').replace("\\\\", "\\")
    raw = re.sub(r"\s+#.*$", "", raw).strip()
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1].strip()
        return [parse_scalar(x) for x in inner.split(",")] if inner else []
    if raw in ("true", "false"):
        return raw == "true"
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if raw == "":
        return ""
    return raw


def parse_front_matter(lines):
    """Parse the subset: `key: value`, inline `[a, b]` lists, and `sources:` as a list of maps."""
    data, i = {}, 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            i += 1
            continue
        m = re.match(r"^([a-z_]+):(.*)$", line)
        if not m:
            raise ParseError("line %d: expected `key: value`: %r" % (i + 1, line))
        key, rest = m.group(1), m.group(2)
        if key in data:
            raise ParseError("duplicate key %r" % key)
        if rest.strip() == "":
            items, i = [], i + 1
            while i < len(lines) and lines[i].startswith("  "):
                im = re.match(r"^  - ([a-z_]+):(.*)$", lines[i])
                if not im:
                    raise ParseError("line %d: expected `  - key: value`: %r" % (i + 1, lines[i]))
                item = {im.group(1): parse_scalar(im.group(2))}
                i += 1
                while i < len(lines) and re.match(r"^    [a-z_]+:", lines[i]):
                    km = re.match(r"^    ([a-z_]+):(.*)$", lines[i])
                    item[km.group(1)] = parse_scalar(km.group(2))
                    i += 1
                items.append(item)
            data[key] = items
            continue
        data[key] = parse_scalar(rest)
        i += 1
    return data


def split_file(text):
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise ParseError("file must start with a `---` line")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise ParseError("front matter is not closed with `---`")
    return lines[1:end], "\n".join(lines[end + 1:])


def plain(md):
    """Markdown body -> plain text lines (links keep their text, markers removed)."""
    out = []
    for line in md.split("\n"):
        s = line.strip()
        if re.fullmatch(r"\|?[\s:|-]+\|?", s) and "-" in s:
            continue  # table separator
        s = LINK_RE.sub(lambda m: m.group(2), s)
        s = re.sub(r"^#+\s*", "", s)
        s = re.sub(r"^(?:[-*]|\d+\.)\s+", "", s)
        s = s.replace("**", "").replace("`", "")
        if s.startswith("|"):
            out.extend(c.strip() for c in s.strip("|").split("|") if c.strip())
            continue
        out.append(s)
    return out


def words_of(text):
    return re.findall(r"[0-9a-záéíóúüñ]+(?:['’][a-z]+)?", text.lower())


def norm_tokens(text):
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^0-9a-záéíóúüñ']+", " ", text)
    return [t.strip("'") for t in text.split() if t.strip("'")]


def sentences(lines):
    out = []
    for line in lines:
        if not line:
            continue
        for part in re.split(r"(?<=[.!?…])[\"”)]?\s+", line):
            if words_of(part):
                out.append(part)
    return out


def syllables(word):
    w = word.lower()
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def load_seed_ngrams(seed_dir):
    grams = {}
    for name in sorted(os.listdir(seed_dir)):
        path = os.path.join(seed_dir, name)
        if not os.path.isfile(path):
            continue
        toks = norm_tokens(open(path, encoding="utf-8", errors="replace").read())
        for k in range(len(toks) - NGRAM + 1):
            grams.setdefault(tuple(toks[k:k + NGRAM]), name)
    return grams


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    args = ap.parse_args()

    errors, warnings = [], []
    articles = {}  # (lang, id) -> dict
    langs = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)) and not d.startswith(("_", ".")))

    for lang in langs:
        for name in sorted(os.listdir(os.path.join(HERE, lang))):
            if not name.endswith(".md"):
                continue
            rel = "%s/%s" % (lang, name)
            text = open(os.path.join(HERE, lang, name), encoding="utf-8").read()
            try:
                fm_lines, body = split_file(text)
                fm = parse_front_matter(fm_lines)
            except ParseError as e:
                errors.append("%s: front matter: %s" % (rel, e))
                continue
            try:  # cross-check with a real YAML parser when one is installed
                import yaml
                if yaml.safe_load("\n".join(fm_lines)) != fm:
                    errors.append("%s: front matter parses differently with PyYAML" % rel)
            except ImportError:
                pass
            except Exception as e:  # noqa: BLE001
                errors.append("%s: PyYAML cannot parse the front matter: %s" % (rel, e))
            for key, typ in REQUIRED.items():
                if key not in fm:
                    errors.append("%s: missing key %r" % (rel, key))
                elif not isinstance(fm[key], typ) or (typ is int and isinstance(fm[key], bool)):
                    errors.append("%s: key %r should be %s" % (rel, key, typ.__name__))
            if errors and any(e.startswith(rel + ": missing") or e.startswith(rel + ": key") for e in errors):
                continue
            if fm["id"] != name[:-3] or not ID_RE.match(fm["id"]):
                errors.append("%s: id %r must be lower-case-hyphen and match the file name" % (rel, fm["id"]))
            if fm["translation"] not in ("needed", "done"):
                errors.append("%s: translation must be `needed` or `done`" % rel)
            if not fm["title"].strip() or not fm["summary"].strip():
                errors.append("%s: empty title or summary" % rel)
            if not fm["sources"]:
                errors.append("%s: no sources" % rel)
            for n, src in enumerate(fm["sources"]):
                if not isinstance(src, dict) or any(k not in src for k in SOURCE_KEYS):
                    errors.append("%s: source %d needs keys %s" % (rel, n + 1, ", ".join(SOURCE_KEYS)))
                    continue
                if not str(src["title"]).strip():
                    errors.append("%s: source %d has an empty title" % (rel, n + 1))
                if not str(src["url"]).strip():
                    warnings.append("%s: source %r has no URL (not recorded in the seed)" % (rel, src["title"]))
            if (lang, fm["id"]) in articles:
                errors.append("%s: duplicate id %r" % (rel, fm["id"]))
            articles[(lang, fm["id"])] = {"rel": rel, "fm": fm, "body": body, "lang": lang}

    # translation / safety rules
    for (lang, aid), a in articles.items():
        fm = a["fm"]
        if lang == "en":
            has_es = ("es", aid) in articles
            if fm["safety_critical"]:
                if fm["translation"] != "done" or not has_es:
                    errors.append("%s: safety-critical article must be translated (translation: done + es/%s.md)" % (a["rel"], aid))
            elif fm["translation"] != "needed":
                errors.append("%s: non-safety article should be `translation: needed`" % a["rel"])
        else:
            en = articles.get(("en", aid))
            if not en:
                errors.append("%s: no English original en/%s.md" % (a["rel"], aid))
                continue
            if not fm["safety_critical"] or fm["translation"] != "done":
                errors.append("%s: translations must be safety_critical: true and translation: done" % a["rel"])
            if fm["order"] != en["fm"]["order"] or len(fm["sources"]) != len(en["fm"]["sources"]):
                errors.append("%s: order/sources differ from the English original" % a["rel"])
    for lang in langs:
        orders = [a["fm"]["order"] for (l, _), a in articles.items() if l == lang]
        if len(orders) != len(set(orders)):
            errors.append("%s: duplicate `order` values" % lang)

    seed_grams = {}
    if os.path.isdir(args.seeds):
        seed_grams = load_seed_ngrams(args.seeds)
    else:
        warnings.append("seed folder %s not found: copy check skipped" % args.seeds)

    rows = []
    for (lang, aid), a in sorted(articles.items()):
        rel, fm, body = a["rel"], a["fm"], a["body"]
        lines = body.split("\n")
        h1 = [l for l in lines if re.match(r"^#\s", l)]
        if len(h1) != 1:
            errors.append("%s: expected exactly one `#` heading, found %d" % (rel, len(h1)))
        elif h1[0][2:].strip() != fm["title"]:
            errors.append("%s: `#` heading differs from the title" % rel)
        if re.search(r"<\s*/?\s*[a-zA-Z!][^>]*>", body):
            errors.append("%s: contains HTML" % rel)
        for bang, text, target in LINK_RE.findall(body):
            if bang:
                errors.append("%s: images are not allowed (%s)" % (rel, target))
            elif not target.startswith("article:"):
                errors.append("%s: link %r is not an article: link" % (rel, target))
            elif (lang, target[len("article:"):]) not in articles:
                errors.append("%s: link to missing article %r" % (rel, target))
        for l in lines:
            if l.strip().startswith("|") and l.strip().count("|") - 1 > 3:
                errors.append("%s: table wider than 3 columns" % rel)
                break
        head = SOURCES_HEADING.get(lang, "## Sources")
        if head not in lines:
            errors.append("%s: no `%s` section" % (rel, head))
            main_body, src_body = body, ""
        else:
            k = lines.index(head)
            main_body, src_body = "\n".join(lines[:k]), "\n".join(lines[k + 1:])
            if any(l.startswith("## ") for l in lines[k + 1:]):
                errors.append("%s: `%s` must be the last section" % (rel, head))
            listed = [l for l in lines[k + 1:] if l.startswith("- ")]
            other = [l for l in lines[k + 1:] if l.strip() and not l.startswith("- ")]
            if len(other) > 1 or (other and not other[0].rstrip().endswith(":")):
                errors.append("%s: the Sources section may hold only the source list (and one intro line ending with ':')" % rel)
            if len(listed) != len(fm["sources"]):
                errors.append("%s: %d sources in front matter, %d listed in the body" % (rel, len(fm["sources"]), len(listed)))
            for src in fm["sources"]:
                if isinstance(src, dict) and str(src.get("title", "")) not in src_body:
                    errors.append("%s: source %r not named in the Sources section" % (rel, src.get("title")))

        # copying check: title, summary and body (without the Sources list)
        toks = norm_tokens(" ".join([fm["title"], fm["summary"]] + plain(main_body)))
        hits = set()
        for k in range(len(toks) - NGRAM + 1):
            g = tuple(toks[k:k + NGRAM])
            if g in seed_grams:
                hits.add((" ".join(g), seed_grams[g]))
        for g, seed in sorted(hits):
            errors.append("%s: %d words shared with seed %s: \"%s\"" % (rel, NGRAM, seed, g))

        pl = plain(main_body)
        w = sum(len(words_of(l)) for l in pl)
        sents = sentences(pl)
        sw = [len(words_of(s)) for s in sents]
        wps = sum(sw) / max(1, len(sw))
        grade = None
        if lang == "en":
            allw = [x for s in sents for x in words_of(s)]
            syl = sum(syllables(x) for x in allw) / max(1, len(allw))
            grade = 0.39 * wps + 11.8 * syl - 15.59
        if w < 200 or w > 700:
            errors.append("%s: %d words (limit 200..700)" % (rel, w))
        elif w < 250 or w > 600:
            warnings.append("%s: %d words (target 250..600)" % (rel, w))
        long_s = sum(1 for n in sw if n > 25)
        full = [len(words_of(s)) for s in sents if re.search(r"[.!?…][\"”)]?$", s.strip())]
        fwps = sum(full) / max(1, len(full))
        rows.append((rel, w, len(sw), wps, fwps, max(sw or [0]), long_s, grade, fm["safety_critical"], fm["translation"]))

    # w/sent counts headings, list items and table cells as units; w/full counts only sentences
    # that end with . ! ? (ordinary prose), which is the stricter reading-level figure.
    print("%-40s %5s %5s %6s %6s %4s %4s %5s  %s" % ("article", "words", "units", "w/unit", "w/full", "max", ">25", "FKgr", "safety/translation"))
    for rel, w, ns, wps, fwps, mx, ls, gr, sc, tr in rows:
        print("%-40s %5d %5d %6.1f %6.1f %4d %4d %5s  %s/%s" % (rel, w, ns, wps, fwps, mx, ls, "-" if gr is None else "%.1f" % gr, "safety" if sc else "-", tr))
    for lang in langs:
        lr = [r for r in rows if r[0].startswith(lang + "/")]
        if lr:
            line = "%s: %d articles, %d words, mean %.1f words/unit, mean %.1f words/full sentence" % (
                lang, len(lr), sum(r[1] for r in lr), sum(r[3] for r in lr) / len(lr), sum(r[4] for r in lr) / len(lr))
            if lang == "en":
                line += ", mean Flesch-Kincaid grade %.1f" % (sum(r[7] for r in lr) / len(lr))
            print(line)
    print("seed %d-grams loaded: %d" % (NGRAM, len(seed_grams)))
    for wmsg in warnings:
        print("WARNING: " + wmsg)
    for emsg in errors:
        print("ERROR: " + emsg)
    failed = bool(errors) or (args.strict and bool(warnings))
    print("RESULT: %s (%d errors, %d warnings)" % ("FAIL" if failed else "OK", len(errors), len(warnings)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
