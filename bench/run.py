#!/usr/bin/env python3
"""modsafe overhead benchmark on real Linux module translation units.

For N module TUs of the prepared kernel tree (compile commands taken from
kbuild's .<obj>.cmd files, e.g. those left by test/kernel/integration.sh), run
`clang -fsyntax-only <same flags>` with and without -fplugin=PLUGIN,
interleaved per TU (order alternates from TU to TU), and compare CPU time
(user+sys of the child, os.wait4 rusage) and peak RSS (ru_maxrss).

Never writes into the kernel tree: -o, -MD/-MMD/-MF and -Wp,-MMD are dropped,
-c becomes -fsyntax-only, and stale -fplugin* flags of the .cmd are removed.
python3 standard library only.

  bench/run.py PLUGIN_SO [--count 250] [--repeat 1] [--json OUT]
"""

import argparse
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time

DEFAULT_DIRS = ("drivers/watchdog drivers/char drivers/char/ipmi drivers/misc drivers/block "
                "drivers/tty drivers/platform/x86 fs/efs fs/romfs fs/cramfs fs/minix fs/qnx4 "
                "fs/qnx6 fs/bfs fs/freevxfs fs/hpfs fs/omfs fs/sysv fs/ufs fs/adfs fs/affs "
                "fs/befs fs/zonefs")
CPU_TARGET = 1.03
RSS_TARGET = 1.05


def parse_cmd_file(path):
    cmd = src = None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith(("cmd_", "savedcmd_")) and cmd is None:
                cmd = line.split(":=", 1)[1].strip()
            elif line.startswith("source_") and src is None:
                src = line.split(":=", 1)[1].strip()
            if cmd and src:
                break
    return cmd, src


def syntax_only_args(cmd, src):
    """The compile part of a kbuild command line, turned into -fsyntax-only."""
    toks = shlex.split(cmd)
    if ";" in toks:
        toks = toks[:toks.index(";")]
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in ("-o", "-MF", "-MT", "-MQ"):
            i += 2
            continue
        if t in ("-c", "-S", "-E", "-MD", "-MMD", "-MP") or t.startswith(("-Wp,-MMD", "-Wp,-MD")) \
                or t.startswith("-fplugin"):
            i += 1
            continue
        out.append(t)
        i += 1
    if src not in out:
        return None
    return ["-fsyntax-only"] + out[1:], out[0]          # flags (incl. source), compiler


def find_tus(ksrc, dirs, module_only=True):
    tus = []
    for d in dirs:
        top = os.path.join(ksrc, d)
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            for fn in sorted(files):
                if not (fn.startswith(".") and fn.endswith(".o.cmd")):
                    continue
                cmd, src = parse_cmd_file(os.path.join(root, fn))
                if not cmd or not src or not src.endswith(".c"):
                    continue
                if " -c " not in f" {cmd} ":
                    continue
                if module_only and not re.search(r"(^|\s)-DMODULE(\s|$)", cmd):
                    continue
                if not os.path.exists(os.path.join(ksrc, src)):
                    continue
                r = syntax_only_args(cmd, src)
                if r:
                    tus.append(dict(src=src, flags=r[0], cc=r[1]))
    # de-duplicate (a dir listed twice / nested)
    seen, uniq = set(), []
    for t in tus:
        if t["src"] not in seen:
            seen.add(t["src"])
            uniq.append(t)
    return sorted(uniq, key=lambda t: t["src"])


def pick(tus, n):
    """n TUs spread evenly over the sorted list (deterministic)."""
    if len(tus) <= n:
        return list(tus)
    step = len(tus) / n
    return [tus[int(i * step)] for i in range(n)]


