#!/usr/bin/env python3
"""Validate modsafe JSON reports (docs/report.schema.json) or fact files
(docs/facts.schema.json) against their schema.

usage: validate-report.py SCHEMA REPORT...   (exit 1 on the first invalid one)
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    if len(sys.argv) < 3:
        print("validate-report.py: no report given", file=sys.stderr)
        return 1
    for path in sys.argv[2:]:
        with open(path) as f:
            report = json.load(f)
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
        if errors:
            for e in errors:
                print("%s: %s: %s" % (path, "/".join(map(str, e.path)), e.message),
                      file=sys.stderr)
            return 1
        if "findings" in report:
            print("%s: valid (%d findings)" % (path, len(report["findings"])))
        else:
            print("%s: valid (%d functions)" % (path, len(report.get("functions", []))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
