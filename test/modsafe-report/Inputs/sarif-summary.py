#!/usr/bin/env python3
"""Print the parts of a SARIF log written by modsafe-report that a reader of
GitHub code scanning relies on, one per line, for FileCheck.

usage: sarif-summary.py FILE.sarif
"""
import json
import sys

log = json.load(open(sys.argv[1]))
print("schema: %s" % log["$schema"])
print("version: %s" % log["version"])
run = log["runs"][0]
d = run["tool"]["driver"]
print("driver: %s %s rules=%d informationUri=%s" % (d["name"], d["version"], len(d["rules"]),
                                                  d.get("informationUri", "-")))
for r in d["rules"]:
    print("rule %s name=%s level=%s tags=%s short=%s helpUri=%s" % (
        r["id"], r.get("name", "-"), r["defaultConfiguration"]["level"],
        "|".join(r.get("properties", {}).get("tags", [])), r["shortDescription"]["text"][:40],
        r.get("helpUri", "-")))
    if "help" in r:
        print("  full: %s" % r["fullDescription"]["text"][:60])
        print("  help: %s" % r["help"]["markdown"].splitlines()[0])
for k, v in sorted(run.get("originalUriBaseIds", {}).items()):
    print("base %s %s" % (k, v["uri"]))


def where(pl):
    a = pl["artifactLocation"]
    r = pl.get("region", {})
    return "%s%s:%d:%d" % ("[%s]" % a["uriBaseId"] + "/" if "uriBaseId" in a else "", a["uri"],
                           r.get("startLine", 0), r.get("startColumn", 0))


for res in run["results"]:
    print("result %s #%d %s %s fp=%s%s" % (
        res["ruleId"], res["ruleIndex"], res["level"], where(res["locations"][0]["physicalLocation"]),
        res["partialFingerprints"]["modsafeFingerprint/v1"],
        " baseline=" + res["baselineState"] if "baselineState" in res else ""))
    print("  message: %s" % res["message"]["text"])
    for rl in res.get("relatedLocations", []):
        print("  related %d %s %s" % (rl["id"], where(rl["physicalLocation"]), rl["message"]["text"]))
    for fix in res.get("fixes", []):
        print("  fix: %s" % fix["description"]["text"])
        for ch in fix["artifactChanges"]:
            for rep in ch["replacements"]:
                dr = rep["deletedRegion"]
                print("  replace %s %d:%d-%d:%d bytes=%d+%d with %s" % (
                    ch["artifactLocation"]["uri"], dr["startLine"], dr["startColumn"], dr["endLine"],
                    dr["endColumn"], dr["byteOffset"], dr["byteLength"],
                    json.dumps(rep.get("insertedContent", {}).get("text", ""))))
print("results: %d" % len(run["results"]))
