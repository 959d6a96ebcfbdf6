"""Search latency: newsdex-search --batch beside SQLite FTS5 and a bare Xapian query loop.

The same queries (bench/search/queries.txt: 2-3 title words, topic words, quoted phrases) over the
same Reuters texts, all words required (each engine's AND), 10 results each. Contenders run
alternately, ctx.runs times each, after one untimed warm-up pass; each run gives p50/p95/p99 and
queries/s, and the report shows the median over runs with min-max.
  newsdex, main configuration   10 results with snippets and three facets (person, org, place),
                                "match": "all" like the others' AND
  newsdex, plain                10 results, no snippets, no facets, all words
  newsdex, default matching     the main configuration with newsdex's default --match auto, which
                                tops a page short of all-words matches up with any-word ones: more
                                results (and snippets) than the AND engines return for most queries
  FTS5 + snippet()              bm25() order, snippet() on the body
  FTS5                          bm25() order only
  bare Xapian                   QueryParser + Enquire, document data only
newsdex and bare Xapian are timed per query through their stdin/stdout pipe (one line in, one line
out, flushed); FTS5 is timed in-process around execute() + fetchall(). Both include the client's
parsing of the answer line, so the pipe adds tens of microseconds to the C++ programs, not to FTS5.
"""
import json
import pathlib
import re
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
import common  # noqa: E402
import fts5  # noqa: E402
import newsdex_client  # noqa: E402
import shards  # noqa: E402  (bench/search/shards.py, beside this file)

QUERIES = pathlib.Path(__file__).resolve().parent / "queries.txt"


# What newsdex is asked in the main configuration: all words, as the other engines' AND.
MAIN_REQUEST = {"limit": 10, "facets": ["person", "org", "place"], "match": "all"}
PLAIN_REQUEST = {"limit": 10, "snippet_length": 0, "match": "all"}


