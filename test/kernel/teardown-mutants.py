#!/usr/bin/env python3
"""Mutation benchmark for modsafe's `missing-teardown` check on Linux 6.1.

    test/kernel/teardown-mutants.py PLUGIN_SO OUTDIR [--dirs DIR...] [--max N]
                                    [--jobs J] [--ksrc KSRC]

Needs the tree prepared and built by test/kernel/integration.sh (kbuild's
.NAME.o.cmd files, modules.order); never writes into it.

1. Candidates.  For every module TU (kbuild command with -DMODULE, object
   listed in the directory's modules.order / .mod files) of the directories,
   every whole-word call of a synchronous teardown in the .c file's own text:

     timer    del_timer_sync timer_delete_sync timer_shutdown_sync
     hrtimer  hrtimer_cancel
     work     cancel_work_sync cancel_delayed_work_sync flush_work
              flush_delayed_work
     wq       destroy_workqueue flush_workqueue
     tasklet  tasklet_kill
     kthread  kthread_stop
     rcu      rcu_barrier        srcu  srcu_barrier

   The torn-down object is the first argument without `&`, blanks and outer
   parentheses (`&priv->timer` -> `priv->timer`), "any" for the barriers.
   A call is kept when it is
     * the only teardown of its family in the file for the object's last
       field name (`timer`), or the only rcu_barrier / srcu_barrier;
     * armed in the same file: the family's arming call on an object with the
       same last field name (timer_setup/DEFINE_TIMER, hrtimer `.function =`,
       INIT_*WORK/DECLARE_*WORK, tasklet_init/tasklet_setup/DECLARE_TASKLET*,
       `x = kthread_run/kthread_create*(...)`; call_rcu for rcu_barrier,
       call_srcu for srcu_barrier; for a workqueue: a work item armed in the
       file is queued on it (queue_work & co., first argument's last field);
     * not covered by another teardown: a work item queued on a workqueue the
       file destroys/flushes is not a candidate (that teardown remains), and a
       workqueue is only a candidate when one of the items queued on it has no
       cancel/flush of its own;
     * an expression statement (replaced by `;`) or, for the calls that
       return a value, a call inside an expression (replaced by `0`);
     * not inside a preprocessor directive (#define body).

2. Mutant: the source with that statement blanked (same lines, same columns
   for everything else on other lines; a `_Pragma("message(...)")` marker is
   put in its place so the run tells whether the code was active at all),
   written to OUTDIR/mutants/<tag>/<basename>.c and compiled -fsyntax-only
   with the TU's kbuild command (cwd = tree, source replaced, -Wp,-MMD / -c -o
   / old -fplugin args removed) plus `-iquote DIR -I DIR` (DIR = original
   directory), `-Wno-error` (a deleted statement can leave an unused local),
   and `-fplugin=PLUGIN -fplugin-arg-modsafe-checks=-*,missing-teardown`.
   The unmodified file is copied to OUTDIR/baseline/<tag>/ and run the same
   way.

3. Detected: the mutant has a [modsafe-missing-teardown] diagnostic in its
   main file (line:col + message) that the baseline has not.  A mutant whose
   baseline or own compile has an `error:` / crash is "compile-failed"; one
   whose marker did not show (code disabled by #if/#ifdef) is "inactive";
   neither counts in the detection rate.

4. With --link MODSAFE_LINK, the whole-module step: each mutant the plugin
   did not detect is judged across its module (the kbuild .mod file that
   names its object: a module of several files, or of one file the plugin
   cannot take for the whole module, like rng-core's core.c). Every TU of the module is compiled once,
   unmodified, with -fplugin-arg-modsafe-report-dir (OUTDIR/link/<module>/
   base); per mutant, those fact files minus the mutated TU's, plus the
   mutant's own, go through modsafe-link. Detected: a [modsafe-missing-
   teardown] line of modsafe-link's that the unmodified module has not
   (paths of the mutated file mapped back to the original).

Writes OUTDIR/mutants.json (+ logs/) and prints a summary.  Exit 0 whatever
the detection rate; 2 on setup errors (tree not built, plugin missing or not
loadable).  python3 standard library only.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

# Shared with the integration test: comment stripping and .cmd parsing.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from integration import read_cmd, strip_comments  # noqa: E402

DEFAULT_DIRS = ["drivers/watchdog", "drivers/char", "drivers/misc", "drivers/block",
                "drivers/tty", "drivers/platform/x86"] + \
    ["fs/" + d for d in ("efs romfs cramfs minix qnx4 qnx6 bfs freevxfs hpfs omfs "
                         "sysv ufs adfs affs befs zonefs").split()]
CHECK = "missing-teardown"
TAG_RE = re.compile(r"\[modsafe-missing-teardown\]")
ANY_MODSAFE = re.compile(r"\[modsafe-[a-z-]+\]")
MARKER = "msmutant"
MARKER_PRAGMA = '_Pragma("message(\\"' + MARKER + '\\")")'

TEARDOWN = {
    "del_timer_sync": "timer", "timer_delete_sync": "timer", "timer_shutdown_sync": "timer",
    "hrtimer_cancel": "hrtimer",
    "cancel_work_sync": "work", "cancel_delayed_work_sync": "work",
    "flush_work": "work", "flush_delayed_work": "work",
    "destroy_workqueue": "wq", "flush_workqueue": "wq",
    "tasklet_kill": "tasklet",
    "kthread_stop": "kthread",
    "rcu_barrier": "rcu", "srcu_barrier": "srcu",
}
VOID_TEARDOWN = {"destroy_workqueue", "flush_workqueue", "tasklet_kill", "rcu_barrier",
                 "srcu_barrier"}
# arming calls whose first argument is the armed object (or the defined name)
ARM_ARG0 = {
    "timer": ["timer_setup", "timer_setup_on_stack", "DEFINE_TIMER"],
    "work": ["INIT_WORK", "INIT_DELAYED_WORK", "INIT_DEFERRABLE_WORK", "INIT_WORK_ONSTACK",
             "INIT_DELAYED_WORK_ONSTACK", "INIT_RCU_WORK", "DECLARE_WORK",
             "DECLARE_DELAYED_WORK", "DECLARE_DEFERRABLE_WORK"],
    "tasklet": ["tasklet_init", "tasklet_setup", "DECLARE_TASKLET", "DECLARE_TASKLET_OLD",
                "DECLARE_TASKLET_DISABLED", "DECLARE_TASKLET_DISABLED_OLD"],
}
KTHREAD_ARM = ["kthread_run", "kthread_create", "kthread_create_on_node",
               "kthread_run_on_cpu", "kthread_create_on_cpu"]
# queue calls: name -> (index of the workqueue argument, index of the work argument)
QUEUE_CALLS = {"queue_work": (0, 1), "queue_delayed_work": (0, 1), "mod_delayed_work": (0, 1),
               "queue_rcu_work": (0, 1), "queue_work_on": (1, 2),
               "queue_delayed_work_on": (1, 2), "mod_delayed_work_on": (1, 2)}
CRASH_PATTERNS = [
    "PLEASE submit a bug report", "Stack dump:", "clang frontend command failed",
    "unable to execute command", "Segmentation fault", "unable to load plugin",
    "LLVM ERROR", "Assertion `", "terminate called",
]
DIAG_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>warning|error|remark|fatal error|note): (?P<msg>.*)$")
OBJ_EXPR = r"((?:[A-Za-z_]\w*(?:\s*\[[^\]\n]*\])*\s*(?:\.|->)\s*)*[A-Za-z_]\w*(?:\s*\[[^\]\n]*\])*)"


class SetupError(Exception):
    pass


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------
# source text helpers
# --------------------------------------------------------------------------

def directive_lines(clean):
    """1-based numbers of the lines that belong to a preprocessor directive
    (with their backslash continuations)."""
    res = set()
    cont = False
    for n, line in enumerate(clean.split("\n"), 1):
        if cont or line.lstrip().startswith("#"):
            res.add(n)
            cont = line.rstrip().endswith("\\")
        else:
            cont = False
    return res


def line_col(text, off):
    ln = text.count("\n", 0, off) + 1
    return ln, off - (text.rfind("\n", 0, off) + 1) + 1


def match_paren(clean, i):
    """Offset of the ')' matching the '(' at i, or -1."""
    depth = 0
    for j in range(i, len(clean)):
        ch = clean[j]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return j if ch == ")" else -1
    return -1


def split_args(s):
    args, depth, cur = [], 0, []
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            args.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    args.append("".join(cur))
    return [a.strip() for a in args]


def norm_obj(a):
    """`&(priv->timer)` -> `priv->timer`."""
    s = re.sub(r"\s+", "", a or "")
    while True:
        t = s
        if t.startswith("&"):
            t = t[1:]
        if t.startswith("(") and match_paren(t, 0) == len(t) - 1:
            t = t[1:-1]
        if t == s:
            return s
        s = t


def last_field(obj):
    s = obj
    while s.endswith("]"):
        depth, k = 0, len(s) - 1
        while k >= 0:
            if s[k] == "]":
                depth += 1
            elif s[k] == "[":
                depth -= 1
                if depth == 0:
                    break
            k -= 1
        if k <= 0:
            break
        s = s[:k]
    m = re.search(r"([A-Za-z_]\w*)\s*$", s)
    if m:
        return m.group(1)
    ids = re.findall(r"[A-Za-z_]\w*", obj)
    return ids[-1] if ids else obj


def calls(clean, names):
    """(name, start offset, open paren, close paren, args) of whole-word calls."""
    rx = re.compile(r"(?<![\w.>])(" + "|".join(map(re.escape, names)) + r")\s*\(")
    for m in rx.finditer(clean):
        op = m.end() - 1
        cp = match_paren(clean, op)
        if cp < 0:
            continue
        yield m.group(1), m.start(), op, cp, split_args(clean[op + 1:cp])


def statement_span(clean, name, start, cp):
    """How to remove the call at start..cp: ('stmt', s, e) for an expression
    statement (replace s..e with ';'), ('expr', s, e) for a value-returning
    call inside an expression (replace with '0'), or (None, reason)."""
    s = start
    m = re.search(r"\(\s*void\s*\)\s*$", clean[max(0, s - 40):s])
    if m:
        s = s - (len(clean[max(0, s - 40):s]) - m.start())
    k = cp + 1
    while k < len(clean) and clean[k].isspace():
        k += 1
    semi = k if k < len(clean) and clean[k] == ";" else -1
    p = s - 1
    while p >= 0 and clean[p].isspace():
        p -= 1
    prev = clean[p] if p >= 0 else ";"
    is_stmt_start = False
    if prev in ";{}":
        is_stmt_start = True
    elif prev == ":":
        lo = max(clean.rfind(";", 0, p), clean.rfind("{", 0, p), clean.rfind("}", 0, p))
        is_stmt_start = "?" not in clean[lo + 1:p]
    elif prev == ")":
        # closing paren of if/while/for/switch?
        depth, q = 0, p
        while q >= 0:
            if clean[q] == ")":
                depth += 1
            elif clean[q] == "(":
                depth -= 1
                if depth == 0:
                    break
            q -= 1
        is_stmt_start = bool(re.search(r"\b(if|while|for)\s*$", clean[max(0, q - 20):max(q, 0)]))
    elif re.search(r"\b(else|do)$", clean[max(0, p - 5):p + 1]):
        is_stmt_start = True
    if is_stmt_start and semi >= 0:
        return "stmt", s, semi + 1
    if name in VOID_TEARDOWN:
        return None, "void call not an expression statement"
    return "expr", start, cp + 1


# --------------------------------------------------------------------------
# candidates of one file
# --------------------------------------------------------------------------

def file_candidates(src_rel, ksrc):
    with open(os.path.join(ksrc, src_rel), encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    if not re.search(r"\b(" + "|".join(TEARDOWN) + r")\b", text):
        return [], text
    clean = strip_comments(text)
    dlines = directive_lines(clean)

    # arming sites: family -> set of last field names (and objects)
    armed = collections.defaultdict(set)
    for fam, names in ARM_ARG0.items():
        for name, st, op, cp, args in calls(clean, names):
            if args and args[0]:
                armed[fam].add(last_field(norm_obj(args[0])))
    for m in re.finditer(OBJ_EXPR + r"\s*(?:\.|->)\s*function\s*=(?!=)", clean):
        armed["hrtimer"].add(last_field(norm_obj(m.group(1))))
    for m in re.finditer(OBJ_EXPR + r"\s*=\s*(?:\(\s*struct\s+task_struct\s*\*\s*\)\s*)?(?:"
                         + "|".join(KTHREAD_ARM) + r")\s*\(", clean):
        armed["kthread"].add(last_field(norm_obj(m.group(1))))
    if list(calls(clean, ["call_rcu"])):
        armed["rcu"].add("any")
    if list(calls(clean, ["call_srcu"])):
        armed["srcu"].add("any")
    # work items queued on workqueues: wq field -> set of work fields
    queued = collections.defaultdict(set)
    for name, st, op, cp, args in calls(clean, list(QUEUE_CALLS)):
        wi, ki = QUEUE_CALLS[name]
        if len(args) > ki:
            queued[last_field(norm_obj(args[wi]))].add(last_field(norm_obj(args[ki])))

    tds = []
    for name, st, op, cp, args in calls(clean, list(TEARDOWN)):
        fam = TEARDOWN[name]
        if fam in ("rcu", "srcu"):
            obj = "any"
            field = "any"
        else:
            obj = norm_obj(args[0]) if args else ""
            field = last_field(obj) if obj else ""
        ln, col = line_col(text, st)
        tds.append(dict(name=name, fam=fam, obj=obj, field=field, start=st, cp=cp,
                        line=ln, col=col, in_directive=ln in dlines))
    count = collections.Counter((t["fam"], t["field"] if t["fam"] not in ("rcu", "srcu")
                                 else t["name"]) for t in tds)
    torn_work = {t["field"] for t in tds if t["fam"] == "work"}
    torn_wq = {t["field"] for t in tds if t["fam"] == "wq"}

    res = []
    for t in tds:
        key = (t["fam"], t["field"] if t["fam"] not in ("rcu", "srcu") else t["name"])
        c = dict(file=src_rel, line=t["line"], col=t["col"], teardown=t["name"],
                 family=t["fam"], object=t["obj"], field=t["field"])
        c["only"] = count[key] == 1
        reason = None
        if t["fam"] == "wq":
            items = sorted(queued.get(t["field"], ()))
            unprot = [w for w in items if w in armed["work"] and w not in torn_work]
            c["armed"] = any(w in armed["work"] for w in items) and not t["obj"].startswith("system_")
            c["queued_work"] = items
            if c["armed"] and not unprot:
                reason = "queued work items have their own teardown"
        elif t["fam"] == "work":
            c["armed"] = t["field"] in armed["work"]
            wqs = sorted(wq for wq, items in queued.items() if t["field"] in items and wq in torn_wq)
            if wqs:
                reason = f"queued on torn-down workqueue {','.join(wqs)}"
        else:
            c["armed"] = t["field"] in armed[t["fam"]]
        if t["in_directive"]:
            reason = "in a preprocessor directive"
        elif not t["obj"]:
            reason = "no argument"
        elif not c["only"]:
            reason = "not the only teardown of the object"
        elif not c["armed"]:
            reason = "not armed in the file"
        mode = None
        if reason is None:
            sp = statement_span(clean, t["name"], t["start"], t["cp"])
            if sp[0] is None:
                reason = sp[1]
            else:
                mode, s, e = sp
                c["mode"] = mode
                c["span"] = [s, e]
                c["end_line"] = line_col(text, e)[0]
                c["statement"] = re.sub(r"\s+", " ", text[s:e]).strip()
        c["drop"] = reason
        res.append(c)
    return res, text


def make_mutant(text, c):
    s, e = c["span"]
    repl = (";" if c["mode"] == "stmt" else "0")
    body = "".join(ch if ch == "\n" else " " for ch in text[s:e])
    # marker first (expr mode: `_Pragma(...)0` is still an expression operand)
    ins = MARKER_PRAGMA + repl
    first_nl = body.find("\n")
    room = len(body) if first_nl < 0 else first_nl
    if room >= len(ins):
        body = ins + body[len(ins):]
    else:
        body = ins + body[room:]  # longer than the call: later columns of that line shift
    return text[:s] + body + text[e:]


# --------------------------------------------------------------------------
# kbuild commands
# --------------------------------------------------------------------------

def module_objects(ksrc, dirs):
    """Objects of the modules listed in the directories' modules.order."""
    objs, missing = set(), []
    for d in dirs:
        mo = os.path.join(ksrc, d, "modules.order")
        if not os.path.isdir(os.path.join(ksrc, d)):
            raise SetupError(f"directory {d} not in {ksrc}")
        if not os.path.exists(mo):
            missing.append(d)
            continue
        with open(mo) as f:
            for ko in f.read().split():
                base = ko[:-3] if ko.endswith(".ko") else ko[:-2]
                objs.add(base + ".o")
                try:
                    with open(os.path.join(ksrc, base + ".mod")) as mf:
                        for m in mf.read().split():
                            if m.endswith(".o"):
                                objs.add(os.path.normpath(m))
                except OSError:
                    pass
    if missing:
        raise SetupError("tree not built (no modules.order in " + ", ".join(missing)
                         + "): run test/kernel/integration.sh first")
    return objs


