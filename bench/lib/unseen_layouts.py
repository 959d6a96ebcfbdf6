"""Metadata and body extraction on the layout test pages (bench/layouts), scored by its own scorer."""
import json
import subprocess
import sys

import common

SCORER = common.REPO / "bench" / "layouts" / "score.py"


def run_layouts(ctx):
    binary = ctx.binary("newsdex-index")
    if not binary:
        raise RuntimeError("newsdex-index is not built in %s" % ctx.build)
    command = [sys.executable, str(SCORER), "--binary", binary, "--json"]
    ctx.log(command, "title/date/author accuracy and body F1 on 112 invented pages (64 text pages in 8 layouts, 48 HTML pages in 6)")
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError("score.py failed (exit %d): %s" % (result.returncode, result.stderr.strip()[-300:]))
    scores = json.loads(result.stdout)
    scores.pop("pages", None)  # the per-page details stay with `score.py --verbose`
    return scores
