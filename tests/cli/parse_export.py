#!/usr/bin/env python3
"""Reads a newsdex-search export on stdin strictly and prints its rows as one JSON list of lists.

usage: parse_export.py csv|tsv < export

csv: Python's csv module with strict=True (a stray quote is an error) over the exact bytes, and
every record must end with CRLF (RFC 4180). tsv: one row per LF-ended line, fields split on tabs,
\\t \\n \\r \\\\ unescaped; any other backslash sequence, or a CR outside an escape, is an error.
Exits 1 with a message on anything that does not parse.
"""
import csv
import io
import json
import sys


def parse_csv(text):
    if text and not text.endswith("\r\n"):
        raise ValueError("the last record does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    # Every record ends with CRLF: as many CRLFs outside quoted fields as records.
    ends, quoted, i = 0, False, 0
    while i < len(text):
        c = text[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "\n":
            if i == 0 or text[i - 1] != "\r":
                raise ValueError("a record ends with a bare LF at offset %d" % i)
            ends += 1
        i += 1
    if ends != len(rows):
        raise ValueError("%d records but %d record ends" % (len(rows), ends))
    return rows


def unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\r":
            raise ValueError("a raw CR in a TSV field")
        if c == "\\":
            if i + 1 >= len(field) or field[i + 1] not in "tnr\\":
                raise ValueError("a bad escape in %r" % field)
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[field[i + 1]])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_tsv(text):
    if text and not text.endswith("\n"):
        raise ValueError("the last row does not end with LF")
    return [[unescape(f) for f in line.split("\t")] for line in text[:-1].split("\n")] if text else []


def main():
    data = sys.stdin.buffer.read().decode("utf-8")
    try:
        rows = parse_csv(data) if sys.argv[1] == "csv" else parse_tsv(data)
    except (ValueError, csv.Error) as error:
        print("parse_export.py: %s" % error, file=sys.stderr)
        return 1
    json.dump(rows, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
