"""Indexing speed, size and memory: newsdex-index beside bare Xapian, SQLite FTS5 and omindex.

All contenders index the same Reuters-21578 texts (title + body of the 19,043 stories with a body),
alternately in the same invocation, ctx.runs times each; each run starts from an empty database.
  newsdex-index --jobs 1 / --jobs 2   the JSON Lines file (cleaning, entities, facets: the full pipeline)
  newsdex-index --jobs 2 --shards 1 / --shards 2
                                      the same, as an explicit one-shard collection and as two shard
                                      databases written by two writer threads (docs/distributed.md)
  xapian-baseline-index               the same file: TermGenerator, English stemmer, positions, nothing else
  sqlite3 FTS5                        the same texts as one JSON array, inserted by the sqlite3 shell in one
                                      transaction (porter unicode61)
  omindex                             one small HTML file per story (title + body paragraphs) in a temp dir
MB/s counts the title and body bytes (the same text for every contender).
"""
import html
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
import common  # noqa: E402
import fts5  # noqa: E402
import newsdex_client  # noqa: E402


def reuters_jsonl(ctx):
    """Converts Reuters-21578 once (corpus/tools/reuters_to_jsonl.py) into the work directory."""
    path = ctx.work / "reuters.jsonl"
    if not path.exists() or path.stat().st_size == 0:
        corpus = common.CORPORA / "reuters21578"
        result = common.run([sys.executable, common.REPO / "corpus/tools/reuters_to_jsonl.py", corpus], ctx,
                            "convert Reuters-21578 to JSON Lines")
        path.write_text(result.stdout, encoding="utf-8")
    return path


def prepare_inputs(ctx, jsonl):
    """The same texts as a JSON array (FTS5) and as one HTML file per story (omindex)."""
    records = common.read_jsonl(jsonl)
    array_path = ctx.work / "reuters.json"
    with open(array_path, "w", encoding="utf-8") as out:
        json.dump([{"id": r.get("id", ""), "title": r.get("title", ""), "body": r.get("body", "")} for r in records],
                  out)
    pages = ctx.work / "reuters-html"
    if not pages.is_dir() or sum(1 for _ in pages.iterdir()) != len(records):
        common.remove(pages)
        pages.mkdir(parents=True)
        for number, r in enumerate(records):
            paragraphs = "".join("<p>%s</p>\n" % html.escape(p) for p in r.get("body", "").split("\n\n"))
            (pages / ("%05d.html" % number)).write_text(
                "<html><head><title>%s</title></head><body>\n%s</body></html>\n"
                % (html.escape(r.get("title", "")), paragraphs), encoding="utf-8")
    text_bytes = sum(len(r.get("title", "").encode()) + len(r.get("body", "").encode()) for r in records)
    return array_path, pages, len(records), text_bytes


def contenders(ctx, jsonl, array_path, pages):
    out = ctx.work / "index-bench"
    out.mkdir(parents=True, exist_ok=True)
    sql_path = out / "fts5-build.sql"
    sql_path.write_text(fts5.build_sql_script(array_path), encoding="utf-8")
    items = []
    if ctx.binary("newsdex-index"):
        jobs = [1, 2] if newsdex_client.supports(ctx.binary("newsdex-index"), "--jobs") else [None]
        for j in jobs:
            db = out / ("newsdex-j%s.db" % (j or 1))
            name = "newsdex-index --jobs %d" % j if j else "newsdex-index"
            items.append({"name": name, "db": db, "xapian": True,
                          "command": newsdex_client.index_command(ctx, db, [jsonl], j)})
        if newsdex_client.supports(ctx.binary("newsdex-index"), "--shards"):
            for shards in (1, 2):
                db = out / ("newsdex-j2-s%d.db" % shards)
                items.append({"name": "newsdex-index --jobs 2 --shards %d" % shards, "db": db, "xapian": True,
                              "command": newsdex_client.index_command(ctx, db, [jsonl], 2, shards)})
    db = out / "xapian-baseline.db"
    items.append({"name": "bare Xapian TermGenerator", "db": db, "xapian": True,
                  "command": [ctx.binary("xapian-baseline-index"), "--db", db, jsonl]})
    db = out / "fts5.sqlite"
    items.append({"name": "SQLite FTS5", "db": db, "xapian": False,
                  "command": ["sqlite3", db, ".read %s" % sql_path]})
    if common.shutil.which("omindex"):
        db = out / "omindex.db"
        items.append({"name": "omindex (xapian-omega)", "db": db, "xapian": True,
                      "command": ["omindex", "--db", db, "--url", "/", "--empty-docs", "skip", pages]})
    return items