def run_one(cc, flags, cwd, extra):
    assert flags[0] == "-fsyntax-only"      # never write into the tree
    t0 = time.perf_counter()
    p = subprocess.Popen([cc] + extra + flags, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    p.stderr.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    return dict(rc=p.returncode, cpu=ru.ru_utime + ru.ru_stime, rss_kb=ru.ru_maxrss,
                wall=wall, err=err.decode(errors="replace"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plugin")
    ap.add_argument("--ksrc", default=os.path.join(
        os.environ.get("MODSAFE_KERNEL_DIR", "/var/tmp/modsafe-kernel"), "linux-source-6.1"))
    ap.add_argument("--dirs", default=os.environ.get("MODSAFE_KDIRS", DEFAULT_DIRS))
    ap.add_argument("--count", type=int, default=250, help="TUs to measure (default 250)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per TU and variant")
    ap.add_argument("--plugin-args", default="",
                    help="extra flags with the plugin, e.g. -fplugin-arg-modsafe-report-dir=/tmp/r")
    ap.add_argument("--all-tus", action="store_true", help="also built-in (non -DMODULE) TUs")
    ap.add_argument("--json", help="write per-TU results and the summary here")
    a = ap.parse_args()

    plugin = os.path.realpath(a.plugin)
    if not os.path.exists(plugin):
        sys.exit(f"no plugin {plugin}")
    ksrc = os.path.realpath(a.ksrc)
    tus = find_tus(ksrc, a.dirs.split(), module_only=not a.all_tus)
    if len(tus) < min(a.count, 200):
        sys.exit(f"only {len(tus)} module TUs with kbuild .cmd files under {ksrc} ({a.dirs}); "
                 f"build them first: test/kernel/integration.sh PLUGIN (or make LLVM=1 DIR/)")
    sel = pick(tus, a.count)
    cc = sel[0]["cc"]
    ccver = subprocess.run([cc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    with_plugin = [f"-fplugin={plugin}"] + a.plugin_args.split()
    print(f"modsafe bench: {len(sel)} of {len(tus)} module TUs, repeat {a.repeat}, {cc} = {ccver}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; kernel tree {ksrc}")

    # warm-up (page cache, plugin .so)
    run_one(cc, sel[0]["flags"], ksrc, [])
    run_one(cc, sel[0]["flags"], ksrc, with_plugin)

    rows = []
    failures = []
    t0 = time.time()
    for i, tu in enumerate(sel):
        base, plug = [], []
        for r in range(a.repeat):
            order = (False, True) if (i + r) % 2 == 0 else (True, False)
            for use in order:
                res = run_one(cc, tu["flags"], ksrc, with_plugin if use else [])
                (plug if use else base).append(res)
                if res["rc"] != 0:
                    failures.append((tu["src"], "plugin" if use else "baseline", res["err"][-2000:]))
        row = dict(src=tu["src"],
                   cpu_base=min(x["cpu"] for x in base), cpu_plugin=min(x["cpu"] for x in plug),
                   rss_base=max(x["rss_kb"] for x in base), rss_plugin=max(x["rss_kb"] for x in plug),
                   rc_base=max(x["rc"] for x in base), rc_plugin=max(x["rc"] for x in plug),
                   diags=sum(x["err"].count("[modsafe-") for x in plug[:1]))
        rows.append(row)
        if (i + 1) % 25 == 0 or i + 1 == len(sel):
            cb = sum(r["cpu_base"] for r in rows)
            cp = sum(r["cpu_plugin"] for r in rows)
            print(f"  {i + 1:4d}/{len(sel)}  cpu so far {cp:.1f}s / {cb:.1f}s = {cp / cb:.4f}x  "
                  f"({time.time() - t0:.0f}s)", flush=True)

    if failures:
        print(f"\n{len(failures)} failing compile(s):")
        for src, variant, err in failures[:10]:
            print(f"  {src} [{variant}]:")
            for line in err.strip().splitlines()[-8:]:
                print(f"      {line}")
    ok = [r for r in rows if r["rc_base"] == 0 and r["rc_plugin"] == 0]
    if not ok:
        print("no TU compiled in both variants: nothing to compare")
        return 1
    cpu_b = sum(r["cpu_base"] for r in ok)
    cpu_p = sum(r["cpu_plugin"] for r in ok)
    peak_b = max(r["rss_base"] for r in ok)
    peak_p = max(r["rss_plugin"] for r in ok)
    per_tu_rss = [r["rss_plugin"] / r["rss_base"] for r in ok]
    per_tu_cpu = [r["cpu_plugin"] / r["cpu_base"] for r in ok if r["cpu_base"] > 0]
    worst_rss = max(ok, key=lambda r: r["rss_plugin"] / r["rss_base"])
    worst_cpu = max(ok, key=lambda r: r["cpu_plugin"] / max(r["cpu_base"], 1e-9))
    summ = dict(
        date=time.strftime("%Y-%m-%d %H:%M:%S %Z"), machine=f"{platform.machine()}, {os.cpu_count()} cores",
        clang=ccver, tus=len(ok), tus_failed=len(rows) - len(ok), repeat=a.repeat,
        cpu_base_s=round(cpu_b, 2), cpu_plugin_s=round(cpu_p, 2), cpu_ratio=round(cpu_p / cpu_b, 4),
        cpu_ratio_per_tu_median=round(statistics.median(per_tu_cpu), 4),
        cpu_ratio_per_tu_max=round(max(per_tu_cpu), 4), cpu_worst_tu=worst_cpu["src"],
        peak_rss_base_kb=peak_b, peak_rss_plugin_kb=peak_p, peak_rss_ratio=round(peak_p / peak_b, 4),
        rss_ratio_per_tu_mean=round(statistics.mean(per_tu_rss), 4),
        rss_ratio_per_tu_max=round(max(per_tu_rss), 4), rss_worst_tu=worst_rss["src"],
        plugin_diagnostics=sum(r["diags"] for r in rows))
    print()
    print(f"TUs measured:               {summ['tus']} (failed: {summ['tus_failed']}), repeat {a.repeat} (min CPU / max RSS of the repeats)")
    print(f"CPU total (user+sys):       {cpu_b:.1f}s without, {cpu_p:.1f}s with plugin")
    print(f"CPU ratio (total):          {summ['cpu_ratio']:.4f}x   target <= {CPU_TARGET:.2f}x   "
          f"{'MET' if summ['cpu_ratio'] <= CPU_TARGET else 'NOT MET'}")
    print(f"CPU ratio per TU:           median {summ['cpu_ratio_per_tu_median']:.4f}x, max {summ['cpu_ratio_per_tu_max']:.4f}x ({summ['cpu_worst_tu']})")
    print(f"peak RSS (max over TUs):    {peak_b / 1024:.1f} MiB without, {peak_p / 1024:.1f} MiB with = "
          f"{summ['peak_rss_ratio']:.4f}x   target <= {RSS_TARGET:.2f}x   "
          f"{'MET' if summ['peak_rss_ratio'] <= RSS_TARGET else 'NOT MET'}")
    print(f"peak RSS ratio per TU:      mean {summ['rss_ratio_per_tu_mean']:.4f}x   target <= {RSS_TARGET:.2f}x   "
          f"{'MET' if summ['rss_ratio_per_tu_mean'] <= RSS_TARGET else 'NOT MET'}; "
          f"max {summ['rss_ratio_per_tu_max']:.4f}x ({summ['rss_worst_tu']})")
    print(f"modsafe diagnostics seen:   {summ['plugin_diagnostics']}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(summary=summ, tus=rows), f, indent=1)
        print(f"\nper-TU results: {a.json}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
