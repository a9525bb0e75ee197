#!/usr/bin/env python3
"""modsafe kernel integration test (driven by integration.sh).

Steps (each assertion counts as one pass or one fail):
  a. build the driver directories with the plugin; no crash, no error line, no
     failed build under CONFIG_WERROR, every C TU rebuilt with the plugin, one
     valid JSON report per TU, reports agree with stderr diagnostics.
  b. the objects built with the plugin are byte-identical to those built
     without it (the baseline build runs first; the plugin build is forced to
     recompile everything because KCFLAGS changes the command line).
  c. mutants: delete one `.owner = THIS_MODULE,` line from a static
     file_operations / block_device_operations / file_system_type initializer
     whose variable is handed to an interface that uses the owner; the
     plugin must report missing-owner at the variable's definition; the
     unmodified file must not.  Sources are always restored.
  d. writes every missing-owner finding on the unmodified sources to a JSON
     summary for hand review.

python3 standard library only.  Never reads /work/shared.
"""

import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

CHECK_IDS = {
    "missing-owner", "interface-no-owner", "unguarded-call", "unchecked-get",
    "ref-leak", "put-unbalanced", "sleep-in-callback", "sleep-in-atomic",
    "sleep-without-count", "unsafe-unload", "init-fail-after-unsafe",
    "missing-teardown", "missing-quiescence",
}
MUTANT_TYPES = ("file_operations", "block_device_operations", "file_system_type")
CRASH_PATTERNS = [
    "PLEASE submit a bug report", "Stack dump:", "clang frontend command failed",
    "unable to execute command", "Segmentation fault", "unable to load plugin",
    "LLVM ERROR", "Assertion `", "terminate called",
]
OWNER_USING_CALL = re.compile(
    r"\b(misc_register|register_chrdev|__register_chrdev|debugfs_create_file\w*"
    r"|register_filesystem|anon_inode_get\w+|securityfs_create_file"
    r"|usb_register_dev|register_sound_\w+|video_register_device)\s*\([^;{}]*$")
OWNER_USING_FIELD = re.compile(r"(?:\.|->)\s*fops\s*=\s*&?\s*$")
PINNED_CALL = re.compile(r"\bcdev_init\s*\([^;{}]*$")
PINNED_FIELD = re.compile(r"(?:\.|->)\s*(i_fop|f_op)\s*=\s*&?\s*$")


class Ctx:
    pass


C = Ctx()
C.passed = 0
C.failed = 0
C.failures = []


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def check(ok, what, detail=""):
    if ok:
        C.passed += 1
        print(f"PASS: {what}", flush=True)
    else:
        C.failed += 1
        C.failures.append(what)
        print(f"FAIL: {what}", flush=True)
        if detail:
            for line in str(detail).rstrip().splitlines()[:40]:
                print(f"      {line}", flush=True)
    return ok


# --------------------------------------------------------------------------
# restore journal: every source we touch is recorded before it is modified.
# --------------------------------------------------------------------------

def journal_path():
    return os.path.join(C.out, "restore-journal.json")


def journal_load():
    try:
        with open(journal_path()) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def journal_save(j):
    tmp = journal_path() + ".tmp"
    with open(tmp, "w") as f:
        json.dump(j, f)
    os.replace(tmp, journal_path())


def restore_all():
    """Put every journaled source back (content identical, mtime = now so
    kbuild recompiles the object)."""
    j = journal_load()
    restored = []
    for src, backup in sorted(j.items()):
        with open(backup, "rb") as f:
            data = f.read()
        cur = None
        try:
            with open(src, "rb") as f:
                cur = f.read()
        except OSError:
            pass
        if cur != data:
            with open(src + ".modsafe-restore", "wb") as f:
                f.write(data)
            shutil.copymode(backup, src + ".modsafe-restore")
            os.replace(src + ".modsafe-restore", src)
            os.utime(src, None)
            restored.append(src)
    if os.path.exists(journal_path()):
        os.remove(journal_path())
    return restored


# --------------------------------------------------------------------------
# kbuild helpers
# --------------------------------------------------------------------------

def make(targets, kcflags, tag, keep_going=False):
    """Run make in the kernel tree; returns (rc, stdout, stderr, seconds)."""
    cmd = ["make", "-C", C.ksrc, "ARCH=x86_64", f"LLVM={C.llvm}", f"-j{C.jobs}",
           f"KCFLAGS={kcflags}"]
    if keep_going:
        cmd.append("-k")
    cmd += targets
    t0 = time.time()
    with open(os.path.join(C.out, f"{tag}.stdout"), "w") as so, \
            open(os.path.join(C.out, f"{tag}.stderr"), "w") as se:
        rc = subprocess.call(cmd, stdin=subprocess.DEVNULL, stdout=so, stderr=se)
    dt = time.time() - t0
    with open(os.path.join(C.out, f"{tag}.stdout"), errors="replace") as f:
        out = f.read()
    with open(os.path.join(C.out, f"{tag}.stderr"), errors="replace") as f:
        err = f.read()
    return rc, out, err, dt


def fresh_report_dir(prefix):
    """All plugin builds use the same KCFLAGS (report-dir = the symlink
    OUT/reports-current), so that after the full plugin build kbuild only
    recompiles what changed (the mutated / restored sources).  Each build gets
    its own real directory behind the symlink."""
    real = os.path.join(C.out, f"{prefix}-{time.time_ns()}")
    os.makedirs(real)
    tmp = C.report_link + ".new"
    if os.path.lexists(tmp):
        os.remove(tmp)
    os.symlink(os.path.basename(real), tmp)
    os.replace(tmp, C.report_link)
    return real


