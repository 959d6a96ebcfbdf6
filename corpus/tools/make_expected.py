#!/usr/bin/env python3
"""Compute tests/fixtures/corpus-expected.json from the sample collection's files.

The facts are read from the files themselves (not from whatever wrote them), so that
expected.json cannot drift from the text: title and date come from each format's own
metadata, and entities are found in the article body only, never in teasers, menus or
other boilerplate. Entities are the hand-written list below with their surface forms.

Run from anywhere:  python3 corpus/tools/make_expected.py          (writes tests/fixtures/corpus-expected.json)
                    python3 corpus/tools/make_expected.py --check  (exit 1 if it is out of date)
Standard library only.
"""

import datetime
import hashlib
import html.parser
import json
import re
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
EXPECTED = CORPUS.parent / "tests" / "fixtures" / "corpus-expected.json"

# Canonical name -> surface forms (case-sensitive, whole words). A person's surname
# alone is a form because no two recurring people share one; the unaccented spellings
# occur in some texts on purpose.
PEOPLE = {
    "Elena Castellan": ["Elena Castellan", "Castellan"],
    "Owen Trask": ["Owen Trask", "Trask"],
    "Zoë Marchetti": ["Zoë Marchetti", "Zoe Marchetti", "Marchetti"],
    "José Ibarra": ["José Ibarra", "Jose Ibarra", "Ibarra"],
    "Marcus Delacourt": ["Marcus Delacourt", "Delacourt"],
    "Agnes Thornquist": ["Agnes Thornquist", "Thornquist"],
    "Rory Quennell": ["Rory Quennell", "Quennell"],
    "Amélie Vasseur": ["Amélie Vasseur", "Amelie Vasseur", "Vasseur"],
    "Søren Lindahl": ["Søren Lindahl", "Soren Lindahl", "Lindahl"],
    "Hannah Whitlow": ["Hannah Whitlow", "Whitlow"],
}
ORGANISATIONS = {
    "Valdermoor City Council": ["Valdermoor City Council"],
    "Northgate Energy": ["Northgate Energy", "Northgate"],
    "Harbour Workers Union": ["Harbour Workers Union", "HWU"],
    "Essling Regional Hospital": ["Essling Regional Hospital"],
    "Coastal Rail Authority": ["Coastal Rail Authority", "CRA"],
    "Kestrelby Athletic": ["Kestrelby Athletic"],
    "Brightfold Labs": ["Brightfold Labs", "Brightfold"],
}
PLACES = {
    "Valdermoor": ["Valdermoor"],
    "Port Essling": ["Port Essling"],
    "Kestrelby": ["Kestrelby"],
    "Brindlemouth": ["Brindlemouth"],
    "Hollin Cross": ["Hollin Cross"],
    "Saltrey": ["Saltrey"],
    "Tarnwick": ["Tarnwick"],
    "Tembrel Vale": ["Tembrel Vale"],
    "River Tembrel": ["River Tembrel", "the Tembrel"],
    "Calvenshire": ["Calvenshire"],
}
# One-off people (quoted residents, players). Listed separately so that a test of a
# person extractor can tell them from false positives; full names only, plus "Lentz",
# who is named by surname alone after the first mention.
MINOR_PEOPLE = {
    "Dario Lentz": ["Dario Lentz", "Lentz"],
    "Clara Voss": ["Clara Voss"],
    "Pavel Donnan": ["Pavel Donnan"],
    "Lena Stroud": ["Lena Stroud"],
    "Ida Merrow": ["Ida Merrow"],
    "Greta Halloway": ["Greta Halloway"],
    "Tomas Feld": ["Tomas Feld"],
    "Mira Halden": ["Mira Halden"],
    "Ruben Alder": ["Ruben Alder"],
    "Sam Okafor": ["Sam Okafor"],
    "Ivo Marsh": ["Ivo Marsh"],
}
KINDS = (("people", PEOPLE), ("organisations", ORGANISATIONS), ("places", PLACES),
         ("minor_people", MINOR_PEOPLE))

# The three HTML sites: how each marks its story container and its metadata.
SITES = {
    "courier": {"name": "The Valdermoor Courier", "container": ("class", "story-body")},
    "gazette": {"name": "Essling Harbour Gazette", "container": ("class", "entry-content")},
    "today": {"name": "Calvenshire Today", "container": ("id", "article-content")},
}


