#!/usr/bin/env python3
"""Validate SARIF logs against the official SARIF 2.1.0 JSON schema (vendored
in test/Inputs/sarif/) with format checking, then check what GitHub code
scanning needs beyond the schema.

usage: validate-sarif.py SCHEMA SARIF...   (exit 1 on the first invalid one)
"""
import json
import sys
import urllib.parse

import jsonschema


def is_uri(s):  # "format": "uri": absolute, with a scheme
    if not isinstance(s, str) or any(c in s for c in " <>\"{}|\\^`"):
        return False
    p = urllib.parse.urlsplit(s)
    return bool(p.scheme) and (bool(p.netloc) or bool(p.path))


def is_uri_reference(s):
    if not isinstance(s, str) or any(c in s for c in " <>\"{}|\\^`"):
        return False
    p = urllib.parse.urlsplit(s)
    # A relative reference must not look like a scheme.
    return bool(p.scheme) or ":" not in s.split("/")[0]


def github_checks(log):
    """GitHub code scanning's own requirements (docs: 'SARIF support for code
    scanning'): one run with tool.driver.name, rules with ids, results with a
    ruleId, a message text and a physical location whose URI is relative to
    a declared uriBaseId (or absolute file URI), and partialFingerprints."""
    problems = []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    if not driver.get("name"):
        problems.append("tool.driver.name missing")
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if len(ids) != len(set(ids)):
        problems.append("duplicate rule ids")
    for r in rules:
        for k in ("shortDescription", "fullDescription", "help", "defaultConfiguration"):
            if k not in r:
                problems.append("rule %s: no %s" % (r["id"], k))
        if "help" in r and not r["help"].get("markdown"):
            problems.append("rule %s: no help.markdown" % r["id"])
    bases = run.get("originalUriBaseIds", {})
    for b, loc in bases.items():
        if not loc["uri"].startswith("file:///") or not loc["uri"].endswith("/"):
            problems.append("originalUriBaseIds %s: %s is not an absolute directory file URI" % (b, loc["uri"]))
    for i, res in enumerate(run.get("results", [])):
        where = "result %d" % i
        if res.get("ruleId") not in ids:
            problems.append("%s: ruleId %r not among the rules" % (where, res.get("ruleId")))
        elif "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
            problems.append("%s: ruleIndex does not point at ruleId" % where)
        if not res.get("message", {}).get("text"):
            problems.append("%s: no message.text" % where)
        if "<" in res["message"].get("markdown", ""):
            problems.append("%s: markup in message" % where)
        if not res.get("partialFingerprints"):
            problems.append("%s: no partialFingerprints" % where)
        locs = res.get("locations", [])
        if len(locs) != 1:
            problems.append("%s: %d locations (want 1)" % (where, len(locs)))
        for loc in locs + res.get("relatedLocations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            if "uriBaseId" in art:
                if art["uriBaseId"] not in bases:
                    problems.append("%s: undeclared uriBaseId %s" % (where, art["uriBaseId"]))
                if art["uri"].startswith("/") or "://" in art["uri"]:
                    problems.append("%s: uri %s not relative" % (where, art["uri"]))
            elif not art["uri"].startswith("file:///"):
                problems.append("%s: uri %s neither relative to a base nor absolute" % (where, art["uri"]))
            reg = loc["physicalLocation"].get("region", {})
            if reg.get("startLine", 0) < 1:
                problems.append("%s: no startLine" % where)
    return problems


def main():
    schema = json.load(open(sys.argv[1]))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(is_uri)
    checker.checks("uri-reference")(is_uri_reference)
    validator = cls(schema, format_checker=checker)
    for path in sys.argv[2:]:
        log = json.load(open(path))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors:
            print("%s: %s: %s" % (path, "/".join(map(str, e.path)), e.message[:300]), file=sys.stderr)
        problems = [] if errors else github_checks(log)
        for p in problems:
            print("%s: github: %s" % (path, p), file=sys.stderr)
        if errors or problems:
            return 1
        print("%s: valid SARIF %s (%s, %d rules, %d results)" % (
            path, log["version"], cls.__name__, len(log["runs"][0]["tool"]["driver"]["rules"]),
            len(log["runs"][0].get("results", []))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
