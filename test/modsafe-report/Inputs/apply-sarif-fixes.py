#!/usr/bin/env python3
"""Apply every fix of a SARIF log to the files under a source root, by the
replacements' byte offsets (checking that their line/column agree), as an IDE
or autofix bot would.

usage: apply-sarif-fixes.py FILE.sarif SRCROOT
"""
import collections
import json
import os
import sys

log = json.load(open(sys.argv[1]))
root = sys.argv[2]
edits = collections.defaultdict(list)
for res in log["runs"][0]["results"]:
    for fix in res.get("fixes", []):
        for ch in fix["artifactChanges"]:
            path = os.path.join(root, ch["artifactLocation"]["uri"])
            for rep in ch["replacements"]:
                dr = rep["deletedRegion"]
                edits[path].append((dr, rep.get("insertedContent", {}).get("text", "")))
for path, reps in edits.items():
    data = open(path, "rb").read()
    lines = data.split(b"\n")
    starts = [0]
    for l in lines[:-1]:
        starts.append(starts[-1] + len(l) + 1)
    for dr, _ in reps:
        off = starts[dr["startLine"] - 1] + dr["startColumn"] - 1
        end = starts[dr["endLine"] - 1] + dr["endColumn"] - 1
        if off != dr["byteOffset"] or end - off != dr["byteLength"]:
            sys.exit("%s: region %r disagrees with its byte offsets" % (path, dr))
    for dr, text in sorted(reps, key=lambda r: -r[0]["byteOffset"]):
        o = dr["byteOffset"]
        data = data[:o] + text.encode() + data[o + dr["byteLength"]:]
    open(path, "wb").write(data)
    print("%s: %d replacements applied" % (os.path.basename(path), len(reps)))
