#!/usr/bin/env python3
"""Makes the search-benchmark query set from Reuters-21578 JSON Lines, reproducibly (fixed seed).

Three kinds of query, as users type them: 2-3 content words drawn from one story's title (words of
4+ letters, not stop words, not numbers), a story's topic tag as words ("money-fx" -> "money fx"),
and a quoted two-word phrase of adjacent title words. The output holds only short word lists, no
article text. bench/search/queries.txt is this script's output on the lead's Reuters conversion:

  python3 corpus/tools/reuters_to_jsonl.py ../shared/corpora/reuters21578 > reuters.jsonl
  python3 corpus/tools/make_search_queries.py reuters.jsonl > bench/search/queries.txt
"""
import argparse
import json
import random
import re

STOP = set("""about above after again against also among and another any because been before being below between
both could does doing down during each from further have having here into itself just more most other over
said same says should since some such than that their them then there these they this those through under
until very were what when where which while will with would year years week weeks reuter reuters inc corp
ltd plc co company says sees set sets up""".split())


def content_words(title):
    return [w for w in re.findall(r"[a-z]+", title.lower()) if len(w) >= 4 and w not in STOP]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reuters_jsonl")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--words", type=int, default=150, help="title word queries")
    parser.add_argument("--topics", type=int, default=30, help="topic queries")
    parser.add_argument("--phrases", type=int, default=40, help="phrase queries")
    args = parser.parse_args()
    stories = []
    with open(args.reuters_jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            stories.append((record.get("title", ""), record.get("topics", [])))
    rng = random.Random(args.seed)
    queries, seen = [], set()

    def add(query):
        if query and query not in seen:
            seen.add(query)
            queries.append(query)

    while len(queries) < args.words:
        words = content_words(rng.choice(stories)[0])
        if len(words) >= 2:
            add(" ".join(rng.sample(words, min(len(words), rng.choice((2, 3))))))
    topics = sorted({t for _, tags in stories for t in tags})
    for topic in rng.sample(topics, min(args.topics, len(topics))):
        add(" ".join(re.findall(r"[a-z]+", topic.lower())))
    target = len(queries) + args.phrases
    while len(queries) < target:
        words = re.findall(r"[a-z]+", rng.choice(stories)[0].lower())
        pairs = [(a, b) for a, b in zip(words, words[1:]) if len(a) >= 3 and len(b) >= 3
                 and a not in STOP and b not in STOP]
        if pairs:
            add('"%s %s"' % rng.choice(pairs))
    print("\n".join(queries))


if __name__ == "__main__":
    main()
