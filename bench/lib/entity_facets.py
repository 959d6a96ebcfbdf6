"""Collection-wide entity facets (issue 15): bench/entities/score.py on Reuters-21578 and on the sample
collection, for the main-key recall, one-key, wrong-type and non-entity figures of bench/report.md."""
import json
import subprocess
import sys

import common

SCORER = common.REPO / "bench" / "entities" / "score.py"


def run_entities(ctx):
    results = {}
    for collection in ("reuters", "sample"):
        command = [sys.executable, str(SCORER), "--collection", collection, "--build-dir", str(ctx.build),
                   "--work-dir", str(ctx.work), "--json"]
        ctx.log(command, "entity facets on %s: main-key recall, one key, wrong type, non-entities" % collection)
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        if result.returncode != 0:
            raise RuntimeError("score.py --collection %s failed (exit %d): %s"
                               % (collection, result.returncode, result.stderr.strip()[-300:]))
        scores = json.loads(result.stdout)
        results[collection] = {"summary": scores["summary"], "headline": scores["headline"],
                               "non_entities": dict(list(scores["non_entities"].items())[:10])}
    return results
