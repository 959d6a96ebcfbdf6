#!/usr/bin/env python3
"""Tests of the layout scorer's counting on hand-made cases, and that the committed pages are what
make_pages.py writes from the sources."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_html_pages  # noqa: E402
import make_pages  # noqa: E402
import score  # noqa: E402

GOLD = {"title": "Bridge  closed after\ninspection", "author": ["Anya Bell", "Tomas Ree"], "date": "2024-11-08",
        "lede": "", "body": ["one two three four five", "six seven eight nine ten"]}


class PageScores(unittest.TestCase):
    def test_title_is_compared_after_collapsing_white_space(self):
        self.assertTrue(score.score_page("p", GOLD, {"title": "Bridge closed after inspection"})["title_ok"])
        self.assertFalse(score.score_page("p", GOLD, {"title": "Bridge closed after inspection."})["title_ok"])

    def test_date_is_the_date_part_of_published(self):
        self.assertTrue(score.score_page("p", GOLD, {"published": "2024-11-08T15:20:00+00:00"})["date_ok"])
        self.assertFalse(score.score_page("p", GOLD, {"published": "2024-11-09"})["date_ok"])
        self.assertFalse(score.score_page("p", GOLD, {"published": ""})["date_ok"])

    def test_authors_all_found_and_names_counted(self):
        cases = [  # author text -> (all found, names returned, names right)
            ("Anya Bell and Tomas Ree", (True, 2, 2)),
            ("tomas ree, ANYA BELL", (True, 2, 2)),
            ("Anya Bell", (False, 1, 1)),
            ("By Anya Bell and Tomas Ree in Kellingford", (True, 2, 0)),
            ("Anya Bell; Tomas Ree | Health Editor", (True, 3, 2)),
            ("", (False, 0, 0)),
        ]
        for text, (found, returned, right) in cases:
            result = score.score_page("p", GOLD, {"author": text})
            self.assertEqual((result["authors_found"], result["names_returned"], result["names_right"]),
                             (found, returned, right), text)

    def test_a_name_on_a_page_without_byline_is_wrong(self):
        gold = dict(GOLD, author=[])
        result = score.score_page("p", gold, {"author": "Media Relations"})
        self.assertEqual((result["has_byline"], result["names_returned"], result["names_right"]), (False, 1, 0))

    def test_body_is_lede_plus_paragraphs_on_both_sides(self):
        got = {"lede": "one two three four five", "paragraphs": ["six seven eight nine ten"]}
        result = score.score_page("p", GOLD, got)
        self.assertEqual(result["predicted_body"].split(), result["gold_body"].split())


class Summary(unittest.TestCase):
    def test_counts_and_body_f1(self):
        perfect = score.score_page("a", GOLD, {"title": "Bridge closed after inspection", "published": "2024-11-08",
                                               "author": "Anya Bell and Tomas Ree", "paragraphs": GOLD["body"]})
        # Second page: the gold text plus an 8-word promotion; nothing lost (recall 1).
        noisy = score.score_page("b", GOLD, {"paragraphs": GOLD["body"] + ["subscribe now for unlimited access to the herald"]})
        s = score.summarise([perfect, noisy], score.builtin_body_score)
        self.assertEqual((s["pages"], s["title_right"], s["date_right"], s["pages_with_byline"], s["authors_found"]),
                         (2, 1, 1, 2, 1))
        # gold: 10 words, 7 4-grams; the noisy prediction: 18 words, 15 4-grams of which the 7 gold ones
        p_noisy = 7 / 15
        precision = (1 + p_noisy) / 2
        self.assertAlmostEqual(s["body_precision"], precision)
        self.assertAlmostEqual(s["body_recall"], 1.0)
        self.assertAlmostEqual(s["body_f1"], 2 * precision / (precision + 1))

    def test_builtin_definition_matches_the_shared_scorer(self):
        scorer, name = score.load_body_scorer()
        if scorer is score.builtin_body_score:
            self.skipTest("../shared/tools/body_score.py is not here")
        gold = {"a": {"articleBody": "the cat sat on the mat today and then it slept"},
                "b": {"articleBody": "short"}, "c": {"articleBody": "one two three four five six"}}
        pred = {"a": {"articleBody": "menu the cat sat on the mat today and then"},
                "b": {"articleBody": ""}, "c": {"articleBody": "one two three four five six seven eight"}}
        for a, b in zip(scorer(gold, pred), score.builtin_body_score(gold, pred)):
            self.assertAlmostEqual(a, b)


class Pages(unittest.TestCase):
    def test_pages_match_their_sources(self):
        self.assertEqual(make_pages.main(["--check"]), 0, "run bench/layouts/make_pages.py and commit the pages")
        self.assertEqual(make_html_pages.main(["--check"]), 0,
                         "run bench/layouts/make_html_pages.py and commit the pages")

    def test_set_has_eight_layouts_of_eight_pages(self):
        layouts = [d for d in (HERE / "pages").iterdir() if d.is_dir()]
        self.assertGreaterEqual(len(layouts), 8)
        for layout in layouts:
            self.assertGreaterEqual(len(list(layout.glob("*.gold.json"))), 8, layout.name)


class CommandLine(unittest.TestCase):
    def run_score(self, *args):
        return subprocess.run([sys.executable, str(HERE / "score.py")] + list(args), capture_output=True, text=True)

    def test_missing_binary_is_a_usage_error(self):
        result = self.run_score("--binary", "/nonexistent/newsdex-index")
        self.assertEqual(result.returncode, 2)
        self.assertIn("not found", result.stderr)

    def test_runs_a_binary_and_exits_0_with_low_scores(self):
        # A stand-in for newsdex-index that prints the same article for every page.
        with tempfile.TemporaryDirectory() as tmp:
            fake = pathlib.Path(tmp) / "fake-index"
            fake.write_text("#!/bin/sh\necho '{\"title\": \"Menu\", \"published\": \"\", \"author\": \"\", "
                            "\"lede\": \"\", \"paragraphs\": [\"Menu\"]}'\n")
            fake.chmod(0o755)
            result = self.run_score("--binary", str(fake), "--layout", "wire", "--json")
            self.assertEqual(result.returncode, 0, result.stderr)
            report = json.loads(result.stdout)
            self.assertEqual(report["overall"]["pages"], 8)
            self.assertEqual(report["overall"]["title_right"], 0)
            verbose = self.run_score("--binary", str(fake), "--layout", "wire", "--verbose")
            self.assertIn('title: got "Menu", want "', verbose.stdout)


if __name__ == "__main__":
    unittest.main()
