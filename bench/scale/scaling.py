"""Scale: how index time, index size and query latency grow with the collection (100k, 300k, 1M).

Each size is generated once by corpus/tools/make_scale_corpus.py into the work directory (kept for
re-runs; delete bench/work/scale to regenerate), indexed from empty by newsdex-index (--jobs 2 when
it has the option), compacted to measure the compact size, then the search query set runs through
newsdex-search --batch in its main configuration (10 results, snippets, three facets): one untimed
warm-up pass, then ctx.runs timed passes, p50/p99 as the median over passes.
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "search"))
import common  # noqa: E402
import newsdex_client  # noqa: E402
import searching  # noqa: E402

SIZES = {"100k": 100_000, "300k": 300_000, "1m": 1_000_000}


def parse_sizes(text):
    sizes = []
    for name in text.split(","):
        name = name.strip().lower()
        if name not in SIZES:
            raise ValueError("unknown scale size '%s' (choose from %s)" % (name, ", ".join(SIZES)))
        sizes.append(name)
    return sizes


def measure_size(ctx, name):
    articles = SIZES[name]
    folder = ctx.work / "scale"
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = folder / ("scale-%s.jsonl" % name)
    if not jsonl.exists():
        common.run([sys.executable, common.REPO / "corpus/tools/make_scale_corpus.py", "--articles", str(articles),
                    common.CORPORA, jsonl], ctx, "scale: generate the collection")
    db = folder / ("newsdex-%s.db" % name)
    common.remove(db)
    jobs = 2 if newsdex_client.supports(ctx.binary("newsdex-index"), "--jobs") else None
    print("scale: indexing %s" % name, file=sys.stderr)
    timing = common.timed(newsdex_client.index_command(ctx, db, [jsonl], jobs), ctx, "scale: index")
    row = {"size": name, "articles": articles, "index_seconds": timing["seconds"], "peak_rss_mb": timing["peak_rss_mb"],
           "index_mb": common.directory_bytes(db) / 1e6}
    compacted = folder / ("newsdex-%s.compact" % name)
    common.remove(compacted)
    common.run(["xapian-compact", db, compacted], ctx, "scale: compact")
    row["compacted_mb"] = common.directory_bytes(compacted) / 1e6
    common.remove(compacted)
    lines = [json.dumps(dict(searching.MAIN_REQUEST, query=q)) for q in searching.read_queries()]
    run_once = searching.pipe_contender(newsdex_client.batch_command(ctx, db), lines)
    run_once()  # warm-up
    p50, p99 = [], []
    for _ in range(ctx.runs):
        latencies = run_once()
        p50.append(common.percentile(latencies, 0.5) * 1000)
        p99.append(common.percentile(latencies, 0.99) * 1000)
    row.update({"p50_ms": common.summary(p50)["median"], "p99_ms": common.summary(p99)["median"],
                "p50": common.summary(p50), "p99": common.summary(p99)})
    return row


def run_scale(ctx, sizes, results_dir):
    """Measures each size; every size's row is also kept in bench/results/scale-<size>.json, so a
    long 1M run survives and later reports can include it."""
    rows = []
    for name in sizes:
        row = measure_size(ctx, name)
        row["machine"] = common.machine()
        (pathlib.Path(results_dir) / ("scale-%s.json" % name)).write_text(json.dumps(row, indent=1))
        rows.append(row)
    return rows


def kept_rows(results_dir):
    """Rows of earlier scale runs kept in bench/results/, smallest first."""
    rows = []
    for name in SIZES:
        path = pathlib.Path(results_dir) / ("scale-%s.json" % name)
        if path.exists():
            rows.append(json.loads(path.read_text()))
    return rows