def make_dirs(tag):
    """Plugin build of the directory goals (same command lines as the full
    plugin build, so only changed sources recompile).  Directory goals, not
    single-object goals: kbuild 6.1 compiles a single-object goal such as
    drivers/char/ipmi/x.o twice, once without -DMODULE (drivers/Makefile
    reaches char/ipmi/ both directly and through the pattern rules of
    drivers/char/)."""
    rc, out, err, dt = make(C.targets, C.kcflags_plugin, tag, keep_going=True)
    compiled = collections.Counter(l.split()[-1] for l in out.splitlines()
                                   if re.match(r"^\s+CC\b", l))
    twice = sorted(o for o, n in compiled.items() if n > 1)
    if twice:
        log(f"WARNING: kbuild compiled {twice} more than once")
    return rc, out, err, dt, compiled, twice


def plugin_kcflags(report_dir):
    flags = [f"-fplugin={C.plugin}",
             f"-fplugin-arg-modsafe-report-dir={report_dir}"]
    flags += C.extra_plugin_args
    return " ".join(flags)


def read_cmd(obj, ksrc=None):
    """Parse kbuild's .<obj>.cmd under ksrc (default: the tree under test):
    returns (command, source or None). teardown-mutants.py uses it too."""
    d, b = os.path.split(obj)
    p = os.path.join(ksrc or C.ksrc, d, f".{b}.cmd")
    cmd = src = None
    try:
        with open(p, errors="replace") as f:
            for line in f:
                if line.startswith(("cmd_", "savedcmd_")) and cmd is None:
                    cmd = line.split(":=", 1)[1].strip()
                elif line.startswith("source_") and src is None:
                    src = line.split(":=", 1)[1].strip()
                if cmd is not None and src is not None:
                    break
    except OSError:
        return None, None
    return cmd, src


def build_objects(dirs):
    """Objects that are part of the current build of `dirs` (stale files left
    by other builds excluded): members of built-in.a and of every module
    named in modules.order, plus the modules' composite objects."""
    objs = set()
    for d in dirs:
        d = d.rstrip("/")
        ba = os.path.join(C.ksrc, d, "built-in.a")
        if os.path.exists(ba):
            r = subprocess.run([C.llvm_ar, "t", os.path.join(d, "built-in.a")], cwd=C.ksrc,
                               capture_output=True, text=True)
            for m in r.stdout.split():
                if m.endswith(".o"):
                    objs.add(os.path.normpath(os.path.relpath(m, C.ksrc) if os.path.isabs(m) else m))
        mo = os.path.join(C.ksrc, d, "modules.order")
        if os.path.exists(mo):
            with open(mo) as f:
                for ko in f.read().split():
                    base = ko[:-3] if ko.endswith(".ko") else ko[:-2]
                    objs.add(base + ".o")
                    try:
                        with open(os.path.join(C.ksrc, base + ".mod")) as mf:
                            for m in mf.read().split():
                                if m.endswith(".o"):
                                    objs.add(os.path.normpath(m))
                    except OSError:
                        pass
    return sorted(o for o in objs if os.path.exists(os.path.join(C.ksrc, o)))


def rel(path, base=None):
    """Normalise a path from a report / diagnostic to tree-relative."""
    if path is None:
        return None
    if not os.path.isabs(path):
        path = os.path.join(base or C.ksrc, path)
    path = os.path.realpath(path)
    r = os.path.relpath(path, C.ksrc_real)
    return r if not r.startswith("..") else path


# --------------------------------------------------------------------------
# reports
# --------------------------------------------------------------------------

def load_reports(report_dir):
    """Returns (reports: list of (path, obj or None, error))."""
    res = []
    for root, _, files in os.walk(report_dir):
        for fn in sorted(files):
            if not fn.endswith(".modsafe.json"):
                continue  # fact files (.modsafe-facts.json) are checked apart
            p = os.path.join(root, fn)
            try:
                with open(p, encoding="utf-8") as f:
                    res.append((p, json.load(f), None))
            except (OSError, ValueError, UnicodeDecodeError) as e:
                res.append((p, None, str(e)))
    return res


def validate_report(r):
    """Schema problems of one report object (list of strings)."""
    errs = []
    if not isinstance(r, dict):
        return ["report is not an object"]
    if not isinstance(r.get("main_file"), str) or not r.get("main_file"):
        errs.append("main_file missing / not a string")
    if not isinstance(r.get("module"), bool):
        errs.append("module missing / not a bool")
    fs = r.get("findings")
    if not isinstance(fs, list):
        errs.append("findings missing / not a list")
        return errs
    for i, fd in enumerate(fs):
        if not isinstance(fd, dict):
            errs.append(f"findings[{i}] not an object")
            continue
        for k in ("check", "rule", "severity", "file", "message"):
            if not isinstance(fd.get(k), str) or not fd.get(k):
                errs.append(f"findings[{i}].{k} missing / not a non-empty string")
        for k in ("line", "column"):
            v = fd.get(k)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                errs.append(f"findings[{i}].{k} missing / not a positive int")
        for k in ("notes", "fixits"):
            if not isinstance(fd.get(k), list):
                errs.append(f"findings[{i}].{k} missing / not a list")
        if isinstance(fd.get("check"), str) and fd["check"] not in CHECK_IDS:
            errs.append(f"findings[{i}].check unknown id {fd['check']!r}")
    return errs