def compile_argv(cmd, src, obj, newsrc, origdir, plugin):
    """kbuild compile command -> -fsyntax-only argv on newsrc."""
    cmd = cmd.split(" ; ")[0]
    toks = shlex.split(cmd)
    out, i, seen_src = [], 0, False
    while i < len(toks):
        t = toks[i]
        if t.startswith("-Wp,-MMD") or t.startswith("-Wp,-MD") or t.startswith("-fplugin"):
            pass
        elif t == "-c":
            pass
        elif t == "-o":
            i += 1
        elif t == src:
            out.append(newsrc)
            seen_src = True
        else:
            out.append(t)
        i += 1
    if not seen_src:
        return None
    return out + ["-fsyntax-only", "-iquote", origdir, "-I", origdir, "-Wno-error",
                  "-Wno-error=#pragma-messages", f"-fplugin={plugin}",
                  f"-fplugin-arg-modsafe-checks=-*,{CHECK}"]


def run_compile(argv, cwd, logpath, mainfile):
    t0 = time.time()
    try:
        r = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, errors="replace", timeout=600)
        rc, err = r.returncode, r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        rc, err = -1, "harness: timeout after 600 s\n"
    dt = time.time() - t0
    with open(logpath, "w") as f:
        f.write(" ".join(shlex.quote(a) for a in argv) + "\n\n" + err)
    main_real = os.path.realpath(mainfile)
    findings, errors, marker = set(), [], False
    for line in err.splitlines():
        m = DIAG_RE.match(line)
        if m:
            in_main = os.path.realpath(os.path.join(cwd, m.group("file"))) == main_real
            if m.group("sev") in ("error", "fatal error") and not ANY_MODSAFE.search(m.group("msg")):
                errors.append(line)
            if in_main and TAG_RE.search(m.group("msg")):
                msg = m.group("msg").replace(mainfile, "<main>").replace(main_real, "<main>")
                findings.add((int(m.group("line")), int(m.group("col")), msg))
            if in_main and MARKER in m.group("msg") and "pragma-messages" in m.group("msg"):
                marker = True
        elif any(p in line for p in CRASH_PATTERNS):
            errors.append(line)
    if rc != 0 and not errors and not findings:
        errors.append(f"harness: exit status {rc}")
    return dict(ok=not errors, errors=errors[:10], findings=findings, marker=marker,
                seconds=round(dt, 2))


