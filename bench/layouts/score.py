#!/usr/bin/env python3
"""Scores newsdex's metadata and body extraction on the layout test pages (bench/layouts/pages).

Runs the real `newsdex-index --dump PAGE` on every page and compares what it would index with the gold
file beside the page. Prints, per layout and overall:
  title    exact match after collapsing white space (right / pages)
  date     the date part (YYYY-MM-DD) of "published" equals the gold date
  author   recall: pages with a byline whose every gold author appears in "author" (case-insensitive);
           precision: names returned (the "author" text split at ',', ';', '&', '|', ' and ', ' with ')
           that equal a gold author, over all names returned (names on pages without a byline are wrong)
  body     word 4-gram F1 of lede + paragraphs against the gold lede + body, defined as in
           ../shared/tools/body_score.py (imported from there when present, else the same definition
           built in): per-page precision and recall averaged over pages, F1 of the two means.

usage: score.py [--binary PATH] [--pages DIR] [--layout NAME[,NAME]] [--verbose] [--json]
Exit status: 0 whatever the scores; 2 on a usage error, a missing binary or an unreadable gold file.
"""
import argparse
import collections
import datetime
import json
import os
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED_TOOLS = pathlib.Path(os.environ.get("NEWSDEX_SHARED_DIR", REPO.parent / "shared")) / "tools"


def load_body_scorer():
    """The benchmark's own scorer when ../shared/tools/body_score.py exists; otherwise the same
    definition, written out here (so the figures are comparable either way)."""
    if (SHARED_TOOLS / "body_score.py").exists():
        sys.path.insert(0, str(SHARED_TOOLS))
        try:
            import body_score  # noqa: E402
            return body_score.score, "../shared/tools/body_score.py"
        except ImportError:
            pass
        finally:
            sys.path.remove(str(SHARED_TOOLS))
    return builtin_body_score, "built-in copy of the body_score.py definition"


WORD = re.compile(r"\w+", re.UNICODE)


def grams(text, n=4):
    tokens = WORD.findall(text or "")
    if len(tokens) < n:
        return collections.Counter([tuple(tokens)] if tokens else [])
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def builtin_body_score(gold, pred):
    """Same as body_score.score: bags of word 4-grams, page counts normalised, means of per-page
    precision and recall, F1 of the means."""
    precisions, recalls = [], []
    for key, item in gold.items():
        g, p = grams(item.get("articleBody", "")), grams((pred.get(key) or {}).get("articleBody", ""))
        tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
        total = tp + fp + fn
        tp, fp, fn = (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)
        if tp + fp > 0:
            precisions.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def squash(text):
    return " ".join((text or "").split())


NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\||\band\b|\bwith\b)\s*", re.IGNORECASE)


def author_names(text):
    return [n for n in (squash(part) for part in NAME_SEPARATORS.split(text or "")) if n]


def find_binary(given):
    if given:
        return pathlib.Path(given)
    if os.environ.get("NEWSDEX_INDEX"):
        return pathlib.Path(os.environ["NEWSDEX_INDEX"])
    for build in ("build", "build-bench"):
        candidate = REPO / build / "indexer" / "newsdex-index"
        if candidate.exists():
            return candidate
    return None