def read_queries():
    return [line.strip() for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def index_schema():
    """The index schema version newsdex writes (common/store/schema.hpp)."""
    match = re.search(r'schema_version = "([^"]+)"', (common.REPO / "common" / "store" / "schema.hpp").read_text())
    return match.group(1) if match else "unknown"


def build_indexes(ctx, jsonl):
    """Builds each index once; a marker file written after a complete build makes an interrupted
    build (an empty or partial index) be rebuilt rather than measured."""
    out = ctx.work / "search-bench"
    out.mkdir(parents=True, exist_ok=True)
    dbs = {"xapian": out / "xapian-baseline.db", "fts5": out / "fts5.sqlite", "newsdex": out / "newsdex.db"}

    def build(name, function, stamp=""):
        marker = pathlib.Path(str(dbs[name]) + ".complete")
        built = "built from %s\n%s" % (jsonl, stamp)
        if marker.exists() and dbs[name].exists() and marker.read_text() == built:
            return
        common.remove(marker)
        common.remove(dbs[name])
        common.remove(pathlib.Path(str(dbs[name]) + "-journal"))
        try:
            function()
            marker.write_text(built)
        except RuntimeError as error:  # the peers are still measured; the report says why one is missing
            common.remove(dbs[name])
            print("search: building the %s index failed: %s" % (name, error), file=sys.stderr)

    build("xapian", lambda: common.run([ctx.binary("xapian-baseline-index"), "--db", dbs["xapian"], jsonl], ctx,
                                       "search: bare Xapian index"))
    build("fts5", lambda: fts5.build_in_process(str(dbs["fts5"]), jsonl).close())
    if ctx.binary("newsdex-index"):
        # A newsdex index of another schema is refused by newsdex-search: rebuild it when the schema moves.
        build("newsdex", lambda: common.run(newsdex_client.index_command(ctx, dbs["newsdex"], [jsonl]), ctx,
                                            "search: newsdex index"), "index schema %s\n" % index_schema())
    return dbs


def pipe_contender(command, lines):
    def run_once():
        timer = newsdex_client.PipeTimer(command)
        try:
            latencies = []
            for line in lines:
                elapsed, answer = timer.ask(line)
                json.loads(answer) if answer.startswith("{") else None  # the client reads the answer
                latencies.append(elapsed)
            return latencies
        finally:
            timer.close()
    return run_once


def fts5_contender(db_path, queries, snippets):
    def run_once():
        connection = fts5.sqlite3.connect(str(db_path))
        latencies = []
        for query in queries:
            phrase = query.startswith('"')
            started = time.perf_counter()
            fts5.search(connection, query, 10, snippets=snippets, operator="AND", phrase=phrase)
            latencies.append(time.perf_counter() - started)
        connection.close()
        return latencies
    return run_once


def contenders(ctx, dbs, queries):
    items = []
    search = ctx.binary("newsdex-search")
    if search and dbs["newsdex"].exists():
        items.append(("newsdex: 10 results + snippets + 3 facets",
                      newsdex_client.batch_command(ctx, dbs["newsdex"]),
                      [json.dumps(dict(MAIN_REQUEST, query=q)) for q in queries]))
        items.append(("newsdex: 10 results, no snippets or facets",
                      newsdex_client.batch_command(ctx, dbs["newsdex"]),
                      [json.dumps(dict(PLAIN_REQUEST, query=q)) for q in queries]))
        topped_up = {key: value for key, value in MAIN_REQUEST.items() if key != "match"}
        items.append(("newsdex: default matching (topped up with any-word results) + snippets + 3 facets",
                      newsdex_client.batch_command(ctx, dbs["newsdex"]),
                      [json.dumps(dict(topped_up, query=q)) for q in queries]))
    xapian = [ctx.binary("xapian-baseline-search"), "--db", str(dbs["xapian"]), "--limit", "10", "--op", "and"]
    items.append(("bare Xapian: 10 results", xapian, queries))
    runners = []
    for name, command, lines in items:
        ctx.log(command, "search: one request per stdin line, timed per line")
        runners.append((name, pipe_contender(command, lines)))
    runners.append(("SQLite FTS5: 10 results + snippet()", fts5_contender(dbs["fts5"], queries, True)))
    runners.append(("SQLite FTS5: 10 results", fts5_contender(dbs["fts5"], queries, False)))
    return runners


def run_searching(ctx, jsonl):
    queries = read_queries()
    dbs = build_indexes(ctx, jsonl)
    runners = contenders(ctx, dbs, queries)
    for name, run_once in runners:  # warm-up: caches filled alike for everyone
        try:
            run_once()
        except RuntimeError as error:
            print("search: %s warm-up failed: %s" % (name, error), file=sys.stderr)
    per_run = {name: [] for name, _ in runners}
    for repetition in range(ctx.runs):
        for name, run_once in runners:
            print("search: run %d/%d %s" % (repetition + 1, ctx.runs, name), file=sys.stderr)
            try:
                latencies = run_once()
            except RuntimeError as error:
                print("search: %s failed: %s" % (name, error), file=sys.stderr)
                continue
            per_run[name].append({"p50": common.percentile(latencies, 0.50) * 1000,
                                  "p95": common.percentile(latencies, 0.95) * 1000,
                                  "p99": common.percentile(latencies, 0.99) * 1000,
                                  "qps": len(latencies) / sum(latencies)})
    rows = []
    for name, _ in runners:
        runs = per_run[name]
        rows.append({"name": name, "runs": len(runs),
                     **{k: common.summary([r[k] for r in runs]) for k in ("p50", "p95", "p99", "qps")}})
    result = {"queries": len(queries), "query_file": "bench/search/queries.txt", "runs": ctx.runs,
              "documents": sum(1 for _ in open(jsonl, encoding="utf-8")), "contenders": rows}
    if ctx.binary("newsdex-search") and dbs["newsdex"].exists():
        try:  # the shard layouts against the single database, in this same invocation
            result["shards"] = shards.run_shards(ctx, jsonl, dbs["newsdex"], queries, MAIN_REQUEST, pipe_contender)
        except (RuntimeError, OSError) as error:
            print("search: shards failed: %s" % error, file=sys.stderr)
            result["shards"] = {"error": str(error)}
    return result