# --------------------------------------------------------------------------
# selection / main
# --------------------------------------------------------------------------

def link_run(link, factdir, mapping):
    """modsafe-link over factdir: the set of missing-teardown lines."""
    r = subprocess.run([link, factdir], capture_output=True, text=True, errors="replace")
    if r.returncode not in (0, 1):
        return None, r.stderr.strip()[:500]
    found = set()
    for line in r.stdout.splitlines():
        if "[modsafe-missing-teardown]" in line:
            for old, new in mapping.items():
                line = line.replace(old, new)
            found.add(line)
    return found, None


def link_mutants(a, sel, tus, texts, ksrc, out, plugin):
    """Judge the still undetected mutants of multi-file modules across the
    whole module (see the module docstring, 4)."""
    link = os.path.realpath(a.link)
    # object -> (module name, objects) from the .mod files
    mod_of = {}
    for d in sorted({os.path.dirname(o) for o, _c in tus.values()}):
        # a module's .mod is in its own directory or one above its objects
        # (habanalabs.mod names common/*.o, goya/*.o)
        for up in (d, os.path.dirname(d), os.path.dirname(os.path.dirname(d))):
            full = os.path.join(ksrc, up)
            if not up or not os.path.isdir(full):
                continue
            for mf in sorted(os.listdir(full)):
                if not mf.endswith(".mod"):
                    continue
                with open(os.path.join(full, mf)) as f:
                    objs = [os.path.normpath(x) for x in f.read().split() if x.endswith(".o")]
                for o in objs:
                    mod_of.setdefault(o, (mf[:-4], objs))
    todo = [c for c in sel if c["compiled"] and c["active"] and not c["detected"]]
    mods = {}
    for c in todo:
        obj = tus[c["file"]][0]
        m = mod_of.get(obj)
        if m:
            c["module"], c["module_files"] = m[0], len(m[1])
            mods[m[0]] = m[1]
    if not mods:
        return
    by_obj = {obj: (src, cmd) for src, (obj, cmd) in tus.items()}
    ldir = os.path.join(out, "link")
    if os.path.isdir(ldir):
        shutil.rmtree(ldir)
    jobs = []
    for name, objs in sorted(mods.items()):
        base = os.path.join(ldir, name, "base")
        os.makedirs(base)
        for o in objs:
            if o not in by_obj:
                cmd, src = read_cmd(o, ksrc)
                if not cmd or not src:
                    continue
            else:
                src, cmd = by_obj[o]
            argv = compile_argv(cmd, src, o, src, os.path.join(ksrc, os.path.dirname(src)), plugin)
            if argv:
                jobs.append((argv + [f"-fplugin-arg-modsafe-report-dir={base}"],
                             os.path.join(out, "logs", f"link-{name}-{os.path.basename(src)}.log"),
                             src))
    log(f"whole-module step: {len(mods)} modules, {len(jobs)} TUs to compile once")
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        list(ex.map(lambda j: run_compile(j[0], ksrc, j[1], j[2]), jobs))
    base_found = {}
    for name in mods:
        found, err = link_run(link, os.path.join(ldir, name, "base"), {})
        base_found[name] = found
        if err:
            log(f"  {name}: modsafe-link failed: {err}")
    def judge(c):
        name = c.get("module")
        if not name or base_found.get(name) is None:
            return
        base = os.path.join(ldir, name, "base")
        mdir = os.path.join(ldir, name, c["tag"])
        os.makedirs(mdir)
        for fn in os.listdir(base):
            if not fn.endswith(".modsafe-facts.json"):
                continue
            with open(os.path.join(base, fn)) as f:
                if json.load(f).get("main_file") == c["file"]:
                    continue
            shutil.copy(os.path.join(base, fn), mdir)
        obj, cmd = tus[c["file"]]
        mfile = os.path.join(out, c["mutant_file"])
        argv = compile_argv(cmd, c["file"], obj, mfile,
                            os.path.join(ksrc, os.path.dirname(c["file"])), plugin)
        run_compile(argv + [f"-fplugin-arg-modsafe-report-dir={mdir}"], ksrc,
                    os.path.join(out, "logs", f"link-{c['tag']}.log"), mfile)
        found, err = link_run(link, mdir, {mfile: c["file"]})
        if found is None:
            c["errors"] = (c.get("errors") or []) + ["modsafe-link: " + err]
            return
        new = sorted(found - base_found[name])
        if new:
            c["detected"] = True
            c["detected_by"] = "link"
            c["status"] = "detected"
            c["new_findings"] = new
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        list(ex.map(judge, [c for c in todo if c.get("module")]))