class SchemaError(Exception):
    pass


def schema_validate(inst, sch, root, path="$", errs=None):
    """Small JSON-schema (draft-07 subset) validator: type, const, enum,
    required, properties, additionalProperties, items, allOf, $ref, minimum,
    minLength, pattern.  Returns a list of error strings."""
    if errs is None:
        errs = []
    if "$ref" in sch:
        ref = sch["$ref"]
        if not ref.startswith("#/"):
            raise SchemaError(f"unsupported $ref {ref}")
        node = root
        for part in ref[2:].split("/"):
            node = node[part]
        schema_validate(inst, node, root, path, errs)
    for sub in sch.get("allOf", []):
        schema_validate(inst, sub, root, path, errs)
    t = sch.get("type")
    types = {"object": dict, "array": list, "string": str, "boolean": bool,
             "integer": int, "number": (int, float), "null": type(None)}
    if t:
        ok = isinstance(inst, types[t]) and not (t in ("integer", "number") and isinstance(inst, bool))
        if not ok:
            errs.append(f"{path}: expected {t}")
            return errs
    if "const" in sch and inst != sch["const"]:
        errs.append(f"{path}: expected {sch['const']!r}")
    if "enum" in sch and inst not in sch["enum"]:
        errs.append(f"{path}: {inst!r} not in {sch['enum']}")
    if isinstance(inst, (int, float)) and not isinstance(inst, bool) and "minimum" in sch \
            and inst < sch["minimum"]:
        errs.append(f"{path}: {inst} < {sch['minimum']}")
    if isinstance(inst, str):
        if len(inst) < sch.get("minLength", 0):
            errs.append(f"{path}: shorter than {sch['minLength']}")
        if "pattern" in sch and not re.search(sch["pattern"], inst):
            errs.append(f"{path}: {inst!r} does not match {sch['pattern']}")
    if isinstance(inst, dict):
        for k in sch.get("required", []):
            if k not in inst:
                errs.append(f"{path}: missing {k}")
        props = sch.get("properties", {})
        for k, v in inst.items():
            if k in props:
                schema_validate(v, props[k], root, f"{path}.{k}", errs)
            elif sch.get("additionalProperties") is False:
                errs.append(f"{path}: unexpected key {k}")
    if isinstance(inst, list) and "items" in sch:
        for i, v in enumerate(inst):
            schema_validate(v, sch["items"], root, f"{path}[{i}]", errs)
    return errs


DIAG_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>warning|error|remark|fatal error): (?P<msg>.*)$")
MODSAFE_TAG = re.compile(r"\[modsafe-(?P<id>[a-z-]+)\]")


def stderr_diags(err):
    """(file, line, check) of modsafe diagnostics on stderr."""
    out = set()
    for line in err.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        t = MODSAFE_TAG.search(m.group("msg"))
        if t:
            out.add((rel(m.group("file")), int(m.group("line")), t.group("id")))
    return out


def error_lines(err):
    res = []
    for line in err.splitlines():
        if re.search(r"\berror:", line) or any(p in line for p in CRASH_PATTERNS):
            res.append(line)
    return res


def crash_lines(err):
    return [l for l in err.splitlines() if any(p in l for p in CRASH_PATTERNS)]


# --------------------------------------------------------------------------
# mutant candidates
# --------------------------------------------------------------------------