def find_entities(text):
    """Entities named in text: longest surface form wins, so 'Valdermoor City Council'
    is the council and not also the place, and 'Tembrel Vale' is not the river."""
    text = unicodedata.normalize("NFC", text)
    candidates = []
    for kind, table in KINDS:
        for canonical, forms in table.items():
            for form in forms:
                for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                    candidates.append((m.start(), m.end(), kind, canonical))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken, found = [], {kind: set() for kind, _ in KINDS}
    for start, end, kind, canonical in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        found[kind].add(canonical)
    return {kind: sorted(names) for kind, names in found.items()}


# ---------------------------------------------------------------- plain text pages

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def parse_text_date(line):
    line = line.strip()
    patterns = [
        # Friday, November 22, 2024 / Nov. 22, 2024 9:30 AM ET / Sept. 18, 2024 11:45 AM ET
        r"(?:(?P<wd>[A-Z][a-z]+), )?(?P<mon>[A-Z][a-z]+)\.? (?P<d>\d{1,2}), (?P<y>\d{4})"
        r"(?: \d{1,2}:\d{2} [AP]M ET)?$",
        r"(?P<d>\d{1,2}) (?P<mon>[A-Z][a-z]{2}) (?P<y>\d{4})$",  # 22 Nov 2024
        r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$",  # 2024-11-22
        r"(?P<m>\d{2})/(?P<d>\d{2})/(?P<y>\d{4})$",  # 11/22/2024, always month first
    ]
    for pattern in patterns:
        m = re.match(pattern, line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3].lower()]
        date = datetime.date(int(g["y"]), month, int(g["d"]))
        if g.get("wd") and date.strftime("%A") != g["wd"]:
            raise ValueError(f"weekday does not match date: {line!r}")
        return date
    raise ValueError(f"unrecognised date line: {line!r}")


TEXT_BODY_START = "Getting your Trinity Audio player ready..."
TEXT_BODY_END = ("This article was created", "This story was produced", "Share this:",
                 "Subscribe to our newsletter", "LEAVE A REPLY")


