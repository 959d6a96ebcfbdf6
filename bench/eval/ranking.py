"""Ranking quality: newsdex beside SQLite FTS5 and bare Xapian on the classic test collections.

For each collection (TIME, CISI, Cranfield): convert it to JSON Lines (corpus/tools/
testcollection_to_jsonl.py), index it with newsdex-index, bare Xapian and FTS5, run every query, write
TREC run files (bench/work/ir/<collection>/runs/) and score them with trec_eval.py. The bare Xapian
program also runs a ladder of ranking levers, each step adding one change to the one before, so the
report shows what each buys. Queries reach every system as the same word list: punctuation becomes
space, case is kept (TIME's queries are in capitals, which must not cost stemming).
"""
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402
import fts5  # noqa: E402
import newsdex_client  # noqa: E402
import trec_eval  # noqa: E402

COLLECTIONS = [("time", "time"), ("cisi", "cisi"), ("cranfield", "cranfield")]
DEPTH = 1000  # results per query, as in TREC

# The bare-Xapian lever ladder: (name, index title weight, search options). Each adds one change.
STOP = ["--lowercase", "--stopwords", "builtin"]
BM25 = ["--k1", "1.2", "--b", "0.75"]
PRF = ["--prf-terms", "10", "--prf-docs", "5", "--prf-weight", "0.3"]
LADDER = [
    ("xapian: QueryParser defaults (k1=1 b=0.5, OR)", 1, []),
    ("+ lower-case query text", 1, ["--lowercase"]),
    ("+ stop words", 1, STOP),
    ("+ BM25 k1=1.2 b=0.75", 1, STOP + BM25),
    ("+ title weight 2", 2, STOP + BM25),
    ("+ PRF 10 terms from top 5, weight 0.3", 2, STOP + BM25 + PRF),
    ("+ k1=2.0", 2, STOP + ["--k1", "2.0", "--b", "0.75"] + PRF),
]
AND_CHECK = ("xapian tuned, but AND between words", 2, STOP + BM25 + ["--op", "and"])

# newsdex-search configurations: (name, extra batch-request keys). The rows starting with "+" climb from
# newsdex's former defaults (all words, Xapian's BM25 k1=1 b=0.5) to today's, one change each; the
# first row after them is today's default, with no options at all.
XAPIAN_BM25 = "1,0,1,0.5,0.5"
USUAL_BM25 = "1.2,0,1,0.75,0.5"
NEWSDEX_CONFIGS = [
    ("newsdex --match all --bm25 1,0,1,0.5,0.5 --expand 0 (former defaults)", {"match": "all", "bm25": XAPIAN_BM25, "expand": 0}),
    ("+ newsdex: any word (--match any)", {"match": "any", "bm25": XAPIAN_BM25, "expand": 0}),
    ("+ newsdex: BM25 k1=1.2 b=0.75", {"match": "any", "bm25": USUAL_BM25, "expand": 0}),
    ("+ newsdex: automatic matching (all words up to 4 content words, page topped up with some)", {"bm25": USUAL_BM25, "expand": 0}),
    ("+ newsdex: expansion, 5 words from the top 5, weight 0.3", {"bm25": USUAL_BM25}),
    ("+ newsdex: BM25 k1=2.0", {}),
    ("newsdex default (no options)", {}),
    ("newsdex --expand 10,5,0.3", {"expand": "10,5,0.3"}),
    ("newsdex --match any (expansion on)", {"match": "any"}),
]


def word_list(text):
    """Punctuation becomes space, except a full stop inside a word: "U.N." stays one abbreviation
    ("U.N"), as each system's own tokenizer reads it in the documents (Xapian: the term "un"; FTS5:
    the tokens "u" "n" in both)."""
    text = re.sub(r"[^\w'.]+", " ", text)
    return " ".join(re.sub(r"(?<!\w)\.|\.(?!\w)", " ", text).split())


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, text = line.rstrip("\n").partition("\t")
            queries.append((qid, word_list(text)))
    return queries


def write_run(path, rankings, tag):
    with open(path, "w", encoding="utf-8") as out:
        for qid, docs in rankings:
            for rank, doc in enumerate(docs, start=1):
                out.write("%s Q0 %s %d %d %s\n" % (qid, doc, rank, DEPTH - rank + 1, tag))


def score(qrels_path, run_path):
    with open(qrels_path) as f:
        qrels = trec_eval.read_qrels(f)
    with open(run_path) as f:
        ranked = trec_eval.read_run(f)
    means, _ = trec_eval.evaluate(qrels, ranked)
    return means


