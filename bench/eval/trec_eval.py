#!/usr/bin/env python3
"""Scores TREC run files against TREC qrels: MAP, nDCG@10, P@10 and R-precision.

Conventions (those of trec_eval, except where said):
- A qrels line is "qid iter docid relevance"; relevance > 0 is relevant; nDCG uses the relevance as
  a linear gain (our converters write 1, so it is binary nDCG).
- A run line is "qid Q0 docid rank score tag"; each query's documents are ordered by score,
  highest first, ties keeping the file's order. A document repeated in a query counts once.
- Means are taken over every query that has at least one relevant document in the qrels; a judged
  query missing from the run scores 0 (like trec_eval -c). Queries the qrels do not judge are ignored.

usage: trec_eval.py QRELS RUN [--per-query] [--json]
"""
import argparse
import json
import math
import sys

METRICS = ("map", "ndcg@10", "p@10", "rprec")


def read_qrels(lines):
    """{qid: {docid: relevance}} from qrels lines."""
    qrels = {}
    for line in lines:
        parts = line.split()
        if len(parts) < 4:
            continue
        qrels.setdefault(parts[0], {})[parts[2]] = int(parts[3])
    return qrels


def read_run(lines):
    """{qid: [docid, ...]} ranked best first, from run lines."""
    scored = {}
    for position, line in enumerate(lines):
        parts = line.split()
        if len(parts) < 5:
            continue
        scored.setdefault(parts[0], []).append((-float(parts[4]), position, parts[2]))
    ranked = {}
    for qid, entries in scored.items():
        seen, docs = set(), []
        for _, _, doc in sorted(entries):
            if doc not in seen:
                seen.add(doc)
                docs.append(doc)
        ranked[qid] = docs
    return ranked


def average_precision(ranking, judged):
    relevant = sum(1 for r in judged.values() if r > 0)
    if relevant == 0:
        return 0.0
    hits, total = 0, 0.0
    for i, doc in enumerate(ranking, start=1):
        if judged.get(doc, 0) > 0:
            hits += 1
            total += hits / i
    return total / relevant


def ndcg_at(ranking, judged, k):
    dcg = sum(max(judged.get(doc, 0), 0) / math.log2(i + 1) for i, doc in enumerate(ranking[:k], start=1))
    ideal_gains = sorted((r for r in judged.values() if r > 0), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 1) for i, g in enumerate(ideal_gains, start=1))
    return dcg / ideal if ideal > 0 else 0.0


def precision_at(ranking, judged, k):
    return sum(1 for doc in ranking[:k] if judged.get(doc, 0) > 0) / k


def r_precision(ranking, judged):
    relevant = sum(1 for r in judged.values() if r > 0)
    if relevant == 0:
        return 0.0
    return sum(1 for doc in ranking[:relevant] if judged.get(doc, 0) > 0) / relevant


def score_query(ranking, judged):
    return {"map": average_precision(ranking, judged), "ndcg@10": ndcg_at(ranking, judged, 10),
            "p@10": precision_at(ranking, judged, 10), "rprec": r_precision(ranking, judged)}


def evaluate(qrels, run):
    """(means, per_query) over the judged queries; means also carries "queries", the count."""
    per_query = {}
    for qid, judged in qrels.items():
        if any(r > 0 for r in judged.values()):
            per_query[qid] = score_query(run.get(qid, []), judged)
    count = len(per_query)
    means = {m: (sum(q[m] for q in per_query.values()) / count if count else 0.0) for m in METRICS}
    means["queries"] = count
    return means, per_query


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qrels")
    parser.add_argument("run")
    parser.add_argument("--per-query", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with open(args.qrels, encoding="utf-8") as f:
        qrels = read_qrels(f)
    with open(args.run, encoding="utf-8") as f:
        run = read_run(f)
    means, per_query = evaluate(qrels, run)
    if args.json:
        json.dump({"means": means, "per_query": per_query if args.per_query else None}, sys.stdout, indent=1)
        print()
        return
    if args.per_query:
        for qid in sorted(per_query, key=lambda q: (len(q), q)):
            print(qid, " ".join("%s=%.4f" % (m, per_query[qid][m]) for m in METRICS))
    print("queries=%d " % means["queries"] + " ".join("%s=%.4f" % (m, means[m]) for m in METRICS))


if __name__ == "__main__":
    main()
