#!/usr/bin/env python3
"""modsafe-check speed and identity on real Linux module translation units.

Same TU selection as bench/run.py (kbuild's .<obj>.cmd files of the module
objects under the tested directories, N picked evenly over the sorted list;
its functions are imported from run.py).

Speed (default): for each TU, interleaved, one `clang -fsyntax-only <flags>`
and one `modsafe-check <flags>` process (the compiler form kbuild's C=1/C=2
uses: one TU per process, process start-up included), CPU time (user+sys of
the child, os.wait4) compared in total. Then, unless --no-batch, one
`modsafe-check -p DB -j1` process over the same TUs (a compile_commands.json
generated into the output directory from the same flags) against the sum of
the clang runs. Target: clang / modsafe-check >= 1.5.

Identity (--compare): for each TU, the plugin
(`clang -fsyntax-only <flags> -fplugin=PLUGIN -fplugin-arg-modsafe-report-dir=A`)
and modsafe-check (`--report-dir=B`, same flags); the per-TU reports (without
the "tool" and "working_directory" fields), the fact files and the
diagnostics printed on stderr must be identical.

Never writes into the kernel tree. python3 standard library only.

  bench/driver.py MODSAFE_CHECK [--count 250] [--repeat 1] [--json OUT]
  bench/driver.py MODSAFE_CHECK --compare PLUGIN_SO [--count 740] [--all-tus]
"""

import argparse
import glob
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as benchrun  # noqa: E402  (bench/run.py: TU discovery)

SPEED_TARGET = 1.5