def dump(binary, page):
    """What newsdex would index from the page: its first article, or None and the reason."""
    try:
        result = subprocess.run([str(binary), "--dump", str(page)], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, str(error)
    if result.returncode != 0:
        return None, "exit %d: %s" % (result.returncode, result.stderr.strip().splitlines()[-1:] or "")
    text = result.stdout.strip()
    try:
        data = json.loads(text)
    except ValueError:
        try:  # one JSON object per line
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            return None, "output is not JSON"
    if isinstance(data, list):
        data = data[0] if data else None
    return (data, "") if isinstance(data, dict) else (None, "no article in the output")


def score_page(page, gold, got):
    got = got or {}
    title_ok = squash(got.get("title")) == squash(gold["title"])
    date_ok = (got.get("published") or "")[:10] == gold["date"]
    names = author_names(got.get("author"))
    wanted = [squash(a).lower() for a in gold["author"]]
    found_all = bool(wanted) and all(w in squash(got.get("author")).lower() for w in wanted)
    names_right = sum(1 for n in names if n.lower() in wanted)
    predicted_body = "\n".join([got.get("lede") or ""] + list(got.get("paragraphs") or [])).strip()
    gold_body = "\n".join([gold.get("lede") or ""] + gold["body"]).strip()
    return {"page": page, "scrape": gold.get("scrape", ""), "title_ok": title_ok, "date_ok": date_ok, "has_byline": bool(wanted),
            "authors_found": found_all, "names_returned": len(names), "names_right": names_right,
            "got": {"title": got.get("title", ""), "published": got.get("published", ""),
                    "author": got.get("author", "")},
            "want": {"title": gold["title"], "date": gold["date"], "author": gold["author"]},
            "predicted_body": predicted_body, "gold_body": gold_body,
            "predicted_paragraphs": ([got["lede"]] if got.get("lede") else []) + list(got.get("paragraphs") or []),
            "gold_paragraphs": ([gold["lede"]] if gold.get("lede") else []) + gold["body"]}


def summarise(results, body_score):
    n = len(results)
    bylines = [r for r in results if r["has_byline"]]
    returned = sum(r["names_returned"] for r in results)
    gold = {r["page"]: {"articleBody": r["gold_body"]} for r in results}
    pred = {r["page"]: {"articleBody": r["predicted_body"]} for r in results}
    precision, recall, f1 = body_score(gold, pred)
    return {"pages": n,
            "title_right": sum(r["title_ok"] for r in results),
            "date_right": sum(r["date_ok"] for r in results),
            "pages_with_byline": len(bylines),
            "authors_found": sum(r["authors_found"] for r in bylines),
            "names_returned": returned,
            "names_right": sum(r["names_right"] for r in results),
            "body_f1": f1, "body_precision": precision, "body_recall": recall}


def ratio(right, total):
    return "%d/%d %s" % (right, total, ("%.2f" % (right / total)) if total else "n/a ")


def table(summaries):
    header = "%-13s %5s  %-10s  %-10s  %-13s  %-13s  %7s %6s %6s" % (
        "layout", "pages", "title", "date", "author rec", "author prec", "body F1", "prec", "rec")
    lines = [header, "-" * len(header)]
    for name, s in summaries:
        lines.append("%-13s %5d  %-10s  %-10s  %-13s  %-13s  %7.3f %6.3f %6.3f" % (
            name, s["pages"], ratio(s["title_right"], s["pages"]), ratio(s["date_right"], s["pages"]),
            ratio(s["authors_found"], s["pages_with_byline"]), ratio(s["names_right"], s["names_returned"]),
            s["body_f1"], s["body_precision"], s["body_recall"]))
    return lines


def clip(text, width=100):
    text = squash(text)
    return text if len(text) <= width else text[:width - 3] + "..."


def details(result):
    """The wrong fields of one page, and the paragraphs kept that are not article text and lost."""
    out, got, want = [], result["got"], result["want"]
    if not result["title_ok"]:
        out.append("%s: title: got %s, want %s" % (result["page"], json.dumps(got["title"]), json.dumps(want["title"])))
    if not result["date_ok"]:
        out.append("%s: date: got %s, want %s" % (result["page"], json.dumps(got["published"]), json.dumps(want["date"])))
    names_wrong = result["names_returned"] - result["names_right"]
    if (result["has_byline"] and not result["authors_found"]) or names_wrong:
        out.append("%s: author: got %s, want %s" % (result["page"], json.dumps(got["author"]),
                                                    json.dumps("; ".join(want["author"]))))
    gold = {squash(p) for p in result["gold_paragraphs"]}
    predicted = {squash(p) for p in result["predicted_paragraphs"]}
    for paragraph in result["predicted_paragraphs"]:
        if squash(paragraph) not in gold:
            out.append("%s: body: kept %s" % (result["page"], json.dumps(clip(paragraph))))
    for paragraph in result["gold_paragraphs"]:
        if squash(paragraph) not in predicted:
            out.append("%s: body: lost %s" % (result["page"], json.dumps(clip(paragraph))))
    return out


def git_commit():
    try:
        result = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=30)
        return result.stdout.strip() if result.returncode == 0 else ""
    except OSError:
        return ""


