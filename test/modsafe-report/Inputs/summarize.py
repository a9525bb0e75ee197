#!/usr/bin/env python3
"""Print a merged modsafe report (modsafe-report --format=json) as one line
per finding, for FileCheck:

  finding FILE:LINE:COL CHECK modules=A,B tus=X,Y notes=N fixits=N fp=FP [new]

then "tu MAIN_FILE module=NAME findings=N" per translation unit and a
"src_root" line.
"""
import json
import sys

m = json.load(open(sys.argv[1]))
assert m["format"] == "modsafe-merged-report", m.get("format")
print("src_root %s" % m["src_root"])
for t in m["translation_units"]:
    print("tu %s module=%s findings=%d" % (t["main_file"], t["module_name"], t["findings"]))
for f in m["findings"]:
    print("finding %s:%d:%d %s modules=%s tus=%s notes=%d fixits=%d fp=%s%s" % (
        f["file"], f["line"], f["column"], f["check"], ",".join(f["modules"]),
        ",".join(f["translation_units"]), len(f["notes"]), len(f["fixits"]),
        f["fingerprint"], " new" if f.get("baseline_state") == "new" else ""))
if "baseline" in m:
    b = m["baseline"]
    print("baseline new=%d unchanged=%d fixed=%d in_baseline=%d" % (
        b["new"], b["unchanged"], b["fixed"], b["in_baseline"]))
print("total %d" % len(m["findings"]))