def child(cmd, cwd):
    """Run cmd; CPU (user+sys), exit status, stderr."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    p.stderr.close()
    _, status, ru = os.wait4(p.pid, 0)
    return dict(rc=os.waitstatus_to_exitcode(status), cpu=ru.ru_utime + ru.ru_stime,
                rss_kb=ru.ru_maxrss, wall=time.perf_counter() - t0,
                err=err.decode(errors="replace"))


def select(a):
    ksrc = os.path.realpath(a.ksrc)
    tus = benchrun.find_tus(ksrc, a.dirs.split(), module_only=not a.all_tus)
    if len(tus) < min(a.count, 200):
        sys.exit(f"only {len(tus)} TUs with kbuild .cmd files under {ksrc}; build them "
                 f"first (test/kernel/integration.sh)")
    return ksrc, tus, benchrun.pick(tus, a.count)


def normalized(path):
    r = json.load(open(path))
    r.pop("tool", None)
    r.pop("working_directory", None)
    return r


def compare(a, check, ksrc, sel, out):
    plugin = os.path.realpath(a.compare)
    same = differ = failed = 0
    findings = 0
    diffs = []
    t0 = time.time()
    for i, tu in enumerate(sel):
        da, db = os.path.join(out, "plugin", str(i)), os.path.join(out, "check", str(i))
        os.makedirs(da)
        os.makedirs(db)
        p = child([tu["cc"]] + tu["flags"] + [f"-fplugin={plugin}",
                  f"-fplugin-arg-modsafe-report-dir={da}"], ksrc)
        c = child([check, f"--report-dir={db}"] + tu["flags"][1:], ksrc)
        if p["rc"] != 0 or c["rc"] != 0:
            failed += 1
            diffs.append((tu["src"], f"exit status plugin {p['rc']}, modsafe-check {c['rc']}",
                          (p["err"] + c["err"])[-1500:]))
            continue
        fa = sorted(os.listdir(da))
        fb = sorted(os.listdir(db))
        problems = []
        if fa != fb:
            problems.append(f"report files differ: {fa} vs {fb}")
        else:
            for f in fa:
                ra, rb = normalized(os.path.join(da, f)), normalized(os.path.join(db, f))
                if ra != rb:
                    problems.append(f"{f} differs")
                if f.endswith(".modsafe.json"):
                    findings += len(ra.get("findings", []))
        if p["err"] != c["err"]:
            problems.append("stderr differs")
        if problems:
            differ += 1
            diffs.append((tu["src"], "; ".join(problems),
                          "--- plugin\n" + p["err"][-800:] + "--- modsafe-check\n" + c["err"][-800:]))
        else:
            same += 1
        if (i + 1) % 50 == 0 or i + 1 == len(sel):
            print(f"  {i + 1:4d}/{len(sel)}  identical {same}, different {differ}, "
                  f"failed {failed}  ({time.time() - t0:.0f}s)", flush=True)
    print()
    print(f"TUs compared:      {len(sel)}")
    print(f"identical:         {same}  (reports without tool/working_directory, fact files, stderr)")
    print(f"different:         {differ}")
    print(f"failed to run:     {failed}")
    print(f"findings compared: {findings}")
    for src, why, detail in diffs[:10]:
        print(f"\n{src}: {why}\n{detail}")
    return dict(tus=len(sel), identical=same, different=differ, failed=failed,
                findings=findings)


def speed(a, check, ksrc, sel, out):
    cc = sel[0]["cc"]
    ccver = subprocess.run([cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"modsafe-check bench: {len(sel)} TUs, repeat {a.repeat}, {cc} = {ccver}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; kernel tree {ksrc}")
    # warm-up (page cache, shared libraries)
    child([cc] + sel[0]["flags"], ksrc)
    child([check] + sel[0]["flags"][1:], ksrc)
    rows, failures = [], []
    t0 = time.time()
    for i, tu in enumerate(sel):
        base, chk = [], []
        for r in range(a.repeat):
            order = (False, True) if (i + r) % 2 == 0 else (True, False)
            for use in order:
                res = child([check] + tu["flags"][1:] if use else [cc] + tu["flags"], ksrc)
                (chk if use else base).append(res)
                if res["rc"] != 0:
                    failures.append((tu["src"], "modsafe-check" if use else "clang", res["err"][-1500:]))
        rows.append(dict(src=tu["src"], cpu_clang=min(x["cpu"] for x in base),
                         cpu_check=min(x["cpu"] for x in chk),
                         rss_clang=max(x["rss_kb"] for x in base),
                         rss_check=max(x["rss_kb"] for x in chk),
                         rc=max(x["rc"] for x in base + chk)))
        if (i + 1) % 25 == 0 or i + 1 == len(sel):
            cb = sum(r["cpu_clang"] for r in rows)
            cm = sum(r["cpu_check"] for r in rows)
            print(f"  {i + 1:4d}/{len(sel)}  cpu so far clang {cb:.1f}s / modsafe-check {cm:.1f}s "
                  f"= {cb / cm:.3f}x faster  ({time.time() - t0:.0f}s)", flush=True)
    ok = [r for r in rows if r["rc"] == 0]
    if not ok:
        print("no TU ran in both variants")
        return None
    cb = sum(r["cpu_clang"] for r in ok)
    cm = sum(r["cpu_check"] for r in ok)
    per = [r["cpu_clang"] / r["cpu_check"] for r in ok if r["cpu_check"] > 0]
    summ = dict(date=time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                machine=f"{platform.machine()}, {os.cpu_count()} cores", clang=ccver,
                tus=len(ok), tus_failed=len(rows) - len(ok), repeat=a.repeat,
                cpu_clang_s=round(cb, 2), cpu_check_s=round(cm, 2),
                speedup_per_process=round(cb / cm, 3),
                speedup_per_tu_median=round(statistics.median(per), 3),
                speedup_per_tu_min=round(min(per), 3),
                slowest_tu=min(ok, key=lambda r: r["cpu_clang"] / max(r["cpu_check"], 1e-9))["src"],
                peak_rss_clang_kb=max(r["rss_clang"] for r in ok),
                peak_rss_check_kb=max(r["rss_check"] for r in ok))
    if not a.no_batch:
        # One process over the same TUs, -j1: a compile_commands.json of the
        # same flags (as clang's -c commands, which modsafe-check turns back
        # into syntax-only runs), written outside the tree.
        okset = {r["src"] for r in ok}
        db = [dict(directory=ksrc, file=tu["src"],
                   arguments=[cc] + [x for x in tu["flags"] if x != "-fsyntax-only"] + ["-c"])
              for tu in sel if tu["src"] in okset]
        dbdir = os.path.join(out, "db")
        os.makedirs(dbdir, exist_ok=True)
        with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
            json.dump(db, f, indent=1)
        res = child([check, "-p", dbdir, "-j1", "--quiet", "--format=json",
                     "-o", os.path.join(out, "batch.json")], out)
        summ["cpu_check_batch_s"] = round(res["cpu"], 2)
        summ["speedup_batch"] = round(cb / res["cpu"], 3) if res["cpu"] else None
        summ["batch_rc"] = res["rc"]
    print()
    print(f"TUs measured:            {summ['tus']} (failed: {summ['tus_failed']}), repeat {a.repeat} (min CPU of the repeats)")
    print(f"CPU total (user+sys):    clang -fsyntax-only {cb:.1f}s, modsafe-check {cm:.1f}s (one process per TU)")
    print(f"speed-up per process:    {summ['speedup_per_process']:.3f}x   target >= {SPEED_TARGET}x   "
          f"{'MET' if summ['speedup_per_process'] >= SPEED_TARGET else 'NOT MET'}")
    print(f"speed-up per TU:         median {summ['speedup_per_tu_median']:.3f}x, "
          f"min {summ['speedup_per_tu_min']:.3f}x ({summ['slowest_tu']})")
    if "speedup_batch" in summ:
        print(f"one -p process, -j1:     {summ['cpu_check_batch_s']:.1f}s = {summ['speedup_batch']:.3f}x "
              f"faster than the {len(ok)} clang runs (exit {summ['batch_rc']}: 0 clean, 1 findings)")
    print(f"peak RSS (max over TUs): clang {summ['peak_rss_clang_kb'] / 1024:.1f} MiB, "
          f"modsafe-check {summ['peak_rss_check_kb'] / 1024:.1f} MiB")
    if failures:
        print(f"\n{len(failures)} failing run(s):")
        for src, who, err in failures[:10]:
            print(f"  {src} [{who}]:\n      " + "\n      ".join(err.strip().splitlines()[-8:]))
    return dict(summary=summ, tus=rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("check", help="the modsafe-check binary")
    ap.add_argument("--compare", metavar="PLUGIN_SO",
                    help="identity: compare with the plugin instead of timing")
    ap.add_argument("--ksrc", default=os.path.join(
        os.environ.get("MODSAFE_KERNEL_DIR", "/var/tmp/modsafe-kernel"), "linux-source-6.1"))
    ap.add_argument("--dirs", default=os.environ.get("MODSAFE_KDIRS", benchrun.DEFAULT_DIRS))
    ap.add_argument("--count", type=int, default=250, help="TUs (default 250)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per TU and variant")
    ap.add_argument("--all-tus", action="store_true", help="also built-in (non -DMODULE) TUs")
    ap.add_argument("--no-batch", action="store_true", help="skip the one-process -p run")
    ap.add_argument("--keep", metavar="DIR", help="keep reports and the database in DIR")
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args()

    check = os.path.realpath(a.check)
    if not os.access(check, os.X_OK):
        sys.exit(f"no modsafe-check at {check}")
    ksrc, tus, sel = select(a)
    out = a.keep or tempfile.mkdtemp(prefix="modsafe-driver-bench.")
    if a.keep:
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
    try:
        if a.compare:
            print(f"modsafe-check vs plugin: {len(sel)} of {len(tus)} TUs under {ksrc}")
            res = compare(a, check, ksrc, sel, out)
            rc = 0 if res["different"] == 0 and res["failed"] == 0 else 1
        else:
            res = speed(a, check, ksrc, sel, out)
            rc = 0 if res else 1
        if a.json and res:
            with open(a.json, "w") as f:
                json.dump(res, f, indent=1)
            print(f"\nresults: {a.json}")
        return rc
    finally:
        if not a.keep:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
