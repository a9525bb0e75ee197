#!/usr/bin/env python3
"""Mutation benchmark for modsafe's `missing-quiescence` check on Linux 6.1.

    test/kernel/quiescence-mutants.py PLUGIN_SO [--ksrc KSRC] [DIR...]

Candidates: every .c file of the directories (default: net drivers kernel
sound fs lib crypto security) that has a module_exit (or a module_*_driver
helper) and an unpublishing statement -- RCU_INIT_POINTER/rcu_assign_pointer
of NULL, rcu_replace_pointer, list/hlist _del_rcu, nf_unregister_net_hook(s),
nf_unregister_queue_handler, __dev_remove_pack, tracepoint_probe_unregister,
unregister_trace_*. For each unpublishing line followed within 15 lines by a
wait (synchronize_rcu/_net/_rcu_expedited/_srcu,
tracepoint_synchronize_unregister), the wait is deleted in a copy under
/tmp and the plugin run on the copy (the file's own kbuild command when the
tree built it, else the flags of drivers/char/ipmi/ipmi_msghandler.o plus
the file's directory). Prints one line per mutant: DETECTED, or not reported
(the wait guarded only the return, which the module loader's own
synchronize_rcu() covers in 6.1, or a free the check does not follow), and
a total. Never writes into the tree.
"""
import argparse, os, re, subprocess, sys, tempfile

UNPUB = re.compile(r'\b(RCU_INIT_POINTER|rcu_assign_pointer)\s*\([^,]*,\s*NULL\s*\)|'
                   r'\b(rcu_replace_pointer|h?list_del(_init)?_rcu|hlist_nulls_del_rcu|nf_unregister_net_hooks?|'
                   r'nf_unregister_queue_handler|__dev_remove_pack|tracepoint_probe_unregister|unregister_trace_\w+)\s*\(')
WAIT = re.compile(r'\b(synchronize_rcu|synchronize_net|synchronize_rcu_expedited|synchronize_srcu(_expedited)?|'
                  r'tracepoint_synchronize_unregister)\s*\([^;]*\);')
EXIT = re.compile(r'\bmodule_exit\s*\(|\bmodule_\w+_driver\s*\(')


def kbuild_cmd(ksrc, obj):
    d, b = os.path.split(obj)
    p = os.path.join(ksrc, d, '.%s.o.cmd' % b)
    if not os.path.exists(p):
        return None
    m = re.search(r'^(?:saved)?cmd_\S* := (.*)$', open(p).read(), re.M)
    if not m:
        return None
    c = m.group(1).split(' ; ')[0]
    c = re.sub(r' -c -o \S+ \S+\.c', ' -fsyntax-only', c)
    c = re.sub(r'-Wp,-MMD,\S*', '', c)
    return re.sub(r'-fplugin\S*', '', c)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('plugin')
    ap.add_argument('dirs', nargs='*', default=['net', 'drivers', 'kernel', 'sound', 'fs', 'lib', 'crypto', 'security'])
    ap.add_argument('--ksrc', default=os.environ.get('KSRC', '/var/tmp/modsafe-kernel/linux-source-6.1'))
    a = ap.parse_args()
    ref = kbuild_cmd(a.ksrc, 'drivers/char/ipmi/ipmi_msghandler')
    if not ref:
        sys.exit('error: %s is not prepared and built (run test/kernel/integration.sh)' % a.ksrc)
    tmp = tempfile.mkdtemp(prefix='modsafe-qmut-')
    total = hit = 0
    for d in a.dirs:
        for root, _, files in os.walk(os.path.join(a.ksrc, d)):
            for f in sorted(files):
                if not f.endswith('.c'):
                    continue
                path = os.path.join(root, f)
                text = open(path, errors='replace').read()
                if not EXIT.search(text) or not UNPUB.search(text):
                    continue
                rel = os.path.relpath(path, a.ksrc)
                lines = text.split('\n')
                for i, l in enumerate(lines):
                    if not UNPUB.search(l) or l.lstrip().startswith(('//', '*', '#')):
                        continue
                    j = next((k for k in range(i + 1, min(i + 16, len(lines))) if WAIT.search(lines[k])), None)
                    if j is None:
                        continue
                    mut = list(lines)
                    mut[j] = WAIT.sub('/* modsafe mutant: wait removed */', lines[j])
                    mf = os.path.join(tmp, f)
                    open(mf, 'w').write('\n'.join(mut))
                    cmd = kbuild_cmd(a.ksrc, rel[:-2]) or ref
                    r = subprocess.run('%s %s -I%s -fplugin=%s -fplugin-arg-modsafe-checks=-*,missing-quiescence'
                                       % (cmd, mf, os.path.dirname(path), a.plugin), shell=True,
                                       cwd=a.ksrc, capture_output=True, text=True)
                    found = [x for x in r.stderr.split('\n') if 'modsafe-missing-quiescence' in x]
                    state = 'DETECTED' if found else ('compile error' if ' error: ' in r.stderr else 'not reported')
                    total += 1
                    hit += bool(found)
                    print('%s:%d: wait at line %d removed -> %s' % (rel, i + 1, j + 1, state))
    print('mutants: %d, detected: %d' % (total, hit))


if __name__ == '__main__':
    main()
