#!/usr/bin/env python3
"""Checks that common/ keeps its stage order (ARCHITECTURE.md, "Layout").

Each folder of common/ is a stage and a library, common/<stage>/CMakeLists.txt, whose
target_link_libraries(newsdex_<stage> ...) names the stages it may use. That list is the only
table: a file in common/<stage>/ may include "common/<stage>/..." and "common/<used>/..." for the
stages its library links, and nothing else in quotes (no tools, programs or tests). The links must
not form a loop, and every source file must be in a stage folder. The programs' front ends
(indexer/, searcher/) stay on the library's side of the Xapian boundary: they include no Xapian
header and name no Xapian:: type (the library turns Xapian's errors into newsdex::Errors).

Usage: check_layout.py SOURCE_DIR [--stamp FILE]   exit 0 when the layout holds, 1 with one line
                                                    per problem on stderr when it does not
       check_layout.py --self-test SOURCE_DIR       checks that a wrong-way include, a loop and a
                                                    front end including <xapian.h>, in a copy of the
                                                    sources, are refused
"""
import os
import re
import shutil
import sys
import tempfile

LINK_RE = re.compile(r"target_link_libraries\(\s*newsdex_(\w+)\s+(?:PUBLIC|PRIVATE|INTERFACE)?([^)]*)\)", re.S)
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
SOURCE_SUFFIXES = (".cpp", ".hpp", ".h", ".cc", ".in")
FRONT_ENDS = ("indexer", "searcher", "cli")  # cli/: what the two programs share about their command lines
XAPIAN_INCLUDE_RE = re.compile(r"^\s*#\s*include\s*<(xapian(?:\.h|/[^>]*))>", re.M)
XAPIAN_NAME_RE = re.compile(r"^(?!\s*//).*?\bXapian::", re.M)


def read_stages(common):
    """{stage: set of stages it may use}, from each stage folder's CMakeLists.txt."""
    stages, problems = {}, []
    for name in sorted(os.listdir(common)):
        folder = os.path.join(common, name)
        if not os.path.isdir(folder):
            if name.endswith(SOURCE_SUFFIXES):
                problems.append(f"common/{name}: a source file outside every stage folder")
            continue
        cmake = os.path.join(folder, "CMakeLists.txt")
        if not os.path.isfile(cmake):
            problems.append(f"common/{name}/: a folder without CMakeLists.txt (every folder of common/ is a stage)")
            continue
        with open(cmake, encoding="utf-8") as f:
            text = f.read()
        uses = set()
        for target, arguments in LINK_RE.findall(text):
            if target == name:
                uses |= {a[len("newsdex_"):] for a in arguments.split() if a.startswith("newsdex_")}
        stages[name] = uses
    for name, uses in stages.items():
        for used in sorted(uses - set(stages)):
            problems.append(f"common/{name}/CMakeLists.txt: links newsdex_{used}, which is not a stage of common/")
    return stages, problems


def find_loop(stages):
    """A list of stages forming a loop of links, or None."""
    state = {}

    def visit(stage, path):
        state[stage] = "open"
        for used in sorted(stages.get(stage, ())):
            if state.get(used) == "open":
                return path[path.index(used):] + [used] if used in path else [stage, used]
            if used not in state:
                loop = visit(used, path + [used])
                if loop:
                    return loop
        state[stage] = "done"
        return None

    for stage in sorted(stages):
        if stage not in state:
            loop = visit(stage, [stage])
            if loop:
                return loop
    return None


