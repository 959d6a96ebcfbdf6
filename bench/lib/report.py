"""Writes bench/report.md (tables and gnuplot plots) from the results dictionary of a bench/run."""
import pathlib
import shutil
import subprocess


def fmt(value, digits=1):
    if value is None:
        return "n/a"
    return ("%%.%df" % digits) % value


def spread(stat, digits=1):
    """median (min-max)."""
    if not stat:
        return "n/a"
    return "%s (%s-%s)" % (fmt(stat["median"], digits), fmt(stat["min"], digits), fmt(stat["max"], digits))


def ranking_section(ranking):
    lines = ["## Ranking quality", "",
             "Classic test collections through each system; TREC runs of depth 1000 scored by bench/eval/trec_eval.py "
             "(means over judged queries; TIME uses TIME.REL; Cranfield counts all 1,837 judged pairs as relevant). "
             "Rows starting with `+` are the bare-Xapian lever ladder: each adds one change to the row above.", ""]
    for collection in ranking:
        if "skipped" in collection:
            lines += ["### %s: skipped (%s)" % (collection["collection"], collection["skipped"]), ""]
            continue
        lines += ["### %s (%d queries, %s judged)" % (collection["collection"].upper(), collection["queries"],
                                                        collection["judged_queries"]), "",
                  "| system | MAP | nDCG@10 | P@10 | R-prec | ΔMAP vs row above | how |", "|---|---|---|---|---|---|---|"]
        previous = None
        for row in collection["systems"]:
            if "map" not in row:
                lines.append("| %s | – | – | – | – | | %s |" % (row["system"], row["how"]))
                previous = None
                continue
            delta = ("%+.4f" % (row["map"] - previous)) if previous is not None and row["system"].startswith("+") else ""
            lines.append("| %s | %.4f | %.4f | %.4f | %.4f | %s | `%s` |" % (
                row["system"], row["map"], row["ndcg@10"], row["p@10"], row["rprec"], delta, row["how"]))
            previous = row["map"]
        # Peers as users would run them: FTS5 and bare Xapian with its defaults (the ladder's levers are
        # experiments for newsdex to adopt, not what a user of the peer gets).
        best_baseline = max((r["map"] for r in collection["systems"] if "map" in r and (
            r["system"].startswith("sqlite") or r["system"].startswith("xapian: "))), default=None)
        newsdex = [r for r in collection["systems"] if "newsdex" in r["system"] and "map" in r]
        default = [r for r in newsdex if r["system"].startswith("newsdex default")]
        if best_baseline is not None and newsdex:
            best = max(newsdex, key=lambda r: r["map"])
            lines += ["", "Best peer (FTS5 or bare Xapian defaults) MAP %.4f; best newsdex configuration (%s) %.4f (%+.1f%%)." % (
                best_baseline, best["system"], best["map"], 100 * (best["map"] / best_baseline - 1))]
            if default:
                lines[-1] += " newsdex with no options: %.4f (%+.1f%%)." % (
                    default[0]["map"], 100 * (default[0]["map"] / best_baseline - 1))
        lines.append("")
    return lines


def indexing_section(indexing):
    lines = ["## Indexing", "",
             "Reuters-21578: %d stories, %.1f MB of title + body text; %d alternating runs per contender, "
             "median (min-max)." % (indexing["articles"], indexing["text_mb"], indexing["runs"]), "",
             "| contender | seconds | articles/s | MB/s | index MB | compacted MB | peak RSS MB |",
             "|---|---|---|---|---|---|---|"]
    for row in indexing["contenders"]:
        if "failed" in row:
            lines.append("| %s | failed: %s | | | | | |" % (row["name"], row["failed"].replace("|", "/")))
            continue
        lines.append("| %s | %s | %s | %s | %.1f | %s | %s |" % (
            row["name"], spread(row["seconds"], 2), spread(row["articles_per_second"], 0), spread(row["mb_per_second"], 2),
            row["index_mb"], fmt(row.get("compacted_mb")), spread(row["peak_rss_mb"], 0)))
    measured = [r for r in indexing["contenders"] if "failed" not in r]
    newsdex = [r for r in measured if r["name"].startswith("newsdex")]
    peers = [r for r in measured if not r["name"].startswith("newsdex")]
    if newsdex and peers:
        lines += ["", "Speed ratio (peer's median time / newsdex's median time; > 1 means newsdex is faster):", "",
                  "| newsdex | " + " | ".join(p["name"] for p in peers) + " |",
                  "|---|" + "---|" * len(peers)]
        for n in newsdex:
            lines.append("| %s | " % n["name"] + " | ".join(
                "%.2f" % (p["seconds"]["median"] / n["seconds"]["median"]) for p in peers) + " |")
    sharding = indexing.get("sharding")
    if sharding:
        lines += ["", "Sharded writing (`--jobs 2 --shards 2`, two writer threads): throughput %s the bare Xapian "
                  "loop's and %s that of `--shards 1` (median times, same invocation; the issue's target is 1.5 "
                  "times the bare loop on 2 cores)." % (
                      fmt_ratio(sharding.get("vs_bare_xapian")), fmt_ratio(sharding.get("vs_one_shard")))]
    lines += ["", "Commands:", ""] + ["- `%s`" % r["command"] for r in indexing["contenders"]] + [""]
    return lines


