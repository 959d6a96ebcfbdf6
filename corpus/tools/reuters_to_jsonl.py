#!/usr/bin/env python3
"""Convert Reuters-21578 SGML (reut2-*.sgm) into JSON Lines that newsdex-index reads.

One object per story that has a body: id, title, published (ISO 8601 from <DATE>), body (paragraphs
separated by blank lines; Reuters indents paragraphs by four spaces), dateline, and the story's own
tags: places, people, organisations, topics, exchanges. Stories without <BODY> (TYPE="BRIEF" or
"UNPROC") are left out unless --keep-empty is given.

usage: reuters_to_jsonl.py [--keep-empty] [--limit N] SGM_DIR_OR_FILES... > reuters.jsonl
"""
import argparse
import html
import json
import pathlib
import re
import sys

STORY = re.compile(r"<REUTERS\b(.*?)>(.*?)</REUTERS>", re.S)
MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})")


def element(story, tag):
    match = re.search(r"<%s>(.*?)</%s>" % (tag, tag), story, re.S)
    return html.unescape(match.group(1)) if match else ""


def tag_list(story, tag):
    return [html.unescape(d) for d in re.findall(r"<D>(.*?)</D>", element(story, tag))]


def iso_date(raw):
    match = DATE.search(raw.strip())
    if not match:
        return ""
    day, month, year, hour, minute, second = match.groups()
    return "%s-%02d-%02dT%02d:%s:%s" % (year, MONTHS[month], int(day), int(hour), minute, second)


def paragraphs(body):
    body = re.sub(r"\s*Reuter\s*\x03?\s*$", "", body.replace("\x03", "")).rstrip()
    parts = re.split(r"\n\s{3,}|\n\s*\n", body)
    return [" ".join(p.split()) for p in parts if p.strip()]


def stories(paths):
    for path in paths:
        text = path.read_bytes().decode("latin-1")
        for match in STORY.finditer(text):
            attributes, story = match.groups()
            newid = re.search(r'NEWID="(\d+)"', attributes).group(1)
            yield newid, story


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=pathlib.Path)
    parser.add_argument("--keep-empty", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    paths = []
    for item in args.inputs:
        paths.extend(sorted(item.glob("reut2-*.sgm")) if item.is_dir() else [item])
    written = 0
    for newid, story in stories(paths):
        body = paragraphs(element(story, "BODY"))
        if not body and not args.keep_empty:
            continue
        record = {
            "id": "reuters-" + newid,
            "title": " ".join(element(story, "TITLE").split()),
            "published": iso_date(element(story, "DATE")),
            "source": "Reuters",
            "dateline": " ".join(element(story, "DATELINE").split()).rstrip(" -"),
            "body": "\n\n".join(body),
            "places": tag_list(story, "PLACES"),
            "people": tag_list(story, "PEOPLE"),
            "organisations": tag_list(story, "ORGS"),
            "topics": tag_list(story, "TOPICS"),
            "exchanges": tag_list(story, "EXCHANGES"),
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
        if args.limit and written >= args.limit:
            break
    print("reuters_to_jsonl: wrote %d stories" % written, file=sys.stderr)


if __name__ == "__main__":
    main()
