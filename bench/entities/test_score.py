#!/usr/bin/env python3
"""Tests of the entity scorer's counting (score.py) and of the gold builder's matching rules
(make_gold.py) on hand-made cases; no shared data and no newsdex binary needed."""
import pathlib
import sys
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_gold  # noqa: E402
import score  # noqa: E402

BLAIR = {"id": "tony-blair", "type": "person", "aliases": ["Tony Blair", "Blair"],
         "articles": ["a1", "a2", "a3", "a4"]}
WTO = {"id": "wto", "type": "organisation", "aliases": ["World Trade Organization", "WTO"],
       "articles": ["a1", "a2"]}


class Belonging(unittest.TestCase):
    def test_keys_that_name_the_entity(self):
        cases = [  # key, entity, belongs
            ("tony blair", BLAIR, True), ("blair", BLAIR, True), ("Blair's", BLAIR, True),
            ("prime minister tony blair", BLAIR, True),  # a title left on a full name
            ("cherie blair", BLAIR, False), ("blairs", BLAIR, False),
            ("w.t.o.", WTO, True), ("the wto", WTO, True), ("world trade organisation", WTO, False),
            ("wto talks", WTO, False),  # only people are matched by their name's end
            ("world trade organization inc", WTO, True), ("World Trade Organization, and Co", WTO, True),
        ]
        for key, entity, expected in cases:
            self.assertEqual(score.belongs(key, entity), expected, key)

    def test_accents_and_o_slash_fold(self):
        entity = {"type": "person", "aliases": ["Søren Lindahl", "Zoë Marchetti"]}
        for key in ("soren lindahl", "Søren Lindahl", "zoe marchetti", "Zoë Marchetti"):
            self.assertTrue(score.belongs(key, entity), key)


class EntityScores(unittest.TestCase):
    def test_main_key_split_and_wrong_type(self):
        articles = {
            "a1": [("person", "tony blair"), ("place", "london")],
            "a2": [("person", "tony blair")],
            "a3": [("person", "blair")],                  # split: a second key
            "a4": [("place", "tony blair")],              # wrong type (and no right-typed key)
        }
        row = score.score_entity(BLAIR, articles)
        self.assertEqual(row["main_key"], "tony blair")   # carried by 3 of 4 articles, any type
        self.assertEqual(row["main_key_articles"], 2)     # a1, a2: main key with the right type
        self.assertAlmostEqual(row["main_key_recall"], 0.5)
        self.assertEqual(row["keys"], 3)                  # person:tony blair, person:blair, place:tony blair
        self.assertEqual(row["wrong_type_articles"], 1)
        self.assertEqual(row["not_found_articles"], 0)

    def test_missing_articles_and_nothing_found(self):
        row = score.score_entity(WTO, {"a1": [("organisation", "wto")]})  # a2 not in the index
        self.assertEqual((row["main_key"], row["main_key_articles"], row["keys"], row["not_found_articles"]),
                         ("wto", 1, 1, 1))
        row = score.score_entity(WTO, {})
        self.assertEqual((row["main_key"], row["main_key_recall"], row["keys"]), (None, 0.0, 0))

    def test_ties_for_main_key_are_broken_by_the_key(self):
        articles = {"a1": [("organisation", "wto")], "a2": [("organisation", "world trade organization")]}
        self.assertEqual(score.score_entity(WTO, articles)["main_key"], "world trade organization")

    def test_totals_pool_articles_and_count_one_key_entities(self):
        blair = score.score_entity(BLAIR, {a: [("person", "tony blair")] for a in BLAIR["articles"]})
        wto = score.score_entity(WTO, {"a1": [("organisation", "wto")], "a2": [("place", "wto")]})
        summary = score.summarise([blair, wto], {"person:reuter": 3})
        self.assertAlmostEqual(summary["main_key_recall"], 5 / 6)        # (4 + 1) of (4 + 2) articles
        self.assertAlmostEqual(summary["main_key_recall_macro"], 0.75)   # (1 + 0.5) / 2
        self.assertEqual(summary["one_key"], 1)
        self.assertAlmostEqual(summary["wrong_type"], 1 / 6)
        self.assertEqual(summary["non_entity_mentions"], 3)
        self.assertEqual(score.headline(summary), "main-key recall 0.833, one key for 1 of 2 entities, "
                                                  "wrong type 16.7% of articles, 3 non-entity mentions")


class NonEntities(unittest.TestCase):
    def test_listed_keys_and_patterns_count_once_per_article(self):
        lists = {"keys": {"reuter", "easter"}, "patterns": [r"(march|april)( \w+)?", r"(\w+ )?dlrs?"]}
        articles = {"a1": [("person", "reuter"), ("person", "reuter"), ("person", "march nine")],
                    "a2": [("organisation", "n.z. dlrs"), ("place", "marchetti"), ("person", "Easter")]}
        found = score.count_non_entities(articles, lists)
        self.assertEqual(dict(found), {"person:reuter": 1, "person:march nine": 1, "organisation:n.z. dlrs": 1,
                                       "person:Easter": 1})

    def test_the_shipped_list_loads(self):
        lists = score.load_non_entities(["Lantern Festival"])
        self.assertTrue(score.is_non_entity("REUTER", lists))
        self.assertTrue(score.is_non_entity("lantern festival", lists))
        self.assertTrue(score.is_non_entity("h.k. dlrs", lists))
        self.assertFalse(score.is_non_entity("james baker", lists))


class GoldMatching(unittest.TestCase):
    def matcher(self, **spec):
        return make_gold.Matcher(dict({"id": "x", "type": "person", "name": "x"}, **spec))

    def test_whole_words_case_and_longer_names(self):
        japan = self.matcher(aliases=["Japan"], **{"not": [r"Bank of Japan"]})
        self.assertTrue(japan.article("", "Exports from Japan rose.")[1])
        self.assertFalse(japan.article("", "The Bank of Japan said.")[1])
        self.assertFalse(japan.article("", "Japanese exports rose.")[1])
        self.assertTrue(japan.article("JAPAN TRADE SURPLUS", "")[1])           # titles are in capitals
        self.assertFalse(japan.article("BANK OF JAPAN BUYS DOLLARS", "")[1])   # longer names too

    def test_acronyms_inside_other_words_and_tickers_do_not_count(self):
        ec = self.matcher(aliases=["EC", "E.C."])
        self.assertFalse(ec.article("", "The SEC and EEC-based ECU said.")[1])
        self.assertFalse(ec.article("ENGELHARD CORP <EC> SETS SPLIT", "")[1])
        self.assertTrue(ec.article("", "EC farm ministers met.")[1])
        us = self.matcher(aliases=["U.S.", "U.S.A."])
        self.assertFalse(us.article("", "USA Today said.")[1])
        self.assertTrue(us.article("", "sales in the U.S. rose")[1])
        self.assertEqual([m[1] for m in us.article("", "Exxon U.S.A. and the U.S.")[0]], ["U.S.", "U.S.A."])

    def test_a_bare_surname_yields_to_another_person_of_that_name(self):
        baker = self.matcher(aliases=["James Baker", "Baker"], surname="Baker", others=["Howard Baker"])
        self.assertTrue(baker.article("", "Treasury Secretary James Baker said. Baker added.")[1])
        self.assertFalse(baker.article("", "Chief of staff Howard Baker said. Baker added.")[1])
        self.assertTrue(baker.article("", "James Baker and Howard Baker met.")[1])


if __name__ == "__main__":
    unittest.main()