def fmt_ratio(ratio):
    return "%.2f times" % ratio if ratio is not None else "(not measured)"


def searching_section(searching, plot):
    lines = ["## Searching", "",
             "%d queries (%s) over %d Reuters stories, all words required (newsdex: `\"match\": \"all\"`; the row "
             "'default matching' keeps newsdex's default, which tops a page up with any-word results), 10 results; "
             "%d alternating runs after a warm-up; per-query latency in ms, median over runs (min-max)." % (
                 searching["queries"], searching["query_file"], searching["documents"], searching["runs"]), "",
             "| contender | p50 ms | p95 ms | p99 ms | queries/s |", "|---|---|---|---|---|"]
    for row in searching["contenders"]:
        lines.append("| %s | %s | %s | %s | %s |" % (row["name"], spread(row["p50"], 3), spread(row["p95"], 3),
                                                     spread(row["p99"], 3), spread(row["qps"], 0)))
    fts = {r["name"]: r for r in searching["contenders"] if r["name"].startswith("SQLite") and r["p50"]}
    pairs = [("newsdex: 10 results + snippets + 3 facets", "SQLite FTS5: 10 results + snippet()"),
             ("newsdex: 10 results, no snippets or facets", "SQLite FTS5: 10 results"),
             ("bare Xapian: 10 results", "SQLite FTS5: 10 results"),
             ("newsdex: default matching (topped up with any-word results) + snippets + 3 facets",
              "SQLite FTS5: 10 results + snippet()")]
    by_name = {r["name"]: r for r in searching["contenders"]}
    ratio_lines = []
    for ours, theirs in pairs:
        if ours in by_name and theirs in fts and by_name[ours]["p50"]:
            a, b = by_name[ours], fts[theirs]
            ratio_lines.append("| %s vs %s | %.2f | %.2f | %.2f |" % (
                ours, theirs, b["p50"]["median"] / a["p50"]["median"], b["p99"]["median"] / a["p99"]["median"],
                a["qps"]["median"] / b["qps"]["median"]))
    if ratio_lines:
        lines += ["", "Ratios (> 1 means the first is faster): FTS5 p50 / ours, FTS5 p99 / ours, our q/s / FTS5 q/s", "",
                  "| pair | p50 | p99 | q/s |", "|---|---|---|---|"] + ratio_lines
    shards = searching.get("shards") or {}
    if shards.get("layouts"):
        lines += ["", "Shards (docs/distributed.md): the main request over the same stories in one database, in 1, 2 "
                  "and 4 local shards and in 2 shards served by xapian-tcpsrv on 127.0.0.1; ratio to the one "
                  "database of this run (targets: local within %.1fx, remote within %.1fx)." % (
                      shards["targets"]["local"], shards["targets"]["remote"]), "",
                  "| layout | p50 ms | p99 ms | p50 ratio | p99 ratio |", "|---|---|---|---|---|"]
        for row in shards["layouts"]:
            lines.append("| %s | %s | %s | %.2f | %.2f |" % (row["name"], spread(row["p50"], 3), spread(row["p99"], 3),
                                                           row["p50_ratio"], row["p99_ratio"]))
    elif shards.get("error"):
        lines += ["", "Shards: not measured (%s)" % shards["error"]]
    if plot:
        lines += ["", "![search latency](%s)" % plot]
    return lines + [""]