def select(cands, cap):
    if cap is None or cap >= len(cands):
        return list(cands)
    groups = collections.defaultdict(list)
    for c in sorted(cands, key=lambda c: (c["file"], c["line"], c["col"])):
        groups[c["teardown"]].append(c)
    order = sorted(groups)
    sel, idx = [], collections.Counter()
    while len(sel) < cap:
        progressed = False
        for k in order:
            if len(sel) >= cap:
                break
            if idx[k] < len(groups[k]):
                sel.append(groups[k][idx[k]])
                idx[k] += 1
                progressed = True
        if not progressed:
            break
    return sorted(sel, key=lambda c: (c["file"], c["line"], c["col"]))


def tag_of(c):
    return f"{c['file'].replace('/', '_')}-L{c['line']}C{c['col']}-{c['teardown']}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plugin")
    ap.add_argument("outdir")
    ap.add_argument("--dirs", nargs="+", default=DEFAULT_DIRS)
    ap.add_argument("--max", type=int, default=None, help="cap on mutants (deterministic)")
    ap.add_argument("--jobs", type=int,
                    default=int(os.environ.get("MODSAFE_JOBS") or 2))
    ap.add_argument("--link", default=None, metavar="MODSAFE_LINK",
                    help="judge mutants of modules of several files with modsafe-link")
    ap.add_argument("--ksrc", default=os.path.join(
        os.environ.get("MODSAFE_KERNEL_DIR", "/var/tmp/modsafe-kernel"), "linux-source-6.1"))
    a = ap.parse_args()
    t_start = time.time()

    plugin = os.path.realpath(a.plugin)
    if not os.path.isfile(plugin):
        raise SetupError(f"plugin {a.plugin} not found")
    ksrc = os.path.realpath(a.ksrc)
    if not os.path.isdir(ksrc):
        raise SetupError(f"kernel tree {ksrc} missing: run test/kernel/prepare.sh and integration.sh")
    out = os.path.realpath(a.outdir)
    if out == ksrc or out.startswith(ksrc + os.sep):
        raise SetupError("OUTDIR must be outside the kernel tree")
    dirs = [d.rstrip("/") for d in a.dirs]

    # ---- module TUs
    mobjs = module_objects(ksrc, dirs)
    tus = {}  # src -> (obj, cmd)
    for o in sorted(mobjs):
        if not any(o.startswith(d + "/") for d in dirs):
            continue
        cmd, src = read_cmd(o, ksrc)
        if not cmd or not src or not src.endswith(".c") or " -c " not in cmd:
            continue
        if not re.search(r"(^|\s)-DMODULE(\s|$)", cmd):
            continue
        if not os.path.exists(os.path.join(ksrc, o)) or src in tus:
            continue
        tus[src] = (o, cmd)
    if not tus:
        raise SetupError(f"no built module TUs in {' '.join(dirs)}: tree not built "
                         "(run test/kernel/integration.sh first)")

    # ---- plugin loads and knows the check
    first = next(iter(tus.values()))[1]
    clang = shlex.split(first)[0]
    probe = subprocess.run([clang, "-fsyntax-only", "-x", "c", "/dev/null", f"-fplugin={plugin}",
                            f"-fplugin-arg-modsafe-checks=-*,{CHECK}"], cwd=ksrc,
                           capture_output=True, text=True, errors="replace")
    if probe.returncode != 0:
        raise SetupError(f"plugin {plugin} does not load / accept checks=-*,{CHECK}:\n"
                         + (probe.stderr.strip() or probe.stdout.strip())[:2000])

    # ---- candidates
    allc, texts = [], {}
    for src in sorted(tus):
        cs, text = file_candidates(src, ksrc)
        if cs:
            texts[src] = text
            allc += cs
    cands = [c for c in allc if c["drop"] is None]
    drops = collections.Counter(c["drop"] for c in allc if c["drop"])
    per_kind = collections.Counter(c["teardown"] for c in cands)
    log(f"{len(tus)} module TUs in {len(dirs)} dirs; {len(allc)} teardown calls; "
        f"{len(cands)} candidates")
    log("dropped: " + (", ".join(f"{k}: {v}" for k, v in sorted(drops.items())) or "none"))
    log("candidates per teardown kind: " + ", ".join(f"{k}={v}" for k, v in sorted(per_kind.items())))
    sel = select(cands, a.max)
    if a.max is not None and len(sel) < len(cands):
        log(f"--max {a.max}: running {len(sel)} of {len(cands)} (spread over kinds)")

    # ---- write sources
    if os.path.isdir(os.path.join(out, "mutants")):
        shutil.rmtree(os.path.join(out, "mutants"))
    if os.path.isdir(os.path.join(out, "baseline")):
        shutil.rmtree(os.path.join(out, "baseline"))
    os.makedirs(os.path.join(out, "logs"), exist_ok=True)
    jobs = []  # (key, argv, log, mainfile)
    base_of = {}
    for src in sorted({c["file"] for c in sel}):
        obj, cmd = tus[src]
        btag = src.replace("/", "_")
        bdir = os.path.join(out, "baseline", btag)
        os.makedirs(bdir)
        bfile = os.path.join(bdir, os.path.basename(src))
        with open(bfile, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(texts[src])
        argv = compile_argv(cmd, src, obj, bfile, os.path.join(ksrc, os.path.dirname(src)), plugin)
        base_of[src] = ("base", btag)
        jobs.append((("base", btag), argv, os.path.join(out, "logs", f"baseline-{btag}.log"), bfile))
    for c in sel:
        obj, cmd = tus[c["file"]]
        c["tag"] = tag_of(c)
        mdir = os.path.join(out, "mutants", c["tag"])
        os.makedirs(mdir)
        mfile = os.path.join(mdir, os.path.basename(c["file"]))
        mtext = make_mutant(texts[c["file"]], c)
        assert mtext.count("\n") == texts[c["file"]].count("\n")
        with open(mfile, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(mtext)
        c["mutant_file"] = os.path.relpath(mfile, out)
        argv = compile_argv(cmd, c["file"], obj, mfile,
                            os.path.join(ksrc, os.path.dirname(c["file"])), plugin)
        jobs.append((("mut", c["tag"]), argv, os.path.join(out, "logs", f"{c['tag']}.log"), mfile))

    # ---- compile
    results = {}
    log(f"compiling {len(jobs)} TUs ({len(base_of)} baselines, {len(sel)} mutants) "
        f"with {a.jobs} jobs")
    t_comp = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {}
        for key, argv, lp, mf in jobs:
            if argv is None:
                results[key] = dict(ok=False, errors=["harness: source not found in kbuild command"],
                                    findings=set(), marker=False, seconds=0)
                continue
            futs[ex.submit(run_compile, argv, ksrc, lp, mf)] = key
        done = 0
        for fu in concurrent.futures.as_completed(futs):
            results[futs[fu]] = fu.result()
            done += 1
            if done % 50 == 0:
                log(f"  {done}/{len(futs)} compiled")
    t_comp = time.time() - t_comp

    # ---- evaluate
    for c in sel:
        b = results[base_of[c["file"]]]
        m = results[("mut", c["tag"])]
        c["baseline_ok"] = b["ok"]
        c["mutant_ok"] = m["ok"]
        c["compiled"] = b["ok"] and m["ok"]
        c["active"] = m["marker"]
        new = sorted(m["findings"] - b["findings"])
        c["new_findings"] = [f"{c['file']}:{l}:{col}: {msg}" for l, col, msg in new]
        c["baseline_findings"] = len(b["findings"])
        c["errors"] = (["baseline: " + e for e in b["errors"]] + m["errors"])[:10]
        c["seconds"] = m["seconds"]
        c["detected"] = bool(c["compiled"] and c["active"] and new)
        c["detected_by"] = "plugin" if c["detected"] else None
        c["status"] = ("compile-failed" if not c["compiled"] else
                       "inactive" if not c["active"] else
                       "detected" if c["detected"] else "undetected")
        c.pop("span", None)

    if a.link:
        link_mutants(a, sel, tus, texts, ksrc, out, plugin)

    compiled = [c for c in sel if c["compiled"]]
    active = [c for c in compiled if c["active"]]
    detected = [c for c in active if c["detected"]]
    undetected = [c for c in active if not c["detected"]]
    failed = [c for c in sel if not c["compiled"]]
    inactive = [c for c in compiled if not c["active"]]
    rate = (100.0 * len(detected) / len(active)) if active else 0.0
    total = time.time() - t_start
    summary = dict(
        kernel=ksrc, plugin=plugin, dirs=dirs, module_tus=len(tus), teardown_calls=len(allc),
        candidates=len(cands), candidates_per_kind=dict(sorted(per_kind.items())),
        dropped=dict(sorted(drops.items())), max=a.max, selected=len(sel),
        compiled=len(compiled), compile_failed=len(failed), inactive=len(inactive),
        active=len(active), detected=len(detected), detection_rate=round(rate, 1),
        seconds=round(total, 1), compile_seconds=round(t_comp, 1), jobs=a.jobs)
    with open(os.path.join(out, "mutants.json"), "w") as f:
        json.dump(dict(summary=summary, mutants=sel,
                       not_candidates=[{k: v for k, v in c.items() if k != "span"}
                                       for c in allc if c["drop"]]), f, indent=1)

    # ---- print
    print()
    print(f"{'teardown':<26} {'cand':>5} {'run':>5} {'compiled':>9} {'inactive':>9} {'detected':>9}")
    print("-" * 68)
    for k in sorted(per_kind):
        r = [c for c in sel if c["teardown"] == k]
        print(f"{k:<26} {per_kind[k]:>5} {len(r):>5} {sum(c['compiled'] for c in r):>9} "
              f"{sum(c['compiled'] and not c['active'] for c in r):>9} "
              f"{sum(c['detected'] for c in r):>9}")
    print("-" * 68)
    print(f"{'total':<26} {len(cands):>5} {len(sel):>5} {len(compiled):>9} {len(inactive):>9} "
          f"{len(detected):>9}")
    print()
    print(f"candidates: {len(cands)} (of {len(allc)} teardown calls in {len(tus)} module TUs)")
    print(f"mutants run: {len(sel)}   compiled: {len(compiled)}   compile-failed: {len(failed)}"
          f"   inactive (#if'd out): {len(inactive)}")
    print(f"detected: {len(detected)} / {len(active)}   detection rate: {rate:.1f}%")
    print(f"time: {total:.0f} s (compiles {t_comp:.0f} s, {a.jobs} jobs)")
    if failed:
        print("\nCompile failures (not counted):")
        for c in failed:
            print(f"  {c['file']}:{c['line']}  {c['teardown']}({c['object']})  "
                  f"{(c['errors'] or ['?'])[0][:160]}")
    if inactive:
        print("\nInactive (statement in preprocessor-disabled code, not counted):")
        for c in inactive:
            print(f"  {c['file']}:{c['line']}  {c['teardown']}({c['object']})")
    if undetected:
        print(f"\nUndetected mutants ({len(undetected)}) — review:")
        for c in undetected:
            print(f"  {c['file']}:{c['line']}  {c['teardown']}({c['object']})  [{c['mode']}]"
                  + (f"  module {c['module']} ({c['module_files']} files)" if c.get("module") else ""))
    linked = [c for c in detected if c.get("detected_by") == "link"]
    if a.link:
        print(f"\ndetected by the whole-module step (modsafe-link): {len(linked)}")
        for c in linked:
            print(f"  {c['file']}:{c['line']}  {c['teardown']}({c['object']})  "
                  f"module {c['module']} ({c['module_files']} files)")
    print(f"\nwritten: {os.path.join(out, 'mutants.json')}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SetupError as e:
        print(f"teardown-mutants: setup error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