def strip_comments(text):
    """Blank out comments and string literals, keeping offsets and newlines."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                if out[k] != "\n":
                    out[k] = " "
            i = j + 1
        else:
            i += 1
    return "".join(out)


DEF_RE = re.compile(
    r"^[ \t]*(?P<quals>(?:(?:static|const|__read_mostly|__maybe_unused|__ro_after_init)\s+)*)"
    r"struct\s+(?P<type>" + "|".join(MUTANT_TYPES) + r")\s+"
    r"(?:(?:const|__read_mostly|__ro_after_init|__maybe_unused)\s+)*"
    r"(?P<var>[A-Za-z_]\w*)\s*(?:__\w+(?:\([^)]*\))?\s*)*=\s*\{", re.M)
OWNER_LINE_RE = re.compile(r"^\s*\.owner\s*=\s*THIS_MODULE\s*,?\s*$")


def line_of(text, off):
    return text.count("\n", 0, off) + 1


def enclosing_initializer_type(clean, k):
    """Type name T when offset k lies inside `struct T name = { ... }`."""
    depth = 0
    i = k - 1
    lo = max(0, k - 4000)
    while i >= lo:
        ch = clean[i]
        if ch == "}":
            depth += 1
        elif ch == "{":
            if depth == 0:
                m = re.search(r"struct\s+(\w+)\s+\w+(?:\s+__\w+)*\s*=\s*$", clean[max(0, i - 200):i])
                return m.group(1) if m else None
            depth -= 1
        elif ch == ";" and depth == 0:
            return None
        i -= 1
    return None


def classify_use(clean, var, def_start, def_end):
    """How the variable is used in its file: 'owner-used', 'pinned' or
    'unknown' (plus the evidence)."""
    kinds = []
    for m in re.finditer(r"\b" + re.escape(var) + r"\b", clean):
        if def_start <= m.start() < def_end:
            continue
        # the statement text before the use
        k = m.start()
        lo = clean.rfind(";", 0, k)
        before = clean[max(lo + 1, k - 400):k]
        # for designated initialisers, only the text after the last ',' or '{'
        cut = max(before.rfind(","), before.rfind("{"))
        tail = before[cut + 1:] if cut >= 0 else before
        ln = line_of(clean, k)
        enclosing = enclosing_initializer_type(clean, k)
        if enclosing == "miscdevice":
            kinds.append(("owner-used", ln, "miscdevice"))
        elif re.search(r"cdev\s*(?:\.|->)\s*ops\s*=\s*&?\s*$", tail):
            kinds.append(("pinned", ln, "cdev.ops"))
        elif OWNER_USING_CALL.search(before) and not PINNED_CALL.search(before):
            kinds.append(("owner-used", ln, OWNER_USING_CALL.search(before).group(1)))
        elif OWNER_USING_FIELD.search(tail):
            kinds.append(("owner-used", ln, ".fops"))
        elif PINNED_CALL.search(before):
            kinds.append(("pinned", ln, "cdev_init"))
        elif PINNED_FIELD.search(tail):
            kinds.append(("pinned", ln, PINNED_FIELD.search(tail).group(1)))
        else:
            kinds.append(("other", ln, ""))
    if any(k[0] == "owner-used" for k in kinds) and not any(k[0] == "pinned" for k in kinds):
        cls = "owner-used"
    elif any(k[0] == "pinned" for k in kinds):
        cls = "pinned"
    else:
        cls = "unknown"
    ev = ", ".join(f"{k[2] or k[0]}@{k[1]}" for k in kinds if k[0] != "other")
    return cls, ev


def find_candidates(src_rel):
    path = os.path.join(C.ksrc, src_rel)
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
    except OSError:
        return []
    if "THIS_MODULE" not in text:
        return []
    clean = strip_comments(text)
    lines = text.split("\n")
    res = []
    for m in DEF_RE.finditer(clean):
        if "static" not in m.group("quals").split():
            continue
        # matching brace
        i = m.end() - 1
        depth = 0
        j = i
        while j < len(clean):
            if clean[j] == "{":
                depth += 1
            elif clean[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if depth != 0:
            continue
        body_first = line_of(clean, i)
        body_last = line_of(clean, j)
        owner_lines = [ln for ln in range(body_first + 1, body_last)
                       if OWNER_LINE_RE.match(lines[ln - 1])]
        if len(owner_lines) != 1:
            continue
        def_line = line_of(clean, m.start("var"))
        start_line = line_of(clean, m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
        cls, ev = classify_use(clean, m.group("var"), m.start(), j)
        res.append(dict(file=src_rel, var=m.group("var"), type=m.group("type"),
                        def_line=def_line, start_line=start_line,
                        owner_line=owner_lines[0], use=cls, evidence=ev))
    return res


def load_exclusions(path):
    ex = {}
    if not os.path.exists(path):
        return ex
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key, _, reason = line.partition("#")
            key = key.strip()
            if ":" not in key:
                print(f"WARNING: {path}:{n}: expected 'file:variable  # reason'", flush=True)
                continue
            if not reason.strip():
                print(f"WARNING: {path}:{n}: exclusion without a reason comment", flush=True)
            ex[key] = reason.strip()
    return ex


def _round_robin(groups, cap):
    queues = [list(v) for _, v in sorted(groups.items())]
    out = []
    while len(out) < cap and any(queues):
        for q in queues:
            if q and len(out) < cap:
                out.append(q.pop(0))
    return out


def select_mutants(cands, cap):
    """Deterministic and diverse: round-robin over the kind of interface the
    structure is handed to (miscdevice, .fops, debugfs, register_filesystem,
    ...); inside a kind, round-robin over top-level directories
    (drivers/char, fs/adfs, ...); inside a directory, by file and line."""
    def kind(c):
        return re.split(r"[@,]", c["evidence"] or "?")[0].strip()

    def top(c):
        return "/".join(c["file"].split("/")[:2])
    by_kind = collections.defaultdict(list)
    for c in cands:
        by_kind[(c["type"], kind(c))].append(c)
    groups = {}
    for k, lst in by_kind.items():
        by_top = collections.defaultdict(list)
        for c in sorted(lst, key=lambda c: (c["file"], c["def_line"])):
            by_top[top(c)].append(c)
        groups[k] = _round_robin(by_top, len(lst))
    return _round_robin(groups, cap)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def lock_tree(ksrc):
    """One user of the kernel tree at a time: two runs that mutate, restore
    and rebuild the same sources would corrupt each other's results.
    integration.sh holds the lock already and says so in the environment."""
    if os.environ.get("MODSAFE_KERNEL_LOCKED") == "1":
        return None
    import fcntl
    f = open(os.path.join(os.path.dirname(os.path.abspath(ksrc)), ".modsafe.lock"), "a")
    fcntl.flock(f, fcntl.LOCK_EX)
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plugin")
    ap.add_argument("--summary")
    ap.add_argument("--ksrc", required=True)
    ap.add_argument("--llvm", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dirs", default="")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--max-mutants", type=int, default=30)
    ap.add_argument("--exclusions", default="")
    ap.add_argument("--plugin-args", default="")
    ap.add_argument("--schema", default="")
    ap.add_argument("--restore-only", action="store_true")
    a = ap.parse_args()
    _lock = lock_tree(a.ksrc)  # held until exit

    C.ksrc = a.ksrc
    C.ksrc_real = os.path.realpath(a.ksrc)
    C.llvm = a.llvm
    C.out = a.out
    C.jobs = a.jobs
    C.llvm_ar = "llvm-ar" if a.llvm == "1" else f"llvm-ar{a.llvm}"
    os.makedirs(C.out, exist_ok=True)

    if a.restore_only:
        for s in restore_all():
            print(f"restored {s}")
        return 0

    # Work on a private copy: the plugin may be rebuilt while this runs.
    os.makedirs(os.path.join(C.out, "plugin"), exist_ok=True)
    C.plugin = os.path.join(C.out, "plugin", os.path.basename(a.plugin))
    shutil.copy2(os.path.realpath(a.plugin), C.plugin + ".tmp")
    os.replace(C.plugin + ".tmp", C.plugin)
    C.schema_path = a.schema
    C.schema = None
    if a.schema and os.path.exists(a.schema):
        with open(a.schema) as f:
            C.schema = json.load(f)
    C.extra_plugin_args = a.plugin_args.split()
    dirs = [d.strip().rstrip("/") for d in a.dirs.split() if d.strip()]
    summary = a.summary or os.path.join(C.out, "missing-owner-findings.json")

    def on_signal(sig, _frm):
        raise KeyboardInterrupt(f"signal {sig}")
    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, on_signal)

    stale = restore_all()
    if stale:
        log(f"restored sources left modified by an interrupted run: {stale}")
    try:
        run(dirs, summary, a)
    finally:
        restored = restore_all()
        if restored:
            log(f"restored {len(restored)} source file(s)")
    print()
    if C.failures:
        print("Failed assertions:")
        for f in C.failures:
            print(f"  - {f}")
    print(f"{C.passed} passed, {C.failed} failed")
    return 0 if C.failed == 0 else 1


def run(dirs, summary, a):
    t_start = time.time()
    targets = [d + "/" for d in dirs]
    log(f"kernel tree {C.ksrc}, make LLVM={C.llvm} -j{C.jobs}")
    log(f"plugin {C.plugin}")
    log(f"dirs: {' '.join(targets)}")
    if " " in C.out or " " in C.plugin:
        check(False, "paths without spaces (KCFLAGS cannot quote them)", f"{C.out} {C.plugin}")
        return

    for d in os.listdir(C.out):
        if re.match(r"(reports|mutant-reports-\d+|orig-reports-\d+)-\d+$", d):
            shutil.rmtree(os.path.join(C.out, d), ignore_errors=True)
        elif d.startswith("reports-current"):
            os.remove(os.path.join(C.out, d))

    # ---------------- baseline (no plugin) --------------------------------
    log("baseline build without the plugin (no-op when already built that way)")
    rc, out, err, dt = make(targets, "", "baseline")
    log(f"baseline build: rc={rc} in {dt:.0f}s")
    if not check(rc == 0, "baseline build without plugin succeeds (CONFIG_WERROR=y)",
                 "\n".join(error_lines(err)[:30]) or err[-3000:]):
        return
    objs = build_objects(dirs)
    c_objs = []
    for o in objs:
        cmd, src = read_cmd(o)
        if src and src.endswith(".c") and cmd and " -c " in f" {cmd} ":
            c_objs.append((o, src, cmd))
    log(f"{len(objs)} objects in the build, {len(c_objs)} compiled from C")
    check(len(c_objs) > 0, "the build has C translation units")
    leaked = [o for o, _, cmd in c_objs if "-fplugin" in cmd]
    check(not leaked, "baseline objects were built without -fplugin", "\n".join(leaked[:20]))
    base_dir = os.path.join(C.out, "baseline-objs")
    shutil.rmtree(base_dir, ignore_errors=True)
    for o in objs:
        dst = os.path.join(base_dir, o)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(C.ksrc, o), dst)

    # ---------------- a. plugin build ----------------------------------------
    C.targets = targets
    C.report_link = os.path.join(C.out, "reports-current")
    C.kcflags_plugin = plugin_kcflags(C.report_link)
    report_dir = fresh_report_dir("reports")
    log("build with the plugin (forces a full recompile: KCFLAGS changes the command line)")
    t_plugin = time.time()
    rc, out, err, dt = make(targets, C.kcflags_plugin, "plugin")
    log(f"plugin build: rc={rc} in {dt:.0f}s")
    crashes = crash_lines(err)
    check(not crashes, "no compiler crash with the plugin",
          "\n".join(crashes[:20]) + f"\n(see {C.out}/plugin.stderr)")
    errs = error_lines(err)
    check(not errs, "no error: lines with the plugin", "\n".join(errs[:30]))
    check(rc == 0, "plugin build succeeds under CONFIG_WERROR=y",
          f"make exit {rc}; see {C.out}/plugin.stderr")
    cc_lines = collections.Counter(l.split()[-1] for l in out.splitlines()
                                   if re.match(r"^\s+CC\b", l))
    twice = sorted(o for o, n in cc_lines.items() if n > 1)
    check(not twice, "kbuild compiled each object once", "\n".join(twice[:20]))
    objs2 = build_objects(dirs)
    check(objs2 == objs, "same object set with and without the plugin",
          f"only without: {sorted(set(objs) - set(objs2))[:10]}\n"
          f"only with: {sorted(set(objs2) - set(objs))[:10]}")
    not_rebuilt = []
    tu_info = {}
    for o, src, _ in c_objs:
        cmd, _ = read_cmd(o)
        mt = os.path.getmtime(os.path.join(C.ksrc, o))
        if not cmd or C.report_link not in cmd or mt < t_plugin - 1:
            not_rebuilt.append(o)
        tu_info[rel(src)] = dict(obj=o, module=bool(cmd and re.search(r"(^|\s)-DMODULE(\s|$)", cmd)))
    check(not not_rebuilt, f"all {len(c_objs)} C objects were recompiled with the plugin "
          f"(.cmd has the report dir, mtime after start)", "\n".join(not_rebuilt[:20]))
    # Objects compiled by this build but not linked as they are (e.g.
    # lkdtm's rodata.o, objcopy'd into rodata_objcopy.o) are TUs too.
    extra_tus = []
    for d in dirs:
        for root, subdirs, files in os.walk(os.path.join(C.ksrc, d)):
            subdirs.sort()
            for fn in sorted(files):
                if not (fn.startswith(".") and fn.endswith(".o.cmd")):
                    continue
                o = os.path.relpath(os.path.join(root, fn[1:-4]), C.ksrc)
                cmd, src = read_cmd(o)
                if src and src.endswith(".c") and cmd and C.report_link in cmd \
                        and rel(src) not in tu_info:
                    tu_info[rel(src)] = dict(obj=o, module=bool(re.search(r"(^|\s)-DMODULE(\s|$)", cmd)))
                    extra_tus.append(o)
    if extra_tus:
        log(f"{len(extra_tus)} more C object(s) compiled outside built-in.a / modules: "
            + ", ".join(extra_tus[:8]))

    reports = load_reports(report_dir)
    bad_json = [f"{p}: {e}" for p, r, e in reports if e]
    check(not bad_json, f"all {len(reports)} reports are valid JSON", "\n".join(bad_json[:20]))
    schema = []
    by_main = collections.defaultdict(list)
    for p, r, e in reports:
        if e:
            continue
        probs = validate_report(r)
        if C.schema and not probs:
            probs = schema_validate(r, C.schema, C.schema)
        if probs:
            schema.append(f"{os.path.basename(p)}: {'; '.join(probs[:5])}")
        if isinstance(r, dict) and isinstance(r.get("main_file"), str):
            by_main[rel(r["main_file"], r.get("working_directory"))].append((p, r))
    check(not schema, "every report has the documented fields and types"
          + (f" ({os.path.basename(C.schema_path)})" if C.schema else ""), "\n".join(schema[:20]))
    expected = set(tu_info)

    def in_dirs(m):
        return any(m.startswith(d + "/") for d in dirs)
    # KCFLAGS also reaches what `prepare` compiles (asm-offsets.c, bounds.c,
    # scripts/mod/*.c) and compiler probes on /dev/null: those reports are
    # validated above but are not TUs of the tested directories.
    outside = sorted(m for m in by_main if not in_dirs(m))
    if outside:
        log(f"{len(outside)} report(s) outside the tested dirs (prepare stage / probes): "
            + ", ".join(outside[:8]))
    got = {m for m in by_main if in_dirs(m)}
    dup = {k: len(v) for k, v in by_main.items() if len(v) > 1 and in_dirs(k)}
    check(got == expected and not dup,
          f"one report per compiled TU ({len(expected)} TUs, {len(got)} reports for them)",
          f"missing: {sorted(expected - got)[:15]}\nunexpected: {sorted(got - expected)[:15]}\n"
          f"duplicates: {dict(list(dup.items())[:10])}")
    wrong_mod = [f"{m}: report module={by_main[m][0][1].get('module')} kbuild -DMODULE={tu_info[m]['module']}"
                 for m in sorted(expected & got)
                 if by_main[m][0][1].get("module") != tu_info[m]["module"]]
    check(not wrong_mod, "report 'module' flag matches kbuild's -DMODULE", "\n".join(wrong_mod[:20]))

    findings = []
    for m, lst in sorted((m, l) for m, l in by_main.items() if in_dirs(m)):
        r = lst[0][1]
        for fd in r.get("findings") or []:
            if isinstance(fd, dict):
                findings.append((m, r, fd))
    hdr = [f"{m}: {fd.get('check')} in {fd.get('file')}:{fd.get('line')}"
           for m, r, fd in findings if rel(fd.get("file")) != m]
    check(not hdr, "findings are in the main file only (default)", "\n".join(hdr[:20]))
    nonmod = [f"{m}:{fd.get('line')}" for m, r, fd in findings
              if fd.get("check") == "missing-owner" and r.get("module") is not True]
    check(not nonmod, "missing-owner only in module TUs", "\n".join(nonmod[:20]))
    rep_set = {(rel(fd.get("file")), fd.get("line"), fd.get("check")) for m, r, fd in findings}
    diag_set = {d for d in stderr_diags(err) if in_dirs(d[0])}
    check(rep_set == diag_set,
          f"stderr [modsafe-*] diagnostics match report findings ({len(diag_set)} vs {len(rep_set)})",
          f"only in reports: {sorted(rep_set - diag_set, key=str)[:10]}\n"
          f"only on stderr: {sorted(diag_set - rep_set, key=str)[:10]}")
    counts = collections.Counter(fd.get("check") for _, _, fd in findings)
    log(f"findings on unmodified sources: {sum(counts.values())} "
        + (", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "(none)"))

    # ---------------- b. byte-identical objects ------------------------------
    diff = []
    for o in objs:
        a_ = os.path.join(base_dir, o)
        b_ = os.path.join(C.ksrc, o)
        if subprocess.call(["cmp", "-s", a_, b_]) != 0:
            diff.append(o)
    check(not diff, f"all {len(objs)} objects byte-identical with and without the plugin",
          "\n".join(diff[:20]))

    # ---------------- d. summary of missing-owner findings -------------------
    mo = []
    for m, r, fd in findings:
        if fd.get("check") != "missing-owner":
            continue
        var = variable_at(rel(fd.get("file")), fd.get("line"), fd.get("column"))
        mo.append(dict(file=rel(fd.get("file")), line=fd.get("line"), column=fd.get("column"),
                       variable=var, message=fd.get("message"), rule=fd.get("rule"),
                       severity=fd.get("severity"), notes=fd.get("notes"),
                       fixits=fd.get("fixits"), module=r.get("module")))
    os.makedirs(os.path.dirname(os.path.abspath(summary)), exist_ok=True)
    with open(summary, "w") as f:
        json.dump(dict(kernel=C.ksrc, dirs=dirs, tus=len(expected),
                       findings_by_check=dict(sorted(counts.items())),
                       missing_owner=mo), f, indent=1)
    log(f"{len(mo)} missing-owner finding(s) on unmodified sources -> {summary}")
    for x in mo:
        print(f"  missing-owner {x['file']}:{x['line']}  {x['variable'] or '?'}  {x['message']}")

    # ---------------- c. mutants --------------------------------------------
    run_mutants(tu_info, by_main, report_dir, a)
    log(f"total {time.time() - t_start:.0f}s")


def variable_at(f, line, col):
    try:
        with open(os.path.join(C.ksrc, f), errors="replace") as fh:
            text = fh.read().split("\n")
        s = text[line - 1]
    except (OSError, IndexError, TypeError):
        return None
    if isinstance(col, int) and col >= 1:
        m = re.match(r"[A-Za-z_]\w*", s[col - 1:])
        if m and m.group(0) not in ("static", "const", "struct"):
            return m.group(0)
    m = re.search(r"struct\s+\w+\s+(?:const\s+)?([A-Za-z_]\w*)\s*(?:__\w+\s*)*=", s)
    return m.group(1) if m else None


def mo_at(reports_for_file, src, lines):
    hits = []
    for r in reports_for_file:
        for fd in r.get("findings") or []:
            if isinstance(fd, dict) and fd.get("check") == "missing-owner" \
                    and rel(fd.get("file")) == src:
                hits.append(fd.get("line"))
    return [h for h in hits if h in lines], hits


def run_mutants(tu_info, by_main, report_dir, a):
    cands = []
    for src in sorted(tu_info):
        if tu_info[src]["module"]:
            cands += find_candidates(src)
    excl = load_exclusions(a.exclusions) if a.exclusions else {}
    cls = collections.Counter(c["use"] for c in cands)
    log(f"mutant candidates (static {'/'.join(MUTANT_TYPES)} with one `.owner = THIS_MODULE` "
        f"line, in module TUs): {len(cands)}: " + ", ".join(f"{k}={v}" for k, v in sorted(cls.items())))
    with open(os.path.join(C.out, "mutant-candidates.json"), "w") as f:
        json.dump(cands, f, indent=1)
    usable = [c for c in cands if c["use"] == "owner-used"
              and f"{c['file']}:{c['var']}" not in excl]
    excluded = [c for c in cands if f"{c['file']}:{c['var']}" in excl]
    sel = select_mutants(usable, a.max_mutants)
    log(f"selected {len(sel)} mutants (cap {a.max_mutants}); {len(excluded)} excluded by "
        f"{os.path.basename(a.exclusions) if a.exclusions else '-'}")
    if not sel:
        check(False, "there are mutants to run")
        return

    # original must not report at the definition (step-a report)
    for c in sel:
        lines = {c["def_line"], c["start_line"]}
        at, _ = mo_at([r for _, r in by_main.get(c["file"], [])], c["file"], lines)
        c["orig_plugin_build"] = bool(at)

    # rounds: at most one mutant per file per make invocation
    rounds = []
    for c in sel:
        for rd in rounds:
            if all(x["file"] != c["file"] for x in rd):
                rd.append(c)
                break
        else:
            rounds.append([c])
    os.makedirs(os.path.join(C.out, "backup"), exist_ok=True)
    orig_problems = []
    for ri, rd in enumerate(rounds):
        j = journal_load()
        for c in rd:
            src = os.path.join(C.ksrc, c["file"])
            bk = os.path.join(C.out, "backup", c["file"].replace("/", "__"))
            if src not in j:
                shutil.copy2(src, bk)
                j[src] = bk
        journal_save(j)
        for c in rd:
            src = os.path.join(C.ksrc, c["file"])
            with open(src, "rb") as f:
                lines = f.read().split(b"\n")
            assert OWNER_LINE_RE.match(lines[c["owner_line"] - 1].decode("utf-8", "replace")), c
            del lines[c["owner_line"] - 1]
            with open(src, "wb") as f:
                f.write(b"\n".join(lines))
        rdir = fresh_report_dir(f"mutant-reports-{ri}")
        t_round = time.time()
        objs = [tu_info[c["file"]]["obj"] for c in rd]
        log(f"mutant round {ri + 1}/{len(rounds)}: {len(objs)} object(s)")
        rc, out, err, dt, compiled, twice = make_dirs(f"mutants-{ri}")
        reps = collections.defaultdict(list)
        for p, r, e in load_reports(rdir):
            if r and isinstance(r, dict) and isinstance(r.get("main_file"), str):
                reps[rel(r["main_file"], r.get("working_directory"))].append(r)
        for c in rd:
            o = tu_info[c["file"]]["obj"]
            cmd, _ = read_cmd(o)
            c["module_flag"] = bool(cmd and re.search(r"(^|\s)-DMODULE(\s|$)", cmd))
            c["built"] = bool(cmd and C.report_link in cmd) and rc == 0 and o not in twice \
                and compiled[o] == 1 and os.path.getmtime(os.path.join(C.ksrc, o)) >= t_round - 1 \
                and c["module_flag"] == tu_info[c["file"]]["module"]
            c["crash"] = crash_lines(err)
            if compiled[o] != 1 or c["module_flag"] != tu_info[c["file"]]["module"]:
                c["crash"].append(f"harness: {o} compiled {compiled[o]} time(s) "
                                  f"with -DMODULE={c['module_flag']} (full build: "
                                  f"{tu_info[c['file']]['module']})")
            c["changed"] = subprocess.call(
                ["cmp", "-s", os.path.join(C.out, "baseline-objs", o), os.path.join(C.ksrc, o)]) != 0
            at, allh = mo_at(reps.get(c["file"], []), c["file"], {c["def_line"], c["start_line"]})
            c["detected"] = bool(at)
            c["mo_lines"] = allh
            c["has_report"] = c["file"] in reps
        if rc != 0:
            print("\n".join(error_lines(err)[:20]))
        restore_all()

        # recompile the restored originals now (brings their objects back,
        # before a later round may mutate the same file again) and check them
        rdir = fresh_report_dir(f"orig-reports-{ri}")
        rc, out, err, dt, compiled, twice = make_dirs(f"originals-{ri}")
        missed = [o for o in objs if compiled[o] != 1]
        orig_problems += error_lines(err)[:20] + [f"compiled twice: {o}" for o in twice] \
            + [f"not recompiled: {o}" for o in missed] + ([f"make exit {rc}"] if rc else [])
        reps = collections.defaultdict(list)
        for p, r, e in load_reports(rdir):
            if r and isinstance(r, dict) and isinstance(r.get("main_file"), str):
                reps[rel(r["main_file"], r.get("working_directory"))].append(r)
        for c in rd:
            at, _ = mo_at(reps.get(c["file"], []), c["file"], {c["def_line"], c["start_line"]})
            c["orig_reported"] = bool(at) or c["orig_plugin_build"]
            c["orig_has_report"] = c["file"] in reps
            o = tu_info[c["file"]]["obj"]
            c["restored_identical"] = subprocess.call(
                ["cmp", "-s", os.path.join(C.out, "baseline-objs", o), os.path.join(C.ksrc, o)]) == 0

    check(not orig_problems and all(c["orig_has_report"] for c in sel),
          "restored originals recompile with the plugin (one report each)",
          "\n".join(orig_problems[:20] + [f"no report: {c['file']}" for c in sel
                                         if not c["orig_has_report"]]))
    check(all(c["restored_identical"] for c in sel),
          "restored originals' objects are byte-identical to the baseline",
          "\n".join(c["file"] for c in sel if not c["restored_identical"]))

    # table
    print()
    print(f"{'file':<48} {'variable':<28} {'type':<24} {'line':>5}  detected  original")
    print("-" * 124)
    for c in sel:
        if not c["built"]:
            det = "BUILD-FAIL"
        elif not c["changed"]:
            det = "inactive"
        else:
            det = "yes" if c["detected"] else "NO"
        orig = "REPORTED" if c["orig_reported"] else "clean"
        print(f"{c['file']:<48} {c['var']:<28} {c['type']:<24} {c['def_line']:>5}  {det:<9} {orig}")
    print()
    with open(os.path.join(C.out, "mutants.json"), "w") as f:
        json.dump(sel, f, indent=1)

    for c in sel:
        tag = f"{c['file']}:{c['var']}"
        if not c["built"]:
            check(False, f"mutant {tag} builds with the plugin (no -Werror failure, no crash)",
                  "\n".join(c["crash"][:10]))
            continue
        if not c["changed"]:
            # the structure is not compiled in this configuration (#ifdef) or
            # is unused: deleting its owner changes nothing, nothing to find.
            print(f"SKIP: mutant {tag}: object unchanged by the mutation (structure not emitted)")
            continue
        extra = ""
        if not c["detected"]:
            extra = (f"UNDETECTED MUTANT (tool defect or expected non-finding?): {tag} "
                     f"(struct {c['type']} at line {c['def_line']}, uses: {c['evidence'] or '?'}; "
                     f"missing-owner lines reported in file: {c['mo_lines'] or 'none'}; "
                     f"report present: {c['has_report']}). If justified, add "
                     f"'{tag}  # reason' to test/kernel/mutant-exclusions.txt")
        check(c["detected"], f"mutant {tag}: missing-owner reported at line {c['def_line']}", extra)
        check(not c["orig_reported"], f"original {tag}: no missing-owner finding")
    if excluded:
        print("Excluded mutants (test/kernel/mutant-exclusions.txt):")
        for c in excluded:
            print(f"  {c['file']}:{c['var']}  # {excl.get(c['file'] + ':' + c['var'])}")
    other = [c for c in cands if c["use"] != "owner-used"]
    if other:
        print(f"Not mutated ({len(other)} candidates whose structure is pinned or whose use "
              f"was not recognised; see {C.out}/mutant-candidates.json)")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as e:
        print(f"interrupted: {e}", file=sys.stderr)
        sys.exit(130)
