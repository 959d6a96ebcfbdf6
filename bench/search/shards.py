"""Search latency over shards (docs/distributed.md): the same Reuters stories in one database, in 1, 2
and 4 local shards (several --db), and in 2 shards served by stock xapian-tcpsrv on 127.0.0.1, searched
with the main request of searching.py (10 results, snippets, three facets) through newsdex-search
--batch. Layouts run alternately, ctx.runs times each after a warm-up; p50/p99 are reported with
their ratio to the single database of the same invocation (targets: local within 1.3x, remote 2x).
"""
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
import zlib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
import common  # noqa: E402
import newsdex_client  # noqa: E402


def split(jsonl, parts, out):
    """The stories over `parts` files, each story to one by a hash of its body (duplicates together)."""
    files = [out / ("part-%d-of-%d.jsonl" % (i, parts)) for i in range(parts)]
    writers = [open(f, "w", encoding="utf-8") for f in files]
    with open(jsonl, encoding="utf-8") as stories:
        for line in stories:
            body = " ".join(json.loads(line).get("body", "").lower().split())
            writers[zlib.crc32(body.encode()) % parts].write(line)
    for w in writers:
        w.close()
    return files


def build_shards(ctx, jsonl, parts, out):
    marker = out / ("shards-%d.complete" % parts)
    dbs = [out / ("shard-%d-of-%d" % (i, parts)) for i in range(parts)]
    stamp = "built from %s\n" % jsonl
    if marker.exists() and marker.read_text() == stamp and all(db.exists() for db in dbs):
        return dbs
    common.remove(marker)
    for db, part in zip(dbs, split(jsonl, parts, out)):
        common.remove(db)
        common.run(newsdex_client.index_command(ctx, db, [part]), ctx, "search: shard %s" % db.name)
    marker.write_text(stamp)
    return dbs


class Servers:
    """One xapian-tcpsrv per shard on a free 127.0.0.1 port, each in its own session (it signals its
    whole process group when it stops); stopped by PID."""

    def __init__(self, dbs, stub):
        self.processes = []
        lines = []
        for db in dbs:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            self.processes.append(subprocess.Popen(
                ["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port), str(db)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
            deadline = time.time() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.time() > deadline or self.processes[-1].poll() is not None:
                        self.stop()
                        raise RuntimeError("xapian-tcpsrv did not start for %s" % db)
                    time.sleep(0.05)
            lines.append("remote 127.0.0.1:%d\n" % port)
        stub.write_text("".join(lines))

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def run_shards(ctx, jsonl, single_db, queries, request, pipe_contender):
    out = ctx.work / "search-bench"
    search = ctx.binary("newsdex-search")
    layouts = [("1 database", ["--db", str(single_db)])]
    for parts in (1, 2, 4):
        dbs = build_shards(ctx, jsonl, parts, out)
        layouts.append(("%d local shard%s" % (parts, "s" if parts > 1 else ""),
                        [a for db in dbs for a in ("--db", str(db))]))
    servers = Servers(build_shards(ctx, jsonl, 2, out), out / "remote-2.stub")
    try:
        layouts.append(("2 remote shards (xapian-tcpsrv, 127.0.0.1)", ["--db", str(out / "remote-2.stub")]))
        lines = [json.dumps(dict(request, query=q)) for q in queries]
        runners = [(name, pipe_contender([search] + args + ["--batch"], lines)) for name, args in layouts]
        for _, run_once in runners:
            run_once()  # warm-up
        per_run = {name: [] for name, _ in runners}
        for repetition in range(ctx.runs):
            for name, run_once in runners:
                print("search: shards run %d/%d %s" % (repetition + 1, ctx.runs, name), file=sys.stderr)
                latencies = run_once()
                per_run[name].append({"p50": common.percentile(latencies, 0.50) * 1000,
                                      "p99": common.percentile(latencies, 0.99) * 1000})
    finally:
        servers.stop()
    rows = []
    base = {k: common.summary([r[k] for r in per_run["1 database"]])["median"] for k in ("p50", "p99")}
    for name, _ in runners:
        row = {"name": name, **{k: common.summary([r[k] for r in per_run[name]]) for k in ("p50", "p99")}}
        for k in ("p50", "p99"):
            row[k + "_ratio"] = row[k]["median"] / base[k] if base[k] else None
        rows.append(row)
    return {"queries": len(queries), "runs": ctx.runs, "layouts": rows,
            "targets": {"local": 1.3, "remote": 2.0}}