def read_text_page(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    date = parse_text_date(lines[0])
    if lines[1] or lines[3]:
        raise ValueError(f"{path}: expected date, blank, title, blank, lede")
    title, lede = lines[2], lines[4]
    body = []
    for line in lines[lines.index(TEXT_BODY_START) + 1:]:
        if line.startswith(TEXT_BODY_END) or (line.strip() == "" and line != ""):
            break  # the seed marks the article's end with a line holding one no-break space
        if line and line != "- Advertisement -" and not line.startswith("Related:"):
            body.append(line)
    return [{"date": date, "title": title, "lede": lede, "body": body,
             "author": None, "source": None, "url": None}]


# ---------------------------------------------------------------- HTML pages

VOID = {"meta", "link", "img", "br", "hr", "input", "source", "wbr"}
SKIP_IN_BODY = {"aside", "figure", "script", "style", "form"}


class PageParser(html.parser.HTMLParser):
    def __init__(self, container):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.stack = []  # (tag, is_container, skips)
        self.meta, self.jsonld, self.times, self.h1 = {}, [], [], []
        self.title, self.canonical = "", None
        self.paragraphs = []
        self._text = None  # collecting: (kind, parts)

    def _inside(self, pred):
        return any(pred(entry) for entry in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "time" and "datetime" in a:
            self.times.append(a["datetime"])
        if tag in VOID:
            return
        attr, value = self.container
        is_container = value in (a.get(attr) or "").split()
        skips = tag in SKIP_IN_BODY or "ad" in (a.get("class") or "").split()
        self.stack.append((tag, is_container, skips))
        in_body = self._inside(lambda e: e[1]) and not self._inside(lambda e: e[2])
        if tag in ("p", "h2") and in_body and self._text is None:
            self._text = [tag, []]
        elif tag in ("title", "h1") or (tag == "script" and a.get("type") == "application/ld+json"):
            self._text = [tag, []]

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag = self.stack.pop()[0]
            if open_tag == tag:
                break
        if self._text and self._text[0] == tag:
            kind, text = self._text[0], " ".join("".join(self._text[1]).split())
            self._text = None
            if kind == "title":
                self.title = text
            elif kind == "h1":
                self.h1.append(text)
            elif kind == "script":
                self.jsonld.append(json.loads(text))
            elif text:
                self.paragraphs.append(text)

    def handle_data(self, data):
        if self._text is not None:
            self._text[1].append(data)


def iso_date(stamp):
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()


def read_html_page(path):
    site = path.name.split("-", 1)[0]
    info = SITES[site]
    page = PageParser(info["container"])
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    if site == "courier":
        (ld,) = [d for d in page.jsonld if d.get("@type") == "NewsArticle"]
        title, date = ld["headline"], iso_date(ld["datePublished"])
        author, lede = ld["author"]["name"], ld.get("description")
    elif site == "gazette":
        title, date = page.meta["og:title"], iso_date(page.meta["article:published_time"])
        author, lede = page.meta["author"], page.meta.get("og:description")
    else:
        (title,) = page.h1
        (stamp,) = page.times
        date, author, lede = iso_date(stamp), None, None
        if page.title != f"{title} - {info['name']}":
            raise ValueError(f"{path}: <title> is not '<h1> - {info['name']}'")
    return [{"date": date, "title": title, "lede": lede, "body": page.paragraphs,
             "author": author, "source": info["name"], "url": page.canonical}]


# ---------------------------------------------------------------- JSON Lines export

def read_export(path):
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        articles.append({"date": iso_date(obj["published_at"]), "title": obj["title"],
                         "lede": obj["lede"], "body": obj["body"].split("\n\n"),
                         "author": obj["author"], "source": obj["source"], "url": obj["url"]})
    return articles


# ---------------------------------------------------------------- putting it together

def collect():
    files = ([("text", p, read_text_page) for p in sorted((CORPUS / "text").glob("*.txt"))]
             + [("html", p, read_html_page) for p in sorted((CORPUS / "html").glob("*.html"))]
             + [("export", p, read_export) for p in sorted((CORPUS / "export").glob("*.jsonl"))])
    records, problems, by_body = [], [], {}
    for fmt, path, reader in files:
        for position, art in enumerate(reader(path)):
            rel = path.relative_to(CORPUS).as_posix()
            body_text = "\n\n".join(art["body"])
            found = find_entities(body_text)
            # Title and lede must not name anyone the body does not, so that "in the
            # body" and "in the article" give the same answer.
            head = find_entities(art["title"] + "\n" + (art["lede"] or ""))
            for kind, names in head.items():
                extra = set(names) - set(found[kind])
                if extra:
                    problems.append(f"{rel}#{position}: title/lede name {sorted(extra)} not in body")
            words = len(body_text.split())
            if not 150 <= words <= 500:
                problems.append(f"{rel}#{position}: body has {words} words")
            digest = hashlib.sha1(unicodedata.normalize("NFC", body_text).encode()).hexdigest()
            by_body.setdefault(digest, []).append(f"{rel}#{position}")
            records.append({
                "file": rel, "position": position, "format": fmt,
                "date": art["date"].isoformat(), "title": art["title"],
                "author": art["author"], "source": art["source"], "url": art["url"],
                "paragraphs": len(art["body"]), "words": words,
                "people": found["people"], "organisations": found["organisations"],
                "places": found["places"], "minor_people": found["minor_people"],
            })
    duplicates = [ids for ids in by_body.values() if len(ids) > 1]
    return records, duplicates, problems


def build():
    records, duplicates, problems = collect()
    mentions = {kind: {name: [] for name in table} for kind, table in KINDS}
    for r in records:
        for kind, _ in KINDS:
            for name in r[kind]:
                ref = r["file"] if r["format"] != "export" else f"{r['file']}#{r['position']}"
                mentions[kind][name].append(ref)
    unused = [n for kind, _ in KINDS[:3] for n, refs in mentions[kind].items() if not refs]
    problems += [f"entity never mentioned: {n}" for n in unused]
    dates = sorted(r["date"] for r in records)
    counts = {fmt: sum(r["format"] == fmt for r in records) for fmt in ("text", "html", "export")}
    expected = {
        "description": "Facts about the sample collection computed by corpus/tools/make_expected.py; "
                       "entities are those named in the article body (paragraphs), not in "
                       "teasers, menus or other boilerplate. 'position' is 0 for text/html "
                       "files and the 0-based line index in a .jsonl file.",
        "counts": dict(counts, total=len(records)),
        "date_range": [dates[0], dates[-1]],
        "entities": {kind: {name: {"forms": forms, "articles": mentions[kind][name]}
                            for name, forms in table.items()} for kind, table in KINDS},
        "duplicates": duplicates,
        "articles": records,
    }
    return expected, problems


def main():
    expected, problems = build()
    for p in problems:
        print("problem:", p, file=sys.stderr)
    text = json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    out = EXPECTED
    if "--check" in sys.argv[1:]:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print("expected.json is out of date: run python3 corpus/tools/make_expected.py", file=sys.stderr)
            return 1
        return 1 if problems else 0
    out.write_text(text, encoding="utf-8")
    c = expected["counts"]
    print(f"wrote {out.relative_to(CORPUS.parent)}: {c['total']} articles "
          f"({c['text']} text, {c['html']} html, {c['export']} export), "
          f"{expected['date_range'][0]} to {expected['date_range'][1]}, "
          f"{len(expected['duplicates'])} duplicate group(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
