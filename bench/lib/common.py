"""Shared helpers of the benchmark driver: where things are, running and timing commands, statistics."""
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("NEWSDEX_SHARED_DIR", REPO.parent / "shared"))
CORPORA = SHARED / "corpora"


class Context:
    """What every benchmark needs: binaries, the work directory, repetitions, and the command log."""

    def __init__(self, build_dir, work_dir, runs, quick=False):
        self.build = pathlib.Path(build_dir)
        self.work = pathlib.Path(work_dir)
        self.runs = runs
        self.quick = quick
        self.commands = []  # every command run, for the report's "exact commands"
        self.work.mkdir(parents=True, exist_ok=True)

    def binary(self, name):
        candidates = {
            "newsdex-index": self.build / "indexer" / "newsdex-index",
            "newsdex-search": self.build / "searcher" / "newsdex-search",
            "xapian-baseline-index": self.build / "bench" / "index" / "xapian-baseline-index",
            "xapian-baseline-search": self.build / "bench" / "search" / "xapian-baseline-search",
            "newsdex-ner-eval": self.build / "ner" / "newsdex-ner-eval",
        }
        path = candidates.get(name)
        if path and path.exists():
            return str(path)
        found = [p for p in self.build.rglob(name) if p.is_file() and os.access(p, os.X_OK)]
        return str(found[0]) if found else None

    def log(self, command, note=""):
        text = " ".join(shlex_quote(str(c)) for c in command)
        if text not in (c["command"] for c in self.commands):
            self.commands.append({"command": text, "note": note})


def shlex_quote(text):
    import shlex
    return shlex.quote(text)


def run(command, ctx=None, note="", **kwargs):
    """Runs a command, raising with its stderr when it fails."""
    if ctx:
        ctx.log(command, note)
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n%s" % (result.returncode, " ".join(map(str, command)),
                                                          result.stderr[-2000:]))
    return result


def timed(command, ctx=None, note="", stdin_path=None):
    """Runs a command under GNU time: {"seconds": wall, "peak_rss_mb": max resident set size}."""
    if ctx:
        ctx.log(command, note)
    started = time.perf_counter()
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        result = subprocess.run(["/usr/bin/time", "-v"] + [str(c) for c in command], stdin=stdin,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    finally:
        if stdin_path:
            stdin.close()
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        own_stderr = result.stderr.split("\tCommand being timed")[0].strip()  # without GNU time's report
        raise RuntimeError("command failed (%d): %s\n%s" % (result.returncode, " ".join(map(str, command)),
                                                          own_stderr[-2000:] or "(no message)"))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return {"seconds": seconds, "peak_rss_mb": int(rss.group(1)) / 1024 if rss else None}


def directory_bytes(path):
    path = pathlib.Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def remove(path):
    path = pathlib.Path(path)
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def document_count(path):
    """Documents in a Xapian database (xapian-delve) or in the FTS5 table of an SQLite file."""
    path = pathlib.Path(path)
    if path.is_dir():
        out = subprocess.run(["xapian-delve", str(path)], capture_output=True, text=True).stdout
        match = re.search(r"number of documents = (\d+)", out)
        return int(match.group(1)) if match else None
    import sqlite3
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        connection.close()


def summary(values):
    """median, min, max (and n) of a list of numbers."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(values, fraction):
    """Nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, int(-(-fraction * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def package_version(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def machine():
    info = {"hostname": platform.node(), "kernel": platform.release(), "cpus": os.cpu_count(),
            "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            model = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu"] = model.group(1) if model else None
        with open("/proc/meminfo") as f:
            info["memory_gb"] = round(int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1)) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["newsdex_commit"] = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        info["working_tree_modified"] = bool(dirty)
    except OSError:
        pass
    info["versions"] = {p: package_version(p) for p in ("libxapian30", "xapian-omega", "sqlite3", "gnuplot-nox", "g++")}
    import sqlite3
    info["versions"]["sqlite_library"] = sqlite3.sqlite_version
    return info
