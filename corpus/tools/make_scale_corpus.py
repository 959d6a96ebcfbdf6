#!/usr/bin/env python3
"""Builds a large JSON Lines collection for scale benchmarks from the real corpora in ../shared.

The pool is every Reuters-21578 story with a body, every BBC News article and every 20 Newsgroups
post (about 40,000 texts). Article n of the output takes its title from one pool text and its body
from that text's paragraphs plus one or two paragraphs of another text of the same source, in a
shuffled order, so that no two bodies are identical (newsdex collapses identical bodies) while the
vocabulary and lengths stay those of real news. Each article gets a new id ("scale-<n>") and a date
spread uniformly over 1987-2024. Deterministic for a given --seed. The output is large (about
1.6 GB for 1M articles): write it to a work directory, never into the repository.

usage: make_scale_corpus.py --articles 100000 SHARED_CORPORA_DIR OUT.jsonl
"""
import argparse
import datetime
import io
import json
import pathlib
import random
import re
import sys
import tarfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import reuters_to_jsonl  # noqa: E402


def split_paragraphs(text):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def reuters_pool(corpora):
    paths = sorted((corpora / "reuters21578").glob("reut2-*.sgm"))
    for _, story in reuters_to_jsonl.stories(paths):
        body = reuters_to_jsonl.element(story, "BODY")
        title = " ".join(reuters_to_jsonl.element(story, "TITLE").split())
        paragraphs = reuters_to_jsonl.paragraphs(body) if body else []
        if paragraphs:
            yield "Reuters", title, paragraphs


def bbc_pool(corpora):
    for path in sorted((corpora / "bbc").glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        paragraphs = split_paragraphs(body)
        if paragraphs:
            yield "BBC News", title.strip(), paragraphs


def newsgroups_pool(corpora):
    archive = corpora / "20newsgroups" / "20news-bydate.tar.gz"
    if not archive.exists():
        return
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile():
                continue
            text = tar.extractfile(member).read().decode("latin-1")
            headers, _, body = text.partition("\n\n")
            subject = re.search(r"^Subject:\s*(.*)$", headers, re.M)
            paragraphs = split_paragraphs(body)
            if paragraphs:
                yield "20 Newsgroups", (subject.group(1).strip() if subject else ""), paragraphs


def load_pool(corpora):
    pool = {}
    for generator in (reuters_pool, bbc_pool, newsgroups_pool):
        for source, title, paragraphs in generator(corpora):
            pool.setdefault(source, []).append((title, paragraphs))
    return pool


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=pathlib.Path, help="the shared corpora folder (../shared/corpora)")
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pool = load_pool(args.corpora)
    texts = [(source, title, paragraphs) for source, items in pool.items() for title, paragraphs in items]
    rng = random.Random(args.seed)
    start = datetime.date(1987, 1, 1).toordinal()
    days = datetime.date(2024, 12, 31).toordinal() - start
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.articles):
            source, title, paragraphs = texts[rng.randrange(len(texts))]
            extra = pool[source][rng.randrange(len(pool[source]))][1]
            body = list(paragraphs) + rng.sample(extra, min(len(extra), rng.choice((1, 2))))
            rng.shuffle(body)
            published = datetime.date.fromordinal(start + rng.randrange(days)).isoformat()
            out.write(json.dumps({"id": "scale-%d" % n, "title": title, "published": published, "source": source,
                                  "body": "\n\n".join(body)}) + "\n")
    print("make_scale_corpus: %d articles from a pool of %d texts" % (args.articles, len(texts)), file=sys.stderr)


if __name__ == "__main__":
    main()
