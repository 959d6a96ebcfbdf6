#!/usr/bin/env python3
"""Tests of the scorer on small runs whose metrics were computed by hand (see each case's comment)."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trec_eval  # noqa: E402

QRELS = """\
q1 0 d1 1
q1 0 d3 1
q1 0 d5 1
q1 0 d2 0
q2 0 d9 1
q3 0 d1 0
"""

# q1: d1 d2 d3 d4 (d2 judged non-relevant, d4 unjudged); q2 retrieves nothing relevant.
RUN = """\
q1 Q0 d1 1 4.0 t
q1 Q0 d2 2 3.0 t
q1 Q0 d3 3 2.0 t
q1 Q0 d4 4 1.0 t
q2 Q0 d1 1 1.0 t
"""


def lines(text):
    return text.splitlines()


class PerQueryMetrics(unittest.TestCase):
    def setUp(self):
        self.qrels = trec_eval.read_qrels(lines(QRELS))
        self.run = trec_eval.read_run(lines(RUN))

    def test_hand_computed_values_for_q1(self):
        scores = trec_eval.score_query(self.run["q1"], self.qrels["q1"])
        cases = [
            ("map", (1 / 1 + 2 / 3) / 3),                                    # 0.5556: hits at ranks 1 and 3 of 3 relevant
            ("p@10", 2 / 10),                                                # two relevant in the top 10
            ("rprec", 2 / 3),                                                # R=3: d1 d2 d3 holds two
            ("ndcg@10", (1 + 1 / 2) / (1 + 1 / 1.584962500721156 + 1 / 2)),  # 1.5 / 2.1309 = 0.7039
        ]
        for metric, expected in cases:
            with self.subTest(metric=metric):
                self.assertAlmostEqual(scores[metric], expected, places=6)

    def test_means_count_judged_queries_missing_from_the_run_as_zero(self):
        means, per_query = trec_eval.evaluate(self.qrels, {"q1": self.run["q1"]})
        self.assertEqual(means["queries"], 2)                 # q3 has no relevant document: not counted
        self.assertNotIn("q3", per_query)
        self.assertAlmostEqual(means["map"], (5 / 9) / 2, places=6)  # 0.2778
        self.assertEqual(per_query["q2"]["ndcg@10"], 0.0)

    def test_graded_relevance_is_a_linear_gain_in_ndcg(self):
        judged = {"a": 2, "b": 1}
        # DCG = 1/log2(2) + 2/log2(3) = 2.2619; ideal = 2 + 1/log2(3) = 2.6309
        self.assertAlmostEqual(trec_eval.ndcg_at(["b", "a"], judged, 10), 2.261859507 / 2.630929754, places=6)
        self.assertAlmostEqual(trec_eval.ndcg_at(["a", "b"], judged, 10), 1.0, places=9)

    def test_ndcg_cuts_off_at_k(self):
        judged = {"r": 1}
        ranking = ["x%d" % i for i in range(10)] + ["r"]
        self.assertEqual(trec_eval.ndcg_at(ranking, judged, 10), 0.0)


class RunReading(unittest.TestCase):
    def test_ranks_by_score_not_by_file_order_and_ties_keep_file_order(self):
        run = trec_eval.read_run(lines("q Q0 low 1 1.0 t\nq Q0 high 2 9.0 t\nq Q0 tie1 3 5.0 t\nq Q0 tie2 4 5.0 t\n"))
        self.assertEqual(run["q"], ["high", "tie1", "tie2", "low"])

    def test_a_repeated_document_counts_once(self):
        run = trec_eval.read_run(lines("q Q0 a 1 3.0 t\nq Q0 a 2 2.0 t\nq Q0 b 3 1.0 t\n"))
        self.assertEqual(run["q"], ["a", "b"])
        # with the duplicate kept, b would sit at rank 3 and AP would be (1 + 2/3)/2
        self.assertAlmostEqual(trec_eval.average_precision(run["q"], {"a": 1, "b": 1}), 1.0)


class CommandLine(unittest.TestCase):
    def test_prints_the_means_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            qrels, run = os.path.join(tmp, "qrels"), os.path.join(tmp, "run")
            with open(qrels, "w") as f:
                f.write(QRELS)
            with open(run, "w") as f:
                f.write(RUN)
            script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trec_eval.py")
            out = subprocess.run([sys.executable, script, qrels, run], capture_output=True, text=True, check=True)
            self.assertIn("queries=2 map=0.2778", out.stdout)


if __name__ == "__main__":
    unittest.main()