def source_files(folder):
    """(path, text) of every source file under `folder`, in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    yield path, f.read()


def check_front_ends(source_dir):
    """Problems with the Xapian boundary: a front end including a Xapian header or naming a Xapian type."""
    problems = []
    for front_end in FRONT_ENDS:
        for path, text in source_files(os.path.join(source_dir, front_end)):
            relative = os.path.relpath(path, source_dir)
            for regex, what in ((XAPIAN_INCLUDE_RE, "includes <{}>"), (XAPIAN_NAME_RE, "names a Xapian:: type")):
                for match in regex.finditer(text):
                    line = text.count("\n", 0, match.start()) + 1
                    shown = what.format(match.group(1)) if regex is XAPIAN_INCLUDE_RE else what
                    problems.append(f"{relative}:{line}: {shown}: the front ends stay behind the library's Xapian "
                                    "boundary (common/store/xapian_errors.hpp turns Xapian errors into "
                                    "newsdex::Errors; ARCHITECTURE.md)")
    return problems


def check(source_dir):
    """The list of problems (empty when the layout holds)."""
    common = os.path.join(source_dir, "common")
    stages, problems = read_stages(common)
    loop = find_loop(stages)
    if loop:
        problems.append("common/: the stages link in a loop: " + " -> ".join(loop))
    for stage in sorted(stages):
        allowed = stages[stage] | {stage}
        for folder, _, files in os.walk(os.path.join(common, stage)):
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, source_dir)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for match in INCLUDE_RE.finditer(text):
                    included = match.group(1)
                    line = text.count("\n", 0, match.start()) + 1
                    parts = included.split("/")
                    if len(parts) < 3 or parts[0] != "common":
                        problems.append(f'{relative}:{line}: includes "{included}": a stage includes only '
                                        f'"common/<stage>/<file>" (never tools, programs or tests)')
                    elif parts[1] not in allowed:
                        may = ", ".join(sorted(allowed))
                        problems.append(f'{relative}:{line}: includes "{included}": stage {stage} may use only '
                                        f"{may} (common/{stage}/CMakeLists.txt)")
    return problems + check_front_ends(source_dir)


def self_test(source_dir):
    """Runs the check on copies of common/ with one wrong-way include and with one loop."""
    failures = []
    with tempfile.TemporaryDirectory() as temp:
        copy = os.path.join(temp, "src")
        for folder in ("common",) + FRONT_ENDS:
            shutil.copytree(os.path.join(source_dir, folder), os.path.join(copy, folder))
        if check(copy):
            failures.append("the unmodified copy of the sources does not pass: " + "; ".join(check(copy)))

        def refused(relative, edit, refusal, what):
            """Checks the copy with one file edited (edit: its text -> new text), then restores it."""
            path = os.path.join(copy, relative)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(edit(original))
            if not any(refusal(p) for p in check(copy)):
                failures.append(what + " was not refused")
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)

        # A front end including Xapian's header (to catch Xapian::Error itself) crosses the boundary.
        front = os.path.join("indexer", "main.cpp")
        refused(front, lambda text: "#include <xapian.h>\n" + text,
                lambda p: p.startswith("indexer/main.cpp:1: includes <xapian.h>"),
                "an include of <xapian.h> in indexer/main.cpp")
        refused(front, lambda text: text + "void f() { try { } catch (const Xapian::Error&) { } }\n",
                lambda p: p.startswith("indexer/main.cpp:") and "names a Xapian:: type" in p,
                "a catch of Xapian::Error in indexer/main.cpp")

        # base is the lowest stage: including a search header from it goes the wrong way.
        refused(os.path.join("common", "base", "text.cpp"),
                lambda text: '#include "common/search/search.hpp"\n' + text,
                lambda p: p.startswith("common/base/text.cpp:1:") and "common/search/search.hpp" in p,
                "an include of common/search/search.hpp from common/base/text.cpp")

        # store linking index (which links store) is a loop.
        refused(os.path.join("common", "store", "CMakeLists.txt"),
                lambda text: text.replace("(newsdex_store PUBLIC", "(newsdex_store PUBLIC newsdex_index"),
                lambda p: "loop" in p, "store linking index (a loop)")
    for failure in failures:
        print("check_layout self-test: " + failure, file=sys.stderr)
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--stamp"):
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check_layout: {len(problems)} include(s) or link(s) against the stage order "
              "(ARCHITECTURE.md, Layout)", file=sys.stderr)
        return 1
    if len(argv) == 4:
        with open(argv[3], "w", encoding="utf-8") as f:
            f.write("layout checked\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
