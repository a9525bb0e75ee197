#!/usr/bin/env python3
"""Runs the plugin and modsafe-check on the same sources with the same flags
and compares what they find: the per-TU reports (without "tool" and
"working_directory"), the fact files, and modsafe's diagnostics on stderr.
Then one `modsafe-check -p` run over a compilation database of the same
compiles (-j 2) against the same plugin reports.

  compare.py --clang CLANG --plugin SO --check BIN --kinc DIR --out DIR [-I DIR] FILE...

Each FILE also gets -I<its directory>/Inputs when that exists (the suites'
own headers, outside the module's directory), and there a run with
header-filter and assume-module.
"""
import argparse
import json
import os
import re
import subprocess
import sys

# (compiler flags, analysis options): the plugin gets the options as
# -fplugin-arg-modsafe-NAME, modsafe-check as --NAME.
VARIANTS = [(["-DMODULE"], []), ([], []), (["-DMODULE", "-DFIXED"], []),
            (["-DMODULE"], ["header-filter=.*/Inputs/.*", "assume-module"])]
DIAG = re.compile(r"^\S.*?:\d+:\d+: (warning|error|note|fatal error): ")


def modsafe_diags(err):
    """The groups (warning/error + its notes) that are modsafe's findings."""
    out, keep = [], False
    for line in err.splitlines():
        m = DIAG.match(line)
        if m:
            if m.group(1) != "note":
                keep = line.endswith("]") and "[modsafe-" in line
        elif re.match(r"^\d+ (warning|error)s? (and \d+ errors? )?generated\.$", line):
            keep = False
            continue
        if keep:
            out.append(line)
    return out


def reports(d):
    r = {}
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        j = json.load(open(os.path.join(d, f)))
        j.pop("tool", None)
        j.pop("working_directory", None)
        r[f] = j
    return r


def main():
    ap = argparse.ArgumentParser()
    for o in ("clang", "plugin", "check", "kinc", "out"):
        ap.add_argument("--" + o, required=True)
    ap.add_argument("-I", dest="includes", action="append", default=[])
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    a.out = os.path.abspath(a.out)
    base = ["-nostdinc", "-I" + a.kinc, "-D__KERNEL__", '-DKBUILD_MODNAME="test"']
    problems, n, nfind, nfail = [], 0, 0, 0
    db, plugin_dirs = [], {}
    for f in a.files:
        f = os.path.abspath(f)
        fixed = "FIXED" in open(f, errors="replace").read()
        inputs = os.path.join(os.path.dirname(f), "Inputs")
        extra = ["-I" + os.path.abspath(i) for i in a.includes]
        if os.path.isdir(inputs):
            extra.append("-I" + inputs)
        for v, (flags, opts) in enumerate(VARIANTS):
            if "-DFIXED" in flags and not fixed:
                continue
            if opts and not os.path.isdir(inputs):
                continue
            flags = extra + flags
            n += 1
            key = "%s[%s]" % (os.path.basename(f), " ".join(flags + opts))
            dp = os.path.join(a.out, "p", str(n))
            dc = os.path.join(a.out, "c", str(n))
            p = subprocess.run([a.clang, "-fsyntax-only"] + base + flags +
                               ["-fplugin=" + a.plugin,
                                "-fplugin-arg-modsafe-report-dir=" + dp] +
                               ["-fplugin-arg-modsafe-" + o for o in opts] + [f],
                               capture_output=True, text=True)
            c = subprocess.run([a.check, "--report-dir=" + dc] + ["--" + o for o in opts] +
                               base + flags + [f], capture_output=True, text=True)
            rp, rc = reports(dp), reports(dc)
            if p.returncode != 0:
                nfail += 1
                if c.returncode != 2 or rc:
                    problems.append("%s: the plugin's compile failed, modsafe-check "
                                    "exited %d with %d report files" % (key, c.returncode, len(rc)))
                continue
            if c.returncode != 0:
                problems.append("%s: modsafe-check exited %d:\n%s" % (key, c.returncode, c.stderr))
                continue
            if rp != rc:
                problems.append("%s: reports differ:\n  plugin: %s\n  modsafe-check: %s" % (
                    key, json.dumps(rp)[:2000], json.dumps(rc)[:2000]))
            dpl, dch = modsafe_diags(p.stderr), modsafe_diags(c.stderr)
            if dpl != dch:
                problems.append("%s: diagnostics differ:\n--- plugin\n%s\n--- modsafe-check\n%s" % (
                    key, "\n".join(dpl), "\n".join(dch)))
            nfind += sum(len(r.get("findings", [])) for k, r in rp.items()
                         if k.endswith(".modsafe.json"))
            if v == 0:
                db.append({"directory": a.out, "file": f,
                           "arguments": ["clang"] + base + flags + ["-c", f]})
                plugin_dirs[f] = rp
    # The database form, in parallel, over the variant-0 compiles.
    os.makedirs(os.path.join(a.out, "db"), exist_ok=True)
    with open(os.path.join(a.out, "db", "compile_commands.json"), "w") as fp:
        json.dump(db, fp, indent=1)
    c = subprocess.run([a.check, "-p", os.path.join(a.out, "db"), "-j", "2", "--quiet",
                        "--report-dir=" + os.path.join(a.out, "dbr"), "--format=json",
                        "-o", os.path.join(a.out, "db.json")], capture_output=True, text=True)
    if c.returncode not in (0, 1):
        problems.append("-p run exited %d:\n%s" % (c.returncode, c.stderr))
    want = {}
    for r in plugin_dirs.values():
        want.update(r)
    got = reports(os.path.join(a.out, "dbr"))
    if want != got:
        problems.append("-p reports differ from the plugin's: %s vs %s" % (
            sorted(want), sorted(got)))
    for pr in problems:
        print(pr)
    print("compared %d compiles (%d that do not compile), %d findings, -p over %d: %s" % (
        n, nfail, nfind, len(db), "identical" if not problems else "%d DIFFERENT" % len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
