#!/usr/bin/env python3
"""Check the GitHub Actions example of docs/ci-github-actions.md: the YAML
parses (Debian's python3-yaml), has the steps the doc promises, and every
modsafe-report option it uses exists (is in `modsafe-report --help`).

usage: check-ci-doc.py DOC.md MODSAFE_REPORT
"""
import re
import subprocess
import sys

import yaml

doc = open(sys.argv[1]).read()
blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
assert len(blocks) == 1, "want one yaml block, found %d" % len(blocks)
wf = yaml.safe_load(blocks[0])
steps = wf["jobs"]["modsafe"]["steps"]
uses = [s.get("uses", "").split("@")[0] for s in steps]
for need in ("actions/checkout", "github/codeql-action/upload-sarif", "actions/upload-artifact"):
    assert need in uses, "no %s step" % need
print("workflow: %s, %d steps, container %s" % (wf["name"], len(steps), wf["jobs"]["modsafe"]["container"]))
assert wf["permissions"]["security-events"] == "write"
helptext = subprocess.run([sys.argv[2], "--help"], stdout=subprocess.PIPE, check=True).stdout.decode()
runs = "\n".join(s.get("run", "") for s in steps)
calls = re.findall(r"modsafe-report((?:\s*\\\n|[^\n])*)", runs)
assert calls, "modsafe-report is never run"
for call in calls:
    for opt in re.findall(r"(?<![\w-])(--[a-z-]+)", call):
        assert opt in helptext, "option %s is not in modsafe-report --help" % opt
        print("option %s: ok" % opt)
for s in steps:
    if "upload-sarif" in s.get("uses", ""):
        print("upload-sarif: %s" % s["with"]["sarif_file"])
print("plugin flags: %s" % ("ok" if "-fplugin-arg-modsafe-report-dir=" in runs else "missing"))