def run_indexing(ctx):
    jsonl = reuters_jsonl(ctx)
    array_path, pages, articles, text_bytes = prepare_inputs(ctx, jsonl)
    items = contenders(ctx, jsonl, array_path, pages)
    timings = {item["name"]: [] for item in items}
    failed = {}
    for repetition in range(ctx.runs):
        for item in items:  # alternately: each run of each contender sees the same machine state
            if item["name"] in failed:
                continue
            common.remove(item["db"])
            print("indexing: run %d/%d %s" % (repetition + 1, ctx.runs, item["name"]), file=sys.stderr)
            try:
                timings[item["name"]].append(common.timed(item["command"], ctx, "indexing"))
            except RuntimeError as error:  # the others are still measured; the report says why
                failed[item["name"]] = str(error).strip().splitlines()[-1]
    rows = []
    for item in items:
        if item["name"] in failed:
            rows.append({"name": item["name"], "failed": failed[item["name"]],
                         "command": " ".join(common.shlex_quote(str(c)) for c in item["command"])})
            continue
        documents = common.document_count(item["db"])
        if not documents or documents < 0.9 * articles:
            raise RuntimeError("%s indexed %s documents of %d: not a fair comparison" % (item["name"], documents, articles))
        seconds = [t["seconds"] for t in timings[item["name"]]]
        row = {"name": item["name"], "documents": documents, "seconds": common.summary(seconds),
               "articles_per_second": common.summary([articles / s for s in seconds]),
               "mb_per_second": common.summary([text_bytes / 1e6 / s for s in seconds]),
               "peak_rss_mb": common.summary([t["peak_rss_mb"] for t in timings[item["name"]]]),
               "index_mb": common.directory_bytes(item["db"]) / 1e6,
               "command": " ".join(common.shlex_quote(str(c)) for c in item["command"])}
        if item["xapian"]:
            compacted = pathlib.Path(str(item["db"]) + ".compact")
            common.remove(compacted)
            common.run(["xapian-compact", item["db"], compacted], ctx, "index size after compaction")
            row["compacted_mb"] = common.directory_bytes(compacted) / 1e6
            common.remove(compacted)
        rows.append(row)
    reference = next((r for r in rows if r["name"].startswith("newsdex-index") and "failed" not in r), None)
    for row in rows:
        if reference and row is not reference and "failed" not in row:
            # > 1: newsdex (its first configuration) is that many times faster than this contender
            row["newsdex_speed_ratio"] = row["seconds"]["median"] / reference["seconds"]["median"]
    return {"articles": articles, "text_mb": text_bytes / 1e6, "runs": ctx.runs, "contenders": rows,
            "sharding": sharding_ratios(rows)}


def sharding_ratios(rows):
    """Throughput of --shards 2 as a multiple of the bare Xapian loop's and of --shards 1 (same invocation)."""
    by_name = {r["name"]: r for r in rows if "failed" not in r}
    two = by_name.get("newsdex-index --jobs 2 --shards 2")
    if not two:
        return None
    ratios = {}
    for key, name in (("vs_bare_xapian", "bare Xapian TermGenerator"), ("vs_one_shard", "newsdex-index --jobs 2 --shards 1")):
        if name in by_name:
            ratios[key] = by_name[name]["seconds"]["median"] / two["seconds"]["median"]
    return ratios