def main(argv):
    parser = argparse.ArgumentParser(prog="score.py", description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="newsdex-index to run (default: $NEWSDEX_INDEX, build/ or build-bench/)")
    parser.add_argument("--pages", default=str(HERE / "pages"), help="folder of <layout>/<name>.txt or .html + .gold.json")
    parser.add_argument("--layout", default="", help="only these layouts (comma-separated)")
    parser.add_argument("--verbose", action="store_true", help="also list every wrong title, author and date, "
                        "and the paragraphs kept or lost, as 'page: field: got X, want Y'")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = parser.parse_args(argv)

    binary = find_binary(args.binary)
    if binary is None or not binary.exists():
        print("score.py: newsdex-index not found (%s); build it or pass --binary" % (binary or "no build/ folder"),
              file=sys.stderr)
        return 2
    pages_dir = pathlib.Path(args.pages)
    wanted_layouts = {l.strip() for l in args.layout.split(",") if l.strip()}
    layouts = sorted(d for d in pages_dir.iterdir() if d.is_dir()) if pages_dir.is_dir() else []
    layouts = [d for d in layouts if not wanted_layouts or d.name in wanted_layouts]
    if not layouts:
        print("score.py: no layout folders in %s" % pages_dir, file=sys.stderr)
        return 2
    body_score, body_scorer = load_body_scorer()

    per_layout, everything, errors = [], [], []
    for folder in layouts:
        results = []
        for page in sorted(list(folder.glob("*.txt")) + list(folder.glob("*.html"))):
            gold_path = page.with_suffix(".gold.json")
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                print("score.py: %s: cannot read the gold file: %s" % (gold_path, error), file=sys.stderr)
                return 2
            got, why = dump(binary, page)
            name = "%s/%s" % (folder.name, page.stem)
            if got is None:
                errors.append("%s: newsdex-index --dump failed: %s" % (name, why))
            results.append(score_page(name, gold, got))
        if results:
            per_layout.append((folder.name, results))
            everything += results
    summaries = [(name, summarise(results, body_score)) for name, results in per_layout]
    overall = summarise(everything, body_score)
    # The same layouts saved two ways: the whole page, or only its main element (see README.md).
    by_scrape = [(label, summarise([r for r in everything if r["scrape"] == kind], body_score))
                 for kind, label in (("page", "whole pages"), ("main", "main element"), ("html", "HTML pages"))
                 if any(r["scrape"] == kind for r in everything)]

    if args.json:
        report = {"date": datetime.date.today().isoformat(), "commit": git_commit(), "binary": str(binary),
                  "body_scorer": body_scorer, "layouts": dict(summaries), "scrapes": dict(by_scrape), "overall": overall, "errors": errors,
                  "pages": [{k: r[k] for k in ("page", "scrape", "title_ok", "date_ok", "has_byline", "authors_found",
                                               "names_returned", "names_right", "got", "want")}
                            for r in everything]}
        print(json.dumps(report, indent=1))
        return 0
    print("newsdex metadata and body on unseen layouts: %d pages in %d layouts (%s, commit %s)" % (
        len(everything), len(per_layout), binary, git_commit() or "unknown"))
    print("title/date: right/pages; author rec: pages with a byline whose authors were all found; "
          "author prec: names returned that are gold authors; body: word 4-gram F1 (%s)" % body_scorer)
    print()
    for line in table(summaries + by_scrape + [("overall", overall)]):
        print(line)
    for error in errors:
        print(error)
    if args.verbose:
        print()
        for result in everything:
            for line in details(result):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
