#!/usr/bin/env python3
"""Memory of entity extraction on one very long article (docs/entities.md, "Memory").

Generates JSON articles of the sizes asked for (default 10 MB and 50 MB) from sentences of the project's
own invented sample pages (corpus/text: never the shared data sets), indexes each with the real
newsdex-index twice, with and without `--entities none`, reads each run's peak resident memory
(getrusage of the child) and prints what extraction adds per byte of article:

    (peak with entities - peak with --entities none) / article size

Usage: bench/ner/memory.py [--build-dir build] [--sizes 10,50] [--runs 1] [--max-ratio R]
With --max-ratio, exits 1 when a ratio is over R (a check for scripts).
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def corpus_sentences():
    """Sentences of the invented sample pages: body lines long enough to be prose."""
    sentences = []
    for page in sorted((ROOT / "corpus" / "text").glob("*.txt")):
        for line in page.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) < 60 or not line.endswith((".", "\u201d", '"')):
                continue
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])", line) if len(s) > 20)
    if not sentences:
        sys.exit("bench/ner/memory.py: no sentences found in corpus/text")
    return sentences


def make_article(size_bytes, sentences, seed, one_paragraph):
    """One article of about size_bytes: paragraphs of three to six sentences drawn at random, so that no
    paragraph repeats (the cleaner would drop repeated blocks); or all of it one paragraph."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size_bytes:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 8
    return {
        "url": f"https://bench.example/long-{size_bytes}",
        "title": "Council publishes the full flood review for Calvenshire",
        "date": "2024-12-17",
        "body": " ".join(paragraphs) if one_paragraph else paragraphs,
    }


def peak_rss_bytes(command):
    """Runs the command (output discarded) and returns the peak resident memory of that child alone."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench/ner/memory.py: {' '.join(command)} failed (exit {os.waitstatus_to_exitcode(status)})")
    return usage.ru_maxrss * 1024  # kilobytes on Linux


def index_peak(index_bin, article_path, entities, work):
    db = work / f"db-{entities}"
    shutil.rmtree(db, ignore_errors=True)
    return peak_rss_bytes([str(index_bin), "--db", str(db), "--quiet", "--jobs", "1", "--no-compact",
                           "--max-file-size", "1G", "--entities", entities, str(article_path)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--sizes", default="10,50", help="article sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=1, help="runs of each; the lowest peak counts")
    parser.add_argument("--layout", choices=["paragraphs", "one-paragraph", "both"], default="both",
                        help="the article's body as paragraphs, as one paragraph, or each in turn")
    parser.add_argument("--max-ratio", type=float, help="exit 1 when extraction takes more than this per byte")
    args = parser.parse_args()
    index_bin = (ROOT / args.build_dir / "indexer" / "newsdex-index").resolve()
    if not index_bin.exists():
        sys.exit(f"bench/ner/memory.py: {index_bin} is missing (build newsdex-index first)")
    sentences = corpus_sentences()
    worst = 0.0
    print(f"{'layout':>14} {'article':>10} {'peak, entities none':>20} {'peak, entities':>16} {'extraction / byte':>18}")
    with tempfile.TemporaryDirectory(prefix="newsdex-ner-memory-") as tmp:
        work = Path(tmp)
        layouts = ["paragraphs", "one-paragraph"] if args.layout == "both" else [args.layout]
        for layout, size_mb in ((l, float(s)) for l in layouts for s in args.sizes.split(",")):
            size = int(size_mb * 1024 * 1024)
            article_path = work / f"long-{size_mb:g}mb-{layout}.json"
            article = make_article(size, sentences, size, layout == "one-paragraph")
            article_path.write_text(json.dumps(article), encoding="utf-8")
            article_bytes = article_path.stat().st_size
            without = min(index_peak(index_bin, article_path, "none", work) for _ in range(args.runs))
            with_entities = min(index_peak(index_bin, article_path, "both", work) for _ in range(args.runs))
            ratio = (with_entities - without) / article_bytes
            worst = max(worst, ratio)
            print(f"{layout:>14} {article_bytes / 1e6:8.1f}MB {without / 1e6:18.0f}MB {with_entities / 1e6:14.0f}MB {ratio:18.1f}")
    if args.max_ratio is not None and worst > args.max_ratio:
        print(f"extraction takes {worst:.1f} bytes per byte of article, over --max-ratio {args.max_ratio}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