def quality_section(quality):
    lines = ["## Cleaning and entities", ""]
    for name, entry in quality.items():
        lines.append("- **%s**: %s" % (name, entry))
    return lines + [""]


def entities_section(entities):
    lines = ["## Entity facets (bench/entities)", "",
             "What the person, organisation and place facets say over a whole collection, against a gold "
             "(bench/entities/README.md; issue 15's measures): main-key recall (share of an entity's articles "
             "carrying its main key with the right type; macro in brackets), entities under one key, articles "
             "listing an entity under a wrong type, and (article, key) pairs listed as an entity that are none. "
             "`python3 bench/entities/score.py --collection reuters|sample --verbose` lists every entity.", "",
             "| collection | main-key recall (macro) | one key | wrong type | non-entity mentions | most frequent non-entities |",
             "|---|---|---|---|---|---|"]
    names = {"reuters": "Reuters-21578 (development gold)", "sample": "sample collection `corpus/`"}
    for collection, scores in entities.items():
        s = scores["summary"]
        junk = ", ".join("%s %d" % kv for kv in list(scores.get("non_entities", {}).items())[:5])
        lines.append("| %s | %.3f (%.3f) | %d of %d | %.1f%% | %d | %s |" % (
            names.get(collection, collection), s["main_key_recall"], s["main_key_recall_macro"], s["one_key"],
            s["entities"], 100 * s["wrong_type"], s["non_entity_mentions"], junk or "-"))
    lines += ["", "Issue 15's targets (on a held-out gold): recall >= 0.95, one key for >= 95% of entities, wrong type "
              "<= 1%, non-entity mentions down by 90%.", ""]
    return lines


def layouts_section(layouts):
    lines = ["## Unseen layouts (bench/layouts)", "",
             "Metadata and text that `newsdex-index --dump` extracts from %d invented scraped pages in %d site layouts "
             "(bench/layouts/README.md), measured on %s at commit %s. Title and date: right / pages; author recall: pages "
             "with a byline whose authors were all found; author precision: names returned that are gold authors; "
             "body: word 4-gram F1 of lede + paragraphs (%s). `python3 bench/layouts/score.py --verbose` lists every "
             "miss." % (layouts["overall"]["pages"], len(layouts["layouts"]), layouts["date"], layouts["commit"],
                        layouts["body_scorer"]), "",
             "| layout | pages | title | date | author recall | author precision | body F1 | body precision | body recall |",
             "|---|---|---|---|---|---|---|---|---|"]

    def share(right, total):
        return "%d/%d (%s)" % (right, total, "%.2f" % (right / total) if total else "n/a")

    rows = list(layouts["layouts"].items()) + [("*%s*" % k, v) for k, v in layouts.get("scrapes", {}).items()]
    for name, s in rows + [("**overall**", layouts["overall"])]:
        lines.append("| %s | %d | %s | %s | %s | %s | %.3f | %.3f | %.3f |" % (
            name, s["pages"], share(s["title_right"], s["pages"]), share(s["date_right"], s["pages"]),
            share(s["authors_found"], s["pages_with_byline"]), share(s["names_right"], s["names_returned"]),
            s["body_f1"], s["body_precision"], s["body_recall"]))
    if layouts.get("errors"):
        lines += [""] + ["- %s" % e for e in layouts["errors"]]
    return lines + [""]


def scale_section(scale, plots):
    lines = ["## Scale", "",
             "Collections made by corpus/tools/make_scale_corpus.py from Reuters-21578, BBC and 20 Newsgroups "
             "(shuffled, new ids, dates spread over years); query latency with three facets and snippets.", "",
             "| articles | index s | articles/s | index MB | compacted MB | p50 ms | p99 ms |", "|---|---|---|---|---|---|---|"]
    for row in scale:
        lines.append("| %d | %.1f | %.0f | %.1f | %s | %s | %s |" % (
            row["articles"], row["index_seconds"], row["articles"] / row["index_seconds"], row["index_mb"],
            fmt(row.get("compacted_mb")), fmt(row.get("p50_ms"), 3), fmt(row.get("p99_ms"), 3)))
    for plot in plots:
        lines += ["", "![%s](%s)" % (pathlib.Path(plot).stem, plot)]
    return lines + [""]


