#!/usr/bin/env bash
# Run modsafe -fsyntax-only over every .c file of kernel directories that
# the prepared tree did not build (the validation's "wide corpus").
#
#   test/kernel/wide-corpus.sh PLUGIN_SO OUTDIR DIR... [-- PLUGIN_ARGS...]
#
# Each file gets the kbuild flags of a module object of the prepared tree
# (drivers/char/ipmi/ipmi_msghandler.o) plus its own directory on the include
# path; files that need per-directory flags fail to compile and are counted,
# not analysed. Only files that use a lock, an irq/bh/preempt/RCU region or a
# callback interface are run (the others cannot give a sleep finding).
# Writes OUTDIR/<file>.log, OUTDIR/findings.txt (unique modsafe warnings,
# tree-relative) and OUTDIR/summary.txt. Never writes into the tree.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"
[ $# -ge 3 ] || { echo "usage: $0 PLUGIN_SO OUTDIR DIR... [-- PLUGIN_ARGS...]" >&2; exit 2; }
PLUGIN=$(realpath -e "$1"); OUT=$(realpath -m "$2"); shift 2
DIRS=(); while [ $# -gt 0 ] && [ "$1" != -- ]; do DIRS+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
EXTRA=("$@")
REF=drivers/char/ipmi/ipmi_msghandler
[ -f "$KSRC/$(dirname $REF)/.$(basename $REF).o.cmd" ] || ms_die "tree not prepared/built: run test/kernel/integration.sh first"
mkdir -p "$OUT"
cd "$KSRC"
# The reference command, without its output, dependency file and source.
CMD=$(sed -n "s/^\(saved\)\?cmd_[^ ]* := //p" "$(dirname $REF)/.$(basename $REF).o.cmd" | head -1 | sed 's/ ; .*//')
CMD=$(echo "$CMD" | sed "s| -c -o $REF.o $REF.c| -fsyntax-only|; s|-Wp,-MMD,[^ ]*||; s|-fplugin[^ ]*||g")
grep -l -r -E 'spin_lock|rcu_read_lock|preempt_disable|local_irq_|request_irq|request_threaded_irq|timer_setup|tasklet_|call_rcu|hrtimer|rcu_assign_pointer|RCU_INIT_POINTER|DEFINE_TIMER|local_bh_disable|read_lock|write_lock' \
    --include='*.c' "${DIRS[@]}" | sort > "$OUT/files.txt"
export CMD PLUGIN OUT KSRC
export EXTRA_ARGS="${EXTRA[*]:-}"
xargs -P "$MODSAFE_JOBS" -I{} bash -c '
    f={}; log="$OUT/$(echo "$f" | tr / _).log"
    eval "$CMD $KSRC/$f -I$KSRC/$(dirname "$f") -fplugin=$PLUGIN $EXTRA_ARGS" >"$log" 2>&1 || true
' < "$OUT/files.txt"
cat "$OUT"/*.log | grep -E 'warning: .*\[modsafe-' | sed "s|$KSRC/||" | sort -u > "$OUT/findings.txt" || true
failed=$( (grep -l -E ' error: ' "$OUT"/*.log || true) | wc -l)
{
    echo "files: $(wc -l < "$OUT/files.txt")"
    echo "did not compile (per-directory flags missing): $failed"
    echo "findings: $(wc -l < "$OUT/findings.txt")"
} | tee "$OUT/summary.txt"
