#!/usr/bin/env python3
"""Convert a classic IR test collection (TIME, CISI, Cranfield) into files newsdex and the baselines read.

Writes into OUT_DIR:
  docs.jsonl   one object per document: id, url ("<collection>:<docid>", which newsdex turns into the
               article id "url:<collection>:<docid>"), title, body, and published (TIME only)
  queries.tsv  query id TAB query text (one line, white space collapsed)
  qrels.txt    TREC qrels: "qid 0 docid relevance"

How judgements map to documents follows each collection's SOURCE.md:
  TIME       TIME.REL (the usual, sparser set; --time-rel-all for TIME.REL.ALL); document ids are 1-based
             ordinal positions in TIME.ALL, not *TEXT numbers; pairs citing documents 424/425 (missing
             from TIME.ALL) are dropped.
  CISI       queries use their .W text; 76 of 112 queries are judged (the others are still written but
             scorers skip queries without judgements).
  Cranfield  query ids are ordinal positions in cran.qry (1..225), not the .I numbers; all 1,837
             judged pairs count as relevant (grades 1-4 and -1 alike), as agreed for this project.

usage: testcollection_to_jsonl.py {time,cisi,cranfield} CORPUS_DIR OUT_DIR
"""
import argparse
import json
import pathlib
import re
import sys


def collapse(text):
    return " ".join(text.split())


def smart_records(text):
    """Splits SMART-format text (".I n" records with ".X" field markers) into (id, {field: text})."""
    records = []
    for chunk in re.split(r"^\.I\s+", text, flags=re.M)[1:]:
        first_line, _, rest = chunk.partition("\n")
        fields, current = {}, None
        for line in rest.split("\n"):
            marker = re.match(r"^\.([A-Z])\s*$", line.rstrip())
            if marker:
                current = marker.group(1)
                fields.setdefault(current, [])
                continue
            if current:
                fields[current].append(line)
        records.append((first_line.strip(), {k: "\n".join(v) for k, v in fields.items()}))
    return records


def time_collection(corpus, rel_all):
    text = (corpus / "TIME.ALL").read_text(encoding="ascii", errors="replace")
    docs = []
    for ordinal, chunk in enumerate(re.split(r"^\*TEXT\b", text, flags=re.M)[1:], start=1):
        header, _, body = chunk.partition("\n")
        date = re.search(r"(\d\d)/(\d\d)[/ ](\d\d)", header)
        published = "19%s-%s-%s" % (date.group(3), date.group(1), date.group(2)) if date else ""
        docs.append({"id": str(ordinal), "title": "", "body": collapse(body), "published": published})
    queries = []
    que = (corpus / "TIME.QUE").read_text(encoding="ascii", errors="replace")
    for chunk in re.split(r"^\*FIND\s+", que, flags=re.M)[1:]:
        number, _, body = chunk.partition("\n")
        queries.append((number.strip(), collapse(body)))
    qrels = []
    known = {d["id"] for d in docs}
    rel_file = corpus / ("TIME.REL.ALL" if rel_all else "TIME.REL")
    for line in rel_file.read_text(encoding="ascii").splitlines():
        numbers = re.findall(r"\d+", line)
        if len(numbers) < 2:
            continue
        for doc in numbers[1:]:
            if doc in known:
                qrels.append((numbers[0], doc, 1))
    return docs, queries, qrels


def cisi_collection(corpus):
    docs = [{"id": str(int(i)), "title": collapse(f.get("T", "")), "body": collapse(f.get("W", ""))}
            for i, f in smart_records((corpus / "CISI.ALL").read_text(encoding="ascii", errors="replace"))]
    queries = [(str(int(i)), collapse(f.get("W", "")))
               for i, f in smart_records((corpus / "CISI.QRY").read_text(encoding="ascii", errors="replace"))]
    qrels = []
    for line in (corpus / "CISI.REL").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            qrels.append((str(int(parts[0])), str(int(parts[1])), 1))
    return docs, queries, qrels


def cranfield_collection(corpus):
    docs = [{"id": str(int(i)), "title": collapse(f.get("T", "")), "body": collapse(f.get("W", ""))}
            for i, f in smart_records((corpus / "cran.all.1400").read_text(encoding="ascii", errors="replace"))]
    queries = [(str(ordinal), collapse(f.get("W", "")))
               for ordinal, (_, f) in enumerate(
                   smart_records((corpus / "cran.qry").read_text(encoding="ascii", errors="replace")), start=1)]
    qrels = []
    for line in (corpus / "cranqrel").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            qrels.append((parts[0], parts[1], 1))
    return docs, queries, qrels


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", choices=["time", "cisi", "cranfield"])
    parser.add_argument("corpus_dir", type=pathlib.Path)
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--time-rel-all", action="store_true", help="TIME: use TIME.REL.ALL instead of TIME.REL")
    args = parser.parse_args()
    if args.collection == "time":
        docs, queries, qrels = time_collection(args.corpus_dir, args.time_rel_all)
    elif args.collection == "cisi":
        docs, queries, qrels = cisi_collection(args.corpus_dir)
    else:
        docs, queries, qrels = cranfield_collection(args.corpus_dir)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with open(args.out_dir / "docs.jsonl", "w", encoding="utf-8") as out:
        for doc in docs:
            record = {"id": doc["id"], "url": "%s:%s" % (args.collection, doc["id"]), "title": doc["title"],
                      "body": doc["body"]}
            if doc.get("published"):
                record["published"] = doc["published"]
            out.write(json.dumps(record) + "\n")
    with open(args.out_dir / "queries.tsv", "w", encoding="utf-8") as out:
        for number, text in queries:
            out.write("%s\t%s\n" % (number, text))
    with open(args.out_dir / "qrels.txt", "w", encoding="utf-8") as out:
        for query, doc, relevance in qrels:
            out.write("%s 0 %s %d\n" % (query, doc, relevance))
    print("%s: %d documents, %d queries, %d judged pairs" % (args.collection, len(docs), len(queries), len(qrels)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
