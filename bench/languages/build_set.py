#!/usr/bin/env python3
"""Builds a language-identification test set from Debian's translated documentation: paragraphs of
known language, one per line as "<code>\t<paragraph>", written to stdout.

Sources (installed by bench/languages/run from Debian's packages; their texts are read where Debian
puts them and never copied into the project):
- The Debian Reference (packages debian-reference-en, -de, -es, -fr, -it, -pt): the <p> paragraphs
  of each chapter in /usr/share/debian-reference/*.<lang>.html.
- The manual pages translated by the manpages-l10n project (manpages-de, -es, -fr, -it, -nl, -pl,
  -pt-br, -ru) and the English originals (manpages, and the pages of installed packages): the prose
  paragraphs of /usr/share/man/<lang>/man*/*.gz.
- English news: the paragraphs of the BBC News articles in ../shared/corpora/bbc, when present.
- Our own invented articles in corpus/languages (one per language, written for the project).

A translation leaves some paragraphs in English until a translator gets to them: any paragraph that
also appears in the English edition (the same text, after the same clean-up) is left out, so a
paragraph's label is the language it is written in. So is a non-English paragraph in which words that
only English has ("the", "and", "which"...) are more than 4% of the words: a sentence left in English
inside a translated one. Paragraphs that are not prose are left out too: fewer than 60% letters
among their non-space characters, or fewer than 80% of their tokens plain words (code, structures,
option lists, lists of function names). Each language keeps at most --per-language paragraphs of each
length band (under 200 characters, 200 or more), chosen by a hash of their text, so the set is the same
on every run with the same packages.

Usage: build_set.py [--min-chars N] [--per-language N] [--shared DIR] > set.tsv
"""
import argparse
import glob
import gzip
import hashlib
import html.parser
import os
import re
import sys

REFERENCE_DIR = "/usr/share/debian-reference"
REFERENCE_LANGUAGES = {"en": "en", "de": "de", "es": "es", "fr": "fr", "it": "it", "pt": "pt"}
MAN_DIR = "/usr/share/man"
MAN_LANGUAGES = {"de": "de", "es": "es", "fr": "fr", "it": "it", "nl": "nl", "pl": "pl",
                 "pt_BR": "pt", "ru": "ru"}


ENGLISH_ONLY_WORDS = {"the", "and", "which", "that", "this", "are", "with", "you", "when", "from", "should"}
PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def has_english_sentence(text):
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and sum(w in ENGLISH_ONLY_WORDS for w in words) > 0.04 * len(words)


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def is_word(token):
    core = token.strip(".,;:!?\"'«»()„“”‘’¿¡…—–")
    return bool(core) and all(c.isalpha() or c in "-'’" for c in core) and core[0].isalpha()


def is_prose(text):
    visible = [c for c in text if not c.isspace()]
    tokens = text.split()
    return (bool(visible) and sum(c.isalpha() for c in visible) >= 0.6 * len(visible)
            and sum(is_word(t) for t in tokens) >= 0.8 * len(tokens))


class ParagraphParser(html.parser.HTMLParser):
    """The text of each <p> element, with the text of nested elements but not of <pre>/<code>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current, self.depth, self.skip = [], None, 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.current, self.depth = [], self.depth + 1
        elif tag in ("pre", "code", "tt", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.current is not None:
            self.paragraphs.append(clean("".join(self.current)))
            self.current = None
        elif tag in ("pre", "code", "tt", "script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.current.append(data)


def reference_paragraphs(language):
    out = []
    for path in sorted(glob.glob(os.path.join(REFERENCE_DIR, f"*.{language}.html"))):
        parser = ParagraphParser()
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        out.extend(parser.paragraphs)
    return out


ROFF_ESCAPE = re.compile(r"\\f[BIRP1-4]|\\f\[[^\]]*\]|\\\(..|\\\[[^\]]*\]|\\[&|^:%/,ed]|\\s[-+]?\d")


def man_paragraphs(path):
    """Prose paragraphs of a roff page: runs of text lines between macros that break paragraphs."""
    try:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except (OSError, EOFError):
        return []
    out, current = [], []
    for line in lines:
        if line.startswith((".", "'")):
            if re.match(r"^[.'](PP|P|LP|SH|SS|TP|IP|HP|sp|br|RS|RE|nf|fi|TH)\b", line) or line.startswith(".\\\""):
                if current:
                    out.append(clean(" ".join(current)))
                current = []
            continue
        if not line.strip():
            if current:
                out.append(clean(" ".join(current)))
            current = []
            continue
        current.append(ROFF_ESCAPE.sub("", line.replace("\\-", "-")).replace("\\", ""))
    if current:
        out.append(clean(" ".join(current)))
    return out


def man_pages(language_dir):
    return sorted(glob.glob(os.path.join(language_dir, "man*", "*.gz")))


def news_paragraphs(shared):
    """English: the BBC articles' paragraphs (blank-line separated; the first line is the title)."""
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "corpora", "bbc", "*", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            out.extend(clean(block) for block in f.read().split("\n\n")[1:])
    return out


def own_paragraphs():
    """corpus/languages/<code>-<slug>.txt: the paragraphs after the date and headline lines."""
    out = []
    for path in sorted(glob.glob(os.path.join(PROJECT_DIR, "corpus", "languages", "*.txt"))):
        code = os.path.basename(path).split("-")[0]
        with open(path, encoding="utf-8") as f:
            out.extend((code, clean(block)) for block in f.read().split("\n\n")[2:])
    return out


def stable_order(row):
    return hashlib.sha1(row[1].encode("utf-8")).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-chars", type=int, default=40, help="leave out shorter paragraphs")
    parser.add_argument("--per-language", type=int, default=300,
                        help="at most this many paragraphs per language and length band (0: all)")
    parser.add_argument("--shared", default=os.path.join(PROJECT_DIR, "..", "shared"),
                        help="the shared data sets (for the BBC articles)")
    args = parser.parse_args()

    english = set(reference_paragraphs("en"))
    for path in man_pages(MAN_DIR):
        english.update(man_paragraphs(path))

    rows = []
    for language, code in REFERENCE_LANGUAGES.items():
        for paragraph in reference_paragraphs(language):
            if code != "en" and paragraph in english:
                continue
            rows.append((code, paragraph))
    for folder, code in MAN_LANGUAGES.items():
        for path in man_pages(os.path.join(MAN_DIR, folder)):
            for paragraph in man_paragraphs(path):
                if paragraph not in english:
                    rows.append((code, paragraph))
    rows.extend(("en", paragraph) for paragraph in news_paragraphs(args.shared))
    own = own_paragraphs()

    seen, kept, bands = set(), [], {}
    for code, paragraph in sorted(rows, key=stable_order):
        if len(paragraph) < args.min_chars or not is_prose(paragraph) or paragraph in seen:
            continue
        if code != "en" and has_english_sentence(paragraph):
            continue
        band = (code, len(paragraph) >= 200)
        if args.per_language and bands.get(band, 0) >= args.per_language:
            continue
        bands[band] = bands.get(band, 0) + 1
        seen.add(paragraph)
        kept.append((code, paragraph))
    kept.extend(own)
    for code, paragraph in kept:
        print(f"{code}\t{paragraph}")
    written = len(kept)
    if written == 0:
        sys.exit("build_set.py: no paragraphs found: are the documentation packages installed? (bench/languages/run)")


if __name__ == "__main__":
    main()