def gnuplot(script, output):
    if not shutil.which("gnuplot"):
        return None
    result = subprocess.run(["gnuplot"], input=script, capture_output=True, text=True)
    return output if result.returncode == 0 and pathlib.Path(output).exists() else None


def search_plot(searching, out_dir):
    rows = [r for r in searching["contenders"] if r["p50"]]
    if not rows:
        return None
    data = out_dir / "search-latency.dat"
    data.write_text("".join('"%s" %f %f\n' % (r["name"].replace(": ", "\\n", 1).replace(" results", ""), r["p50"]["median"], r["p99"]["median"])
                            for r in rows))
    png = out_dir / "search-latency.png"
    script = """set terminal png size 1000,500
set output '%s'
set title 'Search latency per query (median of runs)'
set ylabel 'milliseconds'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top left
set xtics font ',8'
plot '%s' using 2:xtic(1) title 'p50', '' using 3 title 'p99'
""" % (png, data)
    return gnuplot(script, png)


def scale_plots(scale, out_dir):
    if len(scale) < 1:
        return []
    data = out_dir / "scale.dat"
    data.write_text("".join("%d %f %f %f %f\n" % (r["articles"], r["index_seconds"], r["index_mb"],
                                                  r.get("p50_ms") or 0, r.get("p99_ms") or 0) for r in scale))
    plots = []
    for name, title, columns, ylabel in [
            ("scale-index-time", "Index time", [(2, "seconds")], "seconds"),
            ("scale-index-size", "Index size", [(3, "MB")], "MB"),
            ("scale-query-latency", "Query latency with facets and snippets", [(4, "p50"), (5, "p99")], "ms")]:
        png = out_dir / (name + ".png")
        series = ", ".join("'%s' using 1:%d with linespoints title '%s'" % (data, c, t) for c, t in columns)
        script = ("set terminal png size 700,450\nset output '%s'\nset title '%s'\nset xlabel 'articles'\n"
                  "set ylabel '%s'\nset key top left\nset format x '%%.0s%%c'\nplot %s\n" % (png, title, ylabel, series))
        if gnuplot(script, png):
            plots.append(png)
    return plots


def write_report(results, path):
    path = pathlib.Path(path)
    out_dir = path.parent / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    m = results["machine"]
    lines = ["# newsdex benchmark report", "",
             "Written by `%s` on %s (%s). Re-run it to reproduce; docs/benchmarks.md explains each measurement." % (
                 results["command"], results["date"], results["duration"]), "",
             "Machine: %s, %s CPUs, %s GB RAM, kernel %s; newsdex commit %s%s." % (
                 m.get("cpu"), m.get("cpus"), m.get("memory_gb"), m.get("kernel"), m.get("newsdex_commit"),
                 " (working tree modified)" if m.get("working_tree_modified") else ""),
             "Versions: " + ", ".join("%s %s" % (k, v) for k, v in m.get("versions", {}).items() if v) + ".", "",
             "Machine-readable results: bench/results/latest.json.", ""]
    for part, date in results.get("carried_over", {}).items():
        lines += ["Note: the %s part was not run this time; its results are from %s." % (part, date), ""]
    if "ranking" in results:
        lines += ranking_section(results["ranking"])
    if "indexing" in results:
        lines += indexing_section(results["indexing"])
    if "searching" in results:
        plot = search_plot(results["searching"], out_dir)
        lines += searching_section(results["searching"], plot and str(pathlib.Path(plot).relative_to(path.parent)))
    if "quality" in results:
        lines += quality_section(results["quality"])
    if "layouts" in results:
        lines += layouts_section(results["layouts"])
    if "entities" in results:
        lines += entities_section(results["entities"])
    if results.get("scale"):
        plots = [str(pathlib.Path(p).relative_to(path.parent)) for p in scale_plots(results["scale"], out_dir)]
        lines += scale_section(results["scale"], plots)
    if results.get("errors"):
        lines += ["## Parts that failed", ""] + ["- %s: %s" % (k, v) for k, v in results["errors"].items()] + [""]
    lines += ["## Exact commands", ""] + ["- `%s` (%s)" % (c["command"], c["note"]) for c in results["commands"]] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
