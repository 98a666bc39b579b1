#!/usr/bin/env python3
"""Checks that every target's declared dependencies are the modules its sources import.

Run from the package root (make test does): `swift package dump-package` gives the declared
graph; the `import` lines of each target's Swift files give the used one. A module imported but
not declared, or declared but not imported, is an error; so is a cycle. Exit status 1 on any.
"""
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationXML", "Dispatch", "Glibc", "Musl", "Darwin", "Testing", "XCTest", "FoundationEssentials", "Synchronization"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|internal\s+|public\s+|package\s+)*import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def main() -> int:
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    problems = []
    graph = {}
    for target in package["targets"]:
        name = target["name"]
        if target["type"] == "system":
            continue
        declared = set()
        for dependency in target["dependencies"]:
            for kind in ("byName", "target", "product"):
                if kind in dependency:
                    value = dependency[kind][0]
                    declared.add(value)
        folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
        used = set()
        for root, _, files in os.walk(folder):
            for file in files:
                if file.endswith(".swift"):
                    with open(os.path.join(root, file), encoding="utf-8") as source:
                        used.update(IMPORT.findall(source.read()))
        used -= SYSTEM
        for module in sorted(used - declared):
            problems.append(f"{folder}: imports {module}, which Package.swift does not declare for {name}")
        for module in sorted(declared - used):
            problems.append(f"{folder}: Package.swift declares {module} for {name}, which no file imports")
        graph[name] = declared
    # No cycles among the targets.
    state = {}

    def visit(node, path):
        if state.get(node) == "done":
            return
        if state.get(node) == "visiting":
            problems.append("import cycle: " + " → ".join(path + [node]))
            return
        state[node] = "visiting"
        for child in graph.get(node, ()):
            visit(child, path + [node])
        state[node] = "done"

    for node in graph:
        visit(node, [])
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"target dependencies match the imports of {len(graph)} targets")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
