"""Driving newsdex-index and newsdex-search (batch mode, docs/json-format.md) from the benchmarks."""
import json
import subprocess
import time

from common import run


def help_text(binary):
    return subprocess.run([binary, "--help"], capture_output=True, text=True).stdout


def supports(binary, option):
    """True when `binary --help` lists `option`: lets the benchmarks run before a feature lands."""
    return option in help_text(binary)


def index_command(ctx, db, inputs, jobs=None, shards=None):
    binary = ctx.binary("newsdex-index")
    command = [binary, "--db", str(db)]
    if jobs is not None and supports(binary, "--jobs"):
        command += ["--jobs", str(jobs)]
    if shards is not None:
        command += ["--shards", str(shards)]
    if supports(binary, "--quiet"):
        command.append("--quiet")
    return command + [str(i) for i in inputs]


def batch_command(ctx, db, extra=()):
    return [ctx.binary("newsdex-search"), "--db", str(db), "--batch"] + list(extra)


def batch_search(ctx, db, requests, extra=(), note=""):
    """Runs requests (dicts or text lines) through one --batch process; returns the parsed responses."""
    command = batch_command(ctx, db, extra)
    lines = "".join((json.dumps(r) if isinstance(r, dict) else r) + "\n" for r in requests)
    ctx.log(command, note)
    result = subprocess.run(command, input=lines, capture_output=True, text=True)
    if not result.stdout.strip():
        raise RuntimeError("newsdex-search --batch printed nothing: %s" % result.stderr[-1000:])
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def result_ids(response, prefix=""):
    """The collection ids of a response's results: the url "<prefix><id>" when present, else the id."""
    ids = []
    for hit in response.get("results", []):
        url = hit.get("url") or ""
        if prefix and url.startswith(prefix):
            ids.append(url[len(prefix):])
        else:
            article_id = str(hit.get("id", ""))
            ids.append(article_id.split(":")[-1] if prefix else article_id)
    return ids


class PipeTimer:
    """Times queries one at a time through a long-running process that answers each stdin line with
    one flushed stdout line: latency as a client sees it (pipe round trip included)."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def ask(self, line):
        started = time.perf_counter()
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        elapsed = time.perf_counter() - started
        if not answer:
            raise RuntimeError("the process stopped answering")
        return elapsed, answer

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)
