#!/usr/bin/env python3
"""The benchmark driver behind bench/run: runs the chosen parts, writes bench/results/latest.json and
bench/report.md. Parts: ranking, indexing, search, quality, layouts, entities (default: all six) and scale (only
with --scale). docs/benchmarks.md describes every part."""
import argparse
import datetime
import json
import pathlib
import sys
import time
import traceback

HERE = pathlib.Path(__file__).resolve().parent
for sub in ("lib", "eval", "index", "search", "scale"):
    sys.path.insert(0, str(HERE / sub))
import common  # noqa: E402
import entity_facets  # noqa: E402
import indexing  # noqa: E402
import quality  # noqa: E402
import ranking  # noqa: E402
import report  # noqa: E402
import scaling  # noqa: E402
import searching  # noqa: E402
import unseen_layouts  # noqa: E402

PARTS = ("ranking", "indexing", "search", "quality", "layouts", "entities")
RESULT_PARTS = ("ranking", "indexing", "searching", "quality", "layouts", "entities")  # their keys in the results


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS),
                        help="comma-separated parts to run: %s (default: all); 'scale' needs --scale" % ",".join(PARTS))
    parser.add_argument("--scale", default="", help="also run the scale benchmark at these sizes: 100k,300k,1m")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of every speed measurement (default 5)")
    parser.add_argument("--build-dir", default=str(common.REPO / "build-bench"))
    parser.add_argument("--work-dir", default=str(HERE / "work"), help="converted corpora and indexes (not committed)")
    parser.add_argument("--report", default=str(HERE / "report.md"))
    parser.add_argument("--results", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args(argv)
    args.parts = [p.strip() for p in args.only.split(",") if p.strip()]
    for part in args.parts:
        if part not in PARTS + ("scale",):
            parser.error("unknown part '%s' (choose from %s, scale)" % (part, ", ".join(PARTS)))
    if args.scale and "scale" not in args.parts:
        args.parts.append("scale")
    if "scale" in args.parts and not args.scale:
        parser.error("the scale part needs --scale SIZES (100k,300k,1m)")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def carry_over_previous_parts(results, path):
    """With --only, the parts not run this time keep their last results (their date says when), so
    bench/report.md always shows every part."""
    if not path.exists():
        return
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return
    for part in RESULT_PARTS:
        if part not in results and part in previous:
            results[part] = previous[part]
            results.setdefault("carried_over", {})[part] = previous.get("parts_dates", {}).get(part, previous.get("date"))
    results["parts_dates"] = {part: (results.get("carried_over", {}).get(part) or results["date"])
                              for part in RESULT_PARTS if part in results}


def main(argv):
    args = parse_args(argv)
    ctx = common.Context(args.build_dir, args.work_dir, args.runs)
    started = time.time()
    results = {"command": "bench/run " + " ".join(argv) if argv else "bench/run",
               "date": datetime.datetime.now().isoformat(timespec="seconds"),
               "machine": common.machine(), "parts": args.parts, "runs": args.runs, "errors": {}}
    results_dir = pathlib.Path(args.results).parent
    results_dir.mkdir(parents=True, exist_ok=True)

    def attempt(name, function):
        try:
            results[name] = function()
        except Exception as error:  # one failing part must not lose the others' results
            traceback.print_exc()
            results["errors"][name] = str(error).splitlines()[0] if str(error) else type(error).__name__

    if "ranking" in args.parts:
        attempt("ranking", lambda: ranking.run_ranking(ctx))
    if "indexing" in args.parts:
        attempt("indexing", lambda: indexing.run_indexing(ctx))
    if "search" in args.parts:
        attempt("searching", lambda: searching.run_searching(ctx, indexing.reuters_jsonl(ctx)))
    if "quality" in args.parts:
        attempt("quality", lambda: quality.run_quality(ctx))
    if "layouts" in args.parts:
        attempt("layouts", lambda: unseen_layouts.run_layouts(ctx))
    if "entities" in args.parts:
        attempt("entities", lambda: entity_facets.run_entities(ctx))
    if "scale" in args.parts:
        attempt("scale_run", lambda: scaling.run_scale(ctx, scaling.parse_sizes(args.scale), results_dir))
    carry_over_previous_parts(results, pathlib.Path(args.results))
    kept = scaling.kept_rows(results_dir)
    if kept:
        results["scale"] = kept
    results["duration"] = "%.0f s" % (time.time() - started)
    results["commands"] = ctx.commands
    pathlib.Path(args.results).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    report.write_report(results, args.report)
    print("bench/run: wrote %s and %s in %s" % (args.report, args.results, results["duration"]), file=sys.stderr)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