def xapian_runs(ctx, folder, queries_path, title_weight_dbs):
    results = []
    search = ctx.binary("xapian-baseline-search")
    for name, weight, options in LADDER + [AND_CHECK]:
        run_path = folder / "runs" / ("xapian-%d.run" % len(results))
        command = [search, "--db", title_weight_dbs[weight], "--limit", str(DEPTH), "--trec", "x"] + options
        ctx.log(command + ["<", queries_path], "ranking: bare Xapian lever")
        with open(queries_path, "rb") as stdin, open(run_path, "w") as out:
            common.subprocess.run(command, stdin=stdin, stdout=out, check=True)
        results.append((name, run_path, " ".join(options) + (" (index: title weight %d)" % weight)))
    return results


def newsdex_runs(ctx, folder, collection, queries):
    results = []
    db = folder / "newsdex.db"
    common.remove(db)
    try:
        common.run(newsdex_client.index_command(ctx, db, [folder / "docs.jsonl"]), ctx, "ranking: newsdex index")
    except RuntimeError as error:
        return [(name, None, "newsdex-index failed: %s" % str(error).splitlines()[-1]) for name, _ in NEWSDEX_CONFIGS]
    for number, (name, extra) in enumerate(NEWSDEX_CONFIGS):
        requests = [dict({"id": qid, "query": text, "limit": DEPTH}, **extra) for qid, text in queries]
        try:
            responses = newsdex_client.batch_search(ctx, db, requests, ["--snippet-length", "0"],
                                                    "ranking: newsdex batch, one JSON request per line " + json.dumps(extra))
        except (RuntimeError, ValueError) as error:
            results.append((name, None, "failed: %s" % str(error).splitlines()[0]))
            continue
        errors = sum(1 for r in responses if "error" in r)
        rankings = [(str(r.get("id")), newsdex_client.result_ids(r, collection + ":")) for r in responses if "id" in r]
        run_path = folder / "runs" / ("newsdex-%d.run" % number)
        write_run(run_path, rankings, "newsdex")
        results.append((name, run_path, json.dumps(extra) + ("; %d queries failed" % errors if errors else "")))
    return results


def fts5_run(ctx, folder, queries):
    connection = fts5.build_in_process(":memory:", folder / "docs.jsonl")
    rankings = [(qid, [doc for doc, _ in fts5.search(connection, text, DEPTH)]) for qid, text in queries]
    run_path = folder / "runs" / "fts5.run"
    write_run(run_path, rankings, "fts5")
    return [("sqlite fts5 bm25() (porter unicode61, OR)", run_path, "k1=1.2 b=0.75 fixed by FTS5")]


def evaluate_collection(ctx, collection, corpus_dir):
    folder = ctx.work / "ir" / collection
    (folder / "runs").mkdir(parents=True, exist_ok=True)
    common.run([sys.executable, common.REPO / "corpus/tools/testcollection_to_jsonl.py", collection, corpus_dir, folder],
               ctx, "ranking: convert the test collection")
    queries = read_queries(folder / "queries.tsv")
    queries_path = folder / "queries.words.tsv"
    with open(queries_path, "w") as out:
        out.writelines("%s\t%s\n" % q for q in queries)
    dbs = {}
    for weight in (1, 2):
        dbs[weight] = str(folder / ("xapian-t%d.db" % weight))
        common.run([ctx.binary("xapian-baseline-index"), "--db", dbs[weight], "--title-weight", str(weight),
                    folder / "docs.jsonl"], ctx, "ranking: bare Xapian index")
    systems = fts5_run(ctx, folder, queries) + xapian_runs(ctx, folder, queries_path, dbs)
    if ctx.binary("newsdex-index") and ctx.binary("newsdex-search"):
        systems += newsdex_runs(ctx, folder, collection, queries)
    rows = []
    for name, run_path, how in systems:
        row = {"system": name, "how": how, "run": str(run_path) if run_path else None}
        if run_path:
            row.update(score(folder / "qrels.txt", run_path))
        rows.append(row)
    return {"collection": collection, "queries": len(queries),
            "judged_queries": rows[0].get("queries"), "qrels": "TIME.REL" if collection == "time" else "all pairs",
            "systems": rows}


def run_ranking(ctx):
    results = []
    for collection, folder in COLLECTIONS:
        corpus_dir = common.CORPORA / folder
        if not corpus_dir.is_dir():
            results.append({"collection": collection, "skipped": "%s is missing" % corpus_dir})
            continue
        print("ranking: %s" % collection, file=sys.stderr)
        results.append(evaluate_collection(ctx, collection, corpus_dir))
    return results
