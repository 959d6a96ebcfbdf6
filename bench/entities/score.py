#!/usr/bin/env python3
"""Scores newsdex's collection-wide entity facets against a gold (bench/entities/README.md).

Indexes a collection with the real `newsdex-index`, reads every article's entities back with
`newsdex-search --json` (one query that matches every article, duplicates not collapsed) and reports,
per gold entity and in total, the measures of issue 15:
  main-key recall   share of the entity's articles that carry its main key with the right type (main
                    key: the key most of its articles carry, any type)
  keys              distinct facet values the entity is split over (a key under two types counts twice:
                    a user sees two values)
  wrong type        share of its articles where it is listed under another type
  non-entity        (article, key) pairs whose key is on the non-entity list, under any of the three types
An article key belongs to an entity when its normalised form (lower case, accents and full stops
removed, hyphens as spaces, no leading "the", no possessive, no company designator such as "Corp" or
"and Co Inc") equals a normalised alias, or, for a
person, ends with a normalised full-name alias.

    python3 bench/entities/score.py                      # Reuters-21578 against reuters_gold.json
    python3 bench/entities/score.py --collection sample  # corpus/ against sample_expected.json
    options: --build-dir DIR (default build), --work-dir DIR (default bench/work), --reuse (keep an
             existing index), --verbose (per entity), --json (all figures as JSON on stdout)

Exit status 0 whatever the scores; 2 on a usage error or a missing binary. Standard library only.
"""
import argparse
import collections
import json
import pathlib
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
import make_gold  # noqa: E402

TYPES = {"person": "people", "organisation": "organisations", "place": "places"}
MATCH_EVERYTHING = "-qqzxqvvkjq"  # a negated word no article has: "every article except none"


# ---------------------------------------------------------------- pure scoring (tested by test_score.py)

DESIGNATORS = re.compile(r"(?:(?: and)? (?:corp|corporation|co|cos|company|inc|ltd|limited|plc|ag|sa|nv|llc))+$")


