"""Cleaning and entity quality, measured by the tools their owners wrote; skipped with a note when
a tool does not exist yet."""
import os
import pathlib
import subprocess

import common


def body_extraction(ctx):
    script = common.REPO / "bench/body_extraction/run.sh"
    if not script.exists():
        return "skipped: bench/body_extraction/run.sh does not exist yet"
    command = ["sh", str(script)]
    ctx.log(command, "body-extraction F1 (BUILD_DIR=%s)" % ctx.build)
    env = dict(os.environ, BUILD_DIR=str(ctx.build), SHARED=str(common.SHARED))
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    if result.returncode != 0:
        return "failed (exit %d): %s" % (result.returncode, (result.stderr or result.stdout).strip()[-300:])
    return "\n\n```\n%s\n```" % result.stdout.strip()


def entities(ctx):
    binary = ctx.binary("newsdex-ner-eval")
    testa = common.CORPORA / "conll2003" / "eng.testa"
    if not binary:
        return "skipped: newsdex-ner-eval is not built (ner/ not there yet)"
    if not testa.exists():
        return "skipped: %s is missing" % testa
    command = [binary, str(testa)]
    ctx.log(command, "CoNLL-2003 dev (eng.testa) entity F1")
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        return "failed (exit %d): %s" % (result.returncode, result.stderr.strip()[-300:])
    return "\n\n```\n%s\n```" % result.stdout.strip()


def run_quality(ctx):
    return {"body extraction F1 (article-extraction benchmark, dev half)": body_extraction(ctx),
            "entity F1 (CoNLL-2003 eng.testa)": entities(ctx)}
