#!/usr/bin/env python3
"""Prints the parts of a SARIF log the tests check: version, driver, and
each result as "result RULEID FILE:LINE" (sorted), then the count."""
import json
import sys

s = json.load(open(sys.argv[1]))
print("version", s["version"])
run = s["runs"][0]
print("driver", run["tool"]["driver"]["name"])
rows = []
for r in run.get("results", []):
    loc = r["locations"][0]["physicalLocation"]
    rows.append("result %s %s:%d" % (r["ruleId"], loc["artifactLocation"]["uri"],
                                      loc["region"]["startLine"]))
for row in sorted(rows):
    print(row)
print("%d results" % len(rows))