def normalise(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("ø", "o").replace("’", "'")
    text = re.sub(r"'s$", "", text)
    text = text.replace(".", "").replace("-", " ")
    text = " ".join(text.replace(",", " ").split())
    text = DESIGNATORS.sub("", text)  # "Chrysler Corp" and "Chrysler" are one company
    return text[4:] if text.startswith("the ") else text


def belongs(key, entity):
    """Whether an article's entity key names this gold entity."""
    key = normalise(key)
    aliases = [normalise(a) for a in entity["aliases"]]
    if key in aliases:
        return True
    if entity["type"] == "person":
        return any(" " in a and key.endswith(" " + a) for a in aliases)
    return False


def is_non_entity(key, non_entities):
    key = normalise(key)
    return key in non_entities["keys"] or any(re.fullmatch(p, key) for p in non_entities["patterns"])


def score_entity(entity, article_entities):
    """entity: {type, aliases, articles}; article_entities: article id -> [(type, key)].
    Returns the per-entity measures."""
    articles = entity["articles"]
    per_article = {}
    carried = collections.Counter()
    for article in articles:
        keys = {(t, k) for t, k in article_entities.get(article, []) if belongs(k, entity)}
        per_article[article] = keys
        carried.update({k for _, k in keys})
    main = min(carried, key=lambda k: (-carried[k], k)) if carried else None
    right = sum(1 for keys in per_article.values() if (entity["type"], main) in keys)
    wrong = sum(1 for keys in per_article.values() if any(t != entity["type"] for t, _ in keys))
    missing = sum(1 for keys in per_article.values() if not keys)
    values = set().union(*per_article.values()) if per_article else set()
    n = len(articles)
    return {"id": entity["id"], "type": entity["type"], "articles": n, "main_key": main,
            "main_key_articles": right, "main_key_recall": right / n if n else 0.0,
            "keys": len(values), "key_list": sorted("%s:%s" % v for v in values),
            "wrong_type_articles": wrong, "wrong_type": wrong / n if n else 0.0,
            "not_found_articles": missing}


def count_non_entities(article_entities, non_entities):
    found = collections.Counter()
    for entities in article_entities.values():
        for t, k in set(entities):
            if is_non_entity(k, non_entities):
                found["%s:%s" % (t, k)] += 1
    return found


def summarise(rows, non_entity_counts):
    articles = sum(r["articles"] for r in rows)
    return {
        "entities": len(rows),
        "main_key_recall": sum(r["main_key_articles"] for r in rows) / articles if articles else 0.0,
        "main_key_recall_macro": sum(r["main_key_recall"] for r in rows) / len(rows) if rows else 0.0,
        "one_key": sum(1 for r in rows if r["keys"] == 1),
        "wrong_type": sum(r["wrong_type_articles"] for r in rows) / articles if articles else 0.0,
        "gold_articles": articles,
        "non_entity_mentions": sum(non_entity_counts.values()),
    }


def headline(summary):
    return ("main-key recall %.3f, one key for %d of %d entities, wrong type %.1f%% of articles, "
            "%d non-entity mentions" % (summary["main_key_recall"], summary["one_key"], summary["entities"],
                                       100 * summary["wrong_type"], summary["non_entity_mentions"]))


# ---------------------------------------------------------------- running newsdex

def binary(build_dir, name):
    path = pathlib.Path(build_dir) / ("indexer" if name == "newsdex-index" else "searcher") / name
    if not path.exists():
        print("score.py: %s not found in %s (build it first)" % (name, build_dir), file=sys.stderr)
        sys.exit(2)
    return str(path)


def index(build_dir, db, inputs, entities_option, reuse):
    if reuse and pathlib.Path(db).exists():
        return
    shutil.rmtree(db, ignore_errors=True)
    command = [binary(build_dir, "newsdex-index"), "--db", str(db), "--quiet", "--entities", entities_option]
    result = subprocess.run(command + [str(i) for i in inputs], capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: some records skipped, reported on stderr; the rest is indexed
        raise SystemExit("score.py: newsdex-index failed (%d): %s" % (result.returncode, result.stderr[-500:]))


def read_back(build_dir, db, article_id):
    """article id -> [(type, key)], for every stored article and every duplicate location of it."""
    command = [binary(build_dir, "newsdex-search"), "--db", str(db), "--json", "--no-collapse",
               "--limit", "1000000", "--snippet-length", "0", "--", MATCH_EVERYTHING]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("score.py: newsdex-search failed (%d): %s" % (result.returncode, result.stderr[-500:]))
    response = json.loads(result.stdout)
    articles = {}
    singular = {plural: singular for singular, plural in TYPES.items()}
    for item in response["results"]:
        entities = [(singular[group], e["key"]) for group, values in item.get("entities", {}).items()
                    if group in singular for e in values]
        for location in [item] + item.get("duplicates", []):
            articles[article_id(location)] = entities
    return articles


# ---------------------------------------------------------------- the two collections

def reuters(args):
    gold = json.loads((HERE / "reuters_gold.json").read_text(encoding="utf-8"))
    jsonl = make_gold.ensure_jsonl(pathlib.Path(args.work_dir) / "reuters.jsonl")
    db = pathlib.Path(args.work_dir) / "entities" / "reuters.db"
    # --entities extracted: the JSON Lines carry Reuters' own topic tags (people/places/orgs), which are
    # not mentions; the extractor is what is measured.
    index(args.build_dir, db, [jsonl], "extracted", args.reuse)
    entities = read_back(args.build_dir, db, lambda r: r["id"].rsplit("/", 1)[-1])
    return gold["entities"], entities


def sample_gold():
    """The sample collection's expected entities: names, types and variants from sample_expected.json;
    the articles of the recurring and minor entities from tests/fixtures/corpus-expected.json (computed
    from the corpus files by corpus/tools/make_expected.py), of the others from sample_expected.json."""
    expected = json.loads((HERE / "sample_expected.json").read_text(encoding="utf-8"))
    fixture = json.loads((REPO / "tests" / "fixtures" / "corpus-expected.json").read_text(encoding="utf-8"))
    by_name = {}
    for group in fixture["entities"].values():
        by_name.update({name: item["articles"] for name, item in group.items()})
    for article in fixture["articles"]:
        location = article["file"] + ("#%d" % article["position"] if article["file"].endswith(".jsonl") else "")
        for name in article.get("minor_people", []):
            by_name.setdefault(name, []).append(location)
    entities = []
    for item in expected["entities"]:
        articles = item.get("articles") or by_name.get(item["name"])
        if not articles:
            raise SystemExit("score.py: no articles for %s in sample_expected.json or the fixture" % item["name"])
        entities.append(dict(item, id=item["key"], articles=sorted(set(articles))))
    return entities, expected["non_entities"]


def sample(args):
    entities, _ = sample_gold()
    db = pathlib.Path(args.work_dir) / "entities" / "sample.db"
    corpus = REPO / "corpus"
    index(args.build_dir, db, [corpus / "text", corpus / "html", corpus / "export"], "both", args.reuse)

    def location(r):
        path = pathlib.Path(r["path"]).resolve().relative_to(corpus.resolve()).as_posix()
        return path + ("#%d" % r["position"] if path.endswith(".jsonl") else "")

    return entities, read_back(args.build_dir, db, location)


def load_non_entities(extra=None):
    data = json.loads((HERE / "non_entities.json").read_text(encoding="utf-8"))
    keys, patterns = set(), []
    for category in data["categories"].values():
        keys.update(normalise(k) for k in category.get("keys", []))
        patterns.extend(category.get("patterns", []))
    for name in extra or []:
        keys.add(normalise(name))
    return {"keys": keys, "patterns": patterns}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", choices=("reuters", "sample"), default="reuters")
    parser.add_argument("--build-dir", default=str(REPO / "build"))
    parser.add_argument("--work-dir", default=str(REPO / "bench" / "work"))
    parser.add_argument("--reuse", action="store_true", help="score an existing index instead of rebuilding it")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    (pathlib.Path(args.work_dir) / "entities").mkdir(parents=True, exist_ok=True)
    if args.collection == "reuters":
        gold, article_entities = reuters(args)
        non_entities = load_non_entities()
    else:
        gold, article_entities = sample(args)
        non_entities = load_non_entities(sample_gold()[1])
    rows = [score_entity(entity, article_entities) for entity in gold]
    junk = count_non_entities(article_entities, non_entities)
    summary = summarise(rows, junk)
    if args.json:
        print(json.dumps({"collection": args.collection, "summary": summary, "headline": headline(summary),
                          "entities": rows, "non_entities": dict(junk.most_common())}, indent=1))
        return 0
    if args.verbose:
        print("%-26s %-12s %5s %7s %4s %6s %5s  %s" % ("entity", "type", "arts", "recall", "keys", "wrong",
                                                    "none", "main key / other keys"))
        for r in rows:
            others = [k for k in r["key_list"] if k != "%s:%s" % (r["type"], r["main_key"])]
            print("%-26s %-12s %5d %7.3f %4d %5.1f%% %5d  %s | %s" % (
                r["id"], r["type"], r["articles"], r["main_key_recall"], r["keys"], 100 * r["wrong_type"],
                r["not_found_articles"], r["main_key"], ", ".join(others[:8])))
        print("non-entity mentions:", ", ".join("%s %d" % kv for kv in junk.most_common(25)))
    print("%s: %s (macro main-key recall %.3f over %d gold articles)" % (
        args.collection, headline(summary), summary["main_key_recall_macro"], summary["gold_articles"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
