#!/usr/bin/env bash
# modsafe kernel integration test.
#
#   test/kernel/integration.sh PLUGIN_SO [SUMMARY_JSON]
#
# Prepares the kernel tree (test/kernel/prepare.sh, a no-op when done), builds
# a set of driver directories without and with the plugin, checks crashes,
# reports, byte-identical objects and owner-deletion mutants, and writes the
# missing-owner findings of the unmodified sources to SUMMARY_JSON (default
# $MODSAFE_INTEGRATION_OUT/missing-owner-findings.json).  Ends with
# "N passed, M failed"; exit 0 only when nothing failed.
#
# Env: MODSAFE_KERNEL_DIR (default /var/tmp/modsafe-kernel)
#      MODSAFE_INTEGRATION_OUT (default $MODSAFE_KERNEL_DIR/integration-out)
#      MODSAFE_KDIRS   directories to build (default below)
#      MODSAFE_MAX_MUTANTS (default 30), MODSAFE_JOBS (default nproc)
#      MODSAFE_PLUGIN_ARGS extra flags, e.g. "-fplugin-arg-modsafe-foo=1"
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 PLUGIN_SO [SUMMARY_JSON]" >&2; exit 2
fi
PLUGIN=$(realpath -e "$1") || { echo "no plugin: $1" >&2; exit 2; }
SUMMARY=${2:-}

DEFAULT_KDIRS="drivers/watchdog drivers/char drivers/char/ipmi drivers/misc drivers/block
 drivers/tty drivers/platform/x86
 fs/efs fs/romfs fs/cramfs fs/minix fs/qnx4 fs/qnx6 fs/bfs fs/freevxfs fs/hpfs
 fs/omfs fs/sysv fs/ufs fs/adfs fs/affs fs/befs fs/zonefs"
KDIRS=${MODSAFE_KDIRS:-$DEFAULT_KDIRS}
OUT=${MODSAFE_INTEGRATION_OUT:-$MODSAFE_KERNEL_DIR/integration-out}

T0=$(date +%s)
"$HERE/prepare.sh"
ms_pick_llvm

mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[ -n "$SUMMARY" ] && SUMMARY=$(realpath -m "$SUMMARY")
# Same lock as prepare.sh: one kernel-tree user at a time.
exec 9>"$MODSAFE_KERNEL_DIR/.modsafe.lock"
flock 9
export MODSAFE_KERNEL_LOCKED=1  # integration.py: the lock is ours already

PYARGS=(--ksrc "$KSRC" --llvm "$MS_LLVM" --out "$OUT" --jobs "$MODSAFE_JOBS")
# Safety net: whatever happens to python, put the mutated sources back.
trap 'python3 "$HERE/integration.py" "${PYARGS[@]}" --restore-only >/dev/null 2>&1 || true' EXIT

set +e
python3 "$HERE/integration.py" "${PYARGS[@]}" \
    --plugin "$PLUGIN" ${SUMMARY:+--summary "$SUMMARY"} \
    --dirs "$KDIRS" --max-mutants "${MODSAFE_MAX_MUTANTS:-30}" \
    --exclusions "$HERE/mutant-exclusions.txt" \
    --schema "$HERE/../../docs/report.schema.json" \
    --plugin-args "${MODSAFE_PLUGIN_ARGS:-}"
rc=$?

# examples/<check>/{broken,fixed}: out-of-tree modules (M=) against the same
# tree; the broken form must get a finding of <check>, the fixed form none.
ex_pass=0; ex_fail=0
for ex in "$HERE"/../../examples/*/; do
    check=$(basename "$ex")
    for form in broken fixed; do
        [ -f "$ex/$form/Kbuild" ] || continue
        work=$(mktemp -d "$OUT/example-$check-$form.XXXXXX")
        cp -r "$ex/$form/." "$work/"
        ms_make M="$work" KCFLAGS="-fplugin=$PLUGIN -fplugin-arg-modsafe-report-dir=$work/reports" \
            modules >"$work/build.log" 2>&1
        built=$?
        n=$(python3 - "$work/reports" "$check" <<'PY'
import glob, json, sys
n = 0
for f in glob.glob(sys.argv[1] + "/*.modsafe.json"):  # not the fact files
    n += sum(1 for x in json.load(open(f))["findings"] if x["check"] == sys.argv[2])
print(n)
PY
)
        if [ $built -ne 0 ]; then
            echo "FAIL: example $check/$form does not build (see $work/build.log)"; ex_fail=$((ex_fail+1))
        elif [ "$form" = broken ] && [ "$n" -gt 0 ]; then
            echo "PASS: example $check/broken: $n $check finding(s)"; ex_pass=$((ex_pass+1))
        elif [ "$form" = fixed ] && [ "$n" -eq 0 ]; then
            echo "PASS: example $check/fixed: no $check finding"; ex_pass=$((ex_pass+1))
        else
            echo "FAIL: example $check/$form: $n $check finding(s)"; ex_fail=$((ex_fail+1))
        fi
    done
done
echo "examples: $ex_pass passed, $ex_fail failed"
[ $ex_fail -eq 0 ] || rc=1
set -e
echo "integration: ${rc/#0/ok} (exit $rc) in $(( $(date +%s) - T0 ))s; logs in $OUT" >&2
exit $rc
