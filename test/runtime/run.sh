#!/usr/bin/env bash
# The runtime shim's tests: test/runtime/run.sh BUILD_DIR
#
# Builds the runtime (libmodsafe-rt, modsafe-run, modsafe-modcc, the unit
# tests) three times, in BUILD_DIR/runtime-plain, BUILD_DIR/runtime-thread
# (ThreadSanitizer) and BUILD_DIR/runtime-address (AddressSanitizer +
# LeakSanitizer), and in each:
#   1. the unit tests (test/runtime/unit/test_*.c);
#   2. the module scenarios test/runtime/Inputs/*.msr, each run by modsafe-run
#      against the module(s) built from Inputs/*.c: the scenario's own
#      `expect` lines must hold, `#! stderr: REGEX` lines must match the
#      diagnostics, every JSON report must validate against the schema;
#   3. every example (examples/<check>/{broken,fixed}, built with its shim.mk,
#      driven by its scenario.msr): the broken form must get a run-time finding
#      of <check>, the fixed form none;
#   4. stress runs (seeded, replayable) of the examples.
# Once (plain build): the static side of the same examples, compiled with
# kbuild against Linux 6.1 with the plugin (BUILD_DIR/lib/modsafe.so), the
# broken form must get the static finding of <check>, the fixed form none;
# for each broken example the static and the dynamic finding are printed
# side by side. Without the kernel tree (or with MODSAFE_SKIP_KERNEL=1) that
# part is skipped, and said so.
#
# Any sanitizer report fails the test. Exit 0 only if everything passed.
# MODSAFE_RT_VARIANTS="plain thread address" selects builds; MODSAFE_JOBS (2).
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(realpath -m "$1")
JOBS=${MODSAFE_JOBS:-2}
VARIANTS=${MODSAFE_RT_VARIANTS:-plain thread address}
SCALE=4
OUT=$BUILD/runtime-tests
SCHEMA=$ROOT/docs/report.schema.json
VALIDATE=$ROOT/test/tools/validate-report.py
rm -rf "$OUT"
mkdir -p "$OUT"
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS: $*"; }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

export TSAN_OPTIONS="${TSAN_OPTIONS:-second_deadlock_stack=1 history_size=4}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
sanitizer_report() { grep -qE 'WARNING: ThreadSanitizer|ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:' "$1"; }

# checks found in a report directory, one per line
checks_in() {
	python3 - "$1" <<'PY'
import glob, json, sys
for f in sorted(glob.glob(sys.argv[1] + "/*.modsafe.json")):
    for x in json.load(open(f))["findings"]:
        print(x["check"], "%s:%d:%d" % (x["file"], x["line"], x["column"]), x["message"][:110], sep="\t")
PY
}

validate() { # DIR
	local f
	for f in "$1"/*.modsafe.json; do
		[ -e "$f" ] || continue
		python3 "$VALIDATE" "$SCHEMA" "$f" >/dev/null || return 1
	done
}

build_variant() { # VARIANT
	local v=$1 dir=$BUILD/runtime-$1 san=
	[ "$v" = plain ] || san=$v
	cmake -S "$ROOT/runtime" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMODSAFE_RT_SANITIZE="$san" \
		>"$OUT/cmake-$v.log" 2>&1 &&
		cmake --build "$dir" -j"$JOBS" >"$OUT/build-$v.log" 2>&1
}

# modules of the inputs and the examples (never instrumented: built once)
build_modules() { # BIN
	local modcc=$1/modsafe-modcc s d ex form
	mkdir -p "$OUT/mods"
	for s in "$ROOT"/test/runtime/Inputs/*.c; do
		"$modcc" -o "$OUT/mods/$(basename "$s" .c).ko.so" "$s" >>"$OUT/mods.log" 2>&1 ||
			{ ko "module $(basename "$s") does not build (see $OUT/mods.log)"; }
	done
	for ex in "$ROOT"/examples/*/; do
		for form in broken fixed; do
			d=$ex$form
			[ -f "$d/shim.mk" ] || continue
			make -s -f "$d/shim.mk" MODCC="$modcc" O="$OUT/ex/$(basename "$ex")/$form" >>"$OUT/mods.log" 2>&1 ||
				ko "example $(basename "$ex")/$form does not build against the shim (see $OUT/mods.log)"
		done
	done
}

run_scenarios() { # VARIANT BIN
	local v=$1 bin=$2 msr name src args mods rc log rep re m
	for msr in "$ROOT"/test/runtime/Inputs/*.msr; do
		name=$(basename "$msr" .msr)
		src=$(sed -n 's/^#! source: *//p' "$msr")
		args=$(sed -n 's/^#! args: *//p' "$msr")
		mods=$(sed -n 's/^#! modules: *//p' "$msr")
		[ -n "$mods" ] || mods=${src:-$name.c}
		local paths=()
		for m in $mods; do paths+=("$OUT/mods/$(basename "$m" .c).ko.so"); done
		log=$OUT/$v/scn-$name.log
		rep=$OUT/$v/scn-$name.reports
		mkdir -p "$OUT/$v"
		# shellcheck disable=SC2086
		timeout 120 "$bin/modsafe-run" --time-scale $SCALE $args -r "$rep" -s "$msr" "${paths[@]}" >"$log" 2>&1
		rc=$?
		if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then ko "[$v] scenario $name: exit $rc (see $log)"; continue; fi
		if sanitizer_report "$log"; then ko "[$v] scenario $name: sanitizer report (see $log)"; continue; fi
		if ! validate "$rep"; then ko "[$v] scenario $name: invalid report in $rep"; continue; fi
		local bad=0
		while IFS= read -r re; do
			grep -qE -- "$re" "$log" || { ko "[$v] scenario $name: no diagnostic matching '$re' (see $log)"; bad=1; }
		done < <(sed -n 's/^#! stderr: *//p' "$msr")
		[ $bad -eq 0 ] && ok "[$v] scenario $name"
	done
}

run_examples() { # VARIANT BIN
	local v=$1 bin=$2 ex check form dir mods rc log rep got
	for ex in "$ROOT"/examples/*/; do
		check=$(basename "$ex")
		for form in broken fixed; do
			[ -f "$ex$form/scenario.msr" ] || continue
			dir=$OUT/ex/$check/$form
			mods=$(awk '/^obj-m/ { for (i = 3; i <= NF; i++) print $i }' "$ex$form/Kbuild" | sed 's/\.o$/.ko.so/')
			local paths=()
			for m in $mods; do paths+=("$dir/$m"); done
			log=$OUT/$v/ex-$check-$form.log
			rep=$OUT/$v/ex-$check-$form.reports
			timeout 120 "$bin/modsafe-run" --time-scale $SCALE -r "$rep" -s "$ex$form/scenario.msr" "${paths[@]}" >"$log" 2>&1
			rc=$?
			if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then ko "[$v] example $check/$form: exit $rc (see $log)"; continue; fi
			if sanitizer_report "$log"; then ko "[$v] example $check/$form: sanitizer report (see $log)"; continue; fi
			if ! validate "$rep"; then ko "[$v] example $check/$form: invalid report in $rep"; continue; fi
			got=$(checks_in "$rep" | awk -F'\t' -v c="$check" '$1 == c' | head -1)
			if [ "$form" = broken ] && [ -n "$got" ]; then
				ok "[$v] example $check/broken: run-time finding: $(echo "$got" | cut -f2-3)"
				echo "$got" >"$OUT/dynamic-$check.txt"
			elif [ "$form" = fixed ] && [ -z "$got" ]; then
				ok "[$v] example $check/fixed: no run-time $check finding"
			else
				ko "[$v] example $check/$form: $([ "$form" = broken ] && echo "no" || echo "a") run-time $check finding (see $log)"
			fi
		done
	done
}

run_stress() { # VARIANT BIN
	local v=$1 bin=$2 ex form check dir log mods rc seed=12345
	for ex in missing-owner missing-teardown sleep-in-atomic ref-leak; do
		for form in broken fixed; do
			dir=$OUT/ex/$ex/$form
			mods=$(awk '/^obj-m/ { for (i = 3; i <= NF; i++) print $i }' "$ROOT/examples/$ex/$form/Kbuild" | sed 's/\.o$/.ko.so/')
			log=$OUT/$v/stress-$ex-$form.log
			# shellcheck disable=SC2086
			timeout 180 "$bin/modsafe-run" --time-scale $SCALE --linger 200 --stress --threads 4 --iterations 3 \
				--seed $seed -s "$ROOT/examples/$ex/$form/scenario.msr" $(for m in $mods; do echo "$dir/$m"; done) >"$log" 2>&1
			rc=$?
			if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then ko "[$v] stress $ex/$form: exit $rc (see $log)"; continue; fi
			if sanitizer_report "$log"; then ko "[$v] stress $ex/$form: sanitizer report (see $log)"; continue; fi
			if ! grep -q "stress: seed=$seed iteration=2 " "$log"; then ko "[$v] stress $ex/$form: no seed line (see $log)"; continue; fi
			if [ "$form" = fixed ] && [ $rc -ne 0 ]; then
				ko "[$v] stress $ex/fixed: findings (see $log)"
				continue
			fi
			ok "[$v] stress $ex/$form (seed $seed, 4 threads, 3 iterations)"
		done
	done
	# replayable: the same seed chooses the same unload points
	local a b
	a=$(grep -o 'unload after step [0-9]* of [0-9]*' "$OUT/$v/stress-missing-owner-fixed.log" | tr '\n' ' ')
	timeout 180 "$bin/modsafe-run" --time-scale $SCALE --linger 100 --stress --threads 4 --iterations 3 --seed $seed \
		-s "$ROOT/examples/missing-owner/fixed/scenario.msr" "$OUT/ex/missing-owner/fixed/demo_misc.ko.so" \
		>"$OUT/$v/stress-replay.log" 2>&1
	b=$(grep -o 'unload after step [0-9]* of [0-9]*' "$OUT/$v/stress-replay.log" | tr '\n' ' ')
	if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "[$v] stress replay with --seed $seed: $a"; else ko "[$v] stress replay: '$a' vs '$b'"; fi
}

run_static() {
	local plugin=$BUILD/lib/modsafe.so ksrc=${MODSAFE_KERNEL_DIR:-/var/tmp/modsafe-kernel}/linux-source-6.1
	if [ "${MODSAFE_SKIP_KERNEL:-0}" = 1 ] || [ ! -f "$ksrc/.config" ]; then
		echo "SKIP: static findings of the examples (no configured Linux 6.1 tree at $ksrc, or MODSAFE_SKIP_KERNEL=1)"
		return
	fi
	if [ ! -f "$plugin" ]; then ko "static: no plugin at $plugin (build the modsafe target)"; return; fi
	# shellcheck source=../kernel/common.sh
	. "$ROOT/test/kernel/common.sh"
	ms_pick_llvm
	local ex check form work n got
	for ex in "$ROOT"/examples/*/; do
		check=$(basename "$ex")
		for form in broken fixed; do
			[ -f "$ex$form/shim.mk" ] || continue
			work=$(mktemp -d "$OUT/static-$check-$form.XXXXXX")
			cp "$ex$form"/*.c "$ex$form/Kbuild" "$work/"
			flock "$MODSAFE_KERNEL_DIR/.modsafe.lock" make -C "$KSRC" ARCH=x86_64 LLVM="$MS_LLVM" -j"$JOBS" M="$work" \
				KCFLAGS="-fplugin=$plugin -fplugin-arg-modsafe-report-dir=$work/reports" modules \
				</dev/null >"$work/build.log" 2>&1 || { ko "static $check/$form: kbuild failed (see $work/build.log)"; continue; }
			got=$(checks_in "$work/reports" | awk -F'\t' -v c="$check" '$1 == c' | head -1)
			if [ "$form" = broken ] && [ -n "$got" ]; then
				ok "static $check/broken: plugin finding: $(echo "$got" | cut -f2-3 | sed "s|$work/||")"
				echo "$got" | sed "s|$work/||" >"$OUT/static-$check.txt"
			elif [ "$form" = fixed ] && [ -z "$got" ]; then
				ok "static $check/fixed: no plugin $check finding"
			else
				ko "static $check/$form: $([ "$form" = broken ] && echo no || echo a) plugin $check finding"
			fi
		done
	done
}

for v in $VARIANTS; do
	echo "=== runtime build: $v"
	if ! build_variant "$v"; then ko "[$v] build (see $OUT/build-$v.log)"; continue; fi
	bin=$BUILD/runtime-$v/bin
	mkdir -p "$OUT/$v"
	[ -d "$OUT/mods" ] || build_modules "$bin"
	echo "=== [$v] unit tests"
	for t in "$bin"/rt_test_*; do
		log=$OUT/$v/$(basename "$t").log
		if timeout 300 "$t" >"$log" 2>&1 && ! sanitizer_report "$log"; then
			ok "[$v] $(basename "$t"): $(tail -1 "$log")"
		else
			ko "[$v] $(basename "$t") (see $log)"
		fi
	done
	echo "=== [$v] module scenarios"
	run_scenarios "$v" "$bin"
	echo "=== [$v] examples"
	run_examples "$v" "$bin"
	echo "=== [$v] stress"
	run_stress "$v" "$bin"
done

echo "=== static findings of the examples (plugin, Linux 6.1, kbuild)"
run_static

echo "=== merging static and run-time reports (modsafe-report)"
if [ -x "$BUILD/bin/modsafe-report" ]; then
	for ex in "$ROOT"/examples/*/; do
		check=$(basename "$ex")
		st=$(ls -d "$OUT"/static-"$check"-broken.*/reports 2>/dev/null | head -1)
		dy=$OUT/plain/ex-$check-broken.reports
		[ -n "$st" ] && [ -d "$dy" ] || continue
		"$BUILD/bin/modsafe-report" --no-color --format=json -o "$OUT/merged-$check.json" "$st" "$dy" >/dev/null 2>"$OUT/merged-$check.log"
		rc=$?
		n=$(python3 -c "import json,sys; print(sum(1 for f in json.load(open(sys.argv[1]))['findings'] if f['check']==sys.argv[2]))" \
			"$OUT/merged-$check.json" "$check" 2>/dev/null || echo 0)
		if [ $rc -eq 1 ] && [ "${n:-0}" -ge 2 ]; then ok "merged $check: $n $check findings (static + run-time)"
		else ko "merged $check: modsafe-report exit $rc, $n $check findings (see $OUT/merged-$check.log)"; fi
	done
else
	echo "SKIP: no $BUILD/bin/modsafe-report"
fi

echo "=== each broken example: static finding / run-time finding"
for ex in "$ROOT"/examples/*/; do
	check=$(basename "$ex")
	[ -f "$ex/broken/shim.mk" ] || continue
	printf '%-24s static:  %s\n' "$check" "$(cut -f2 "$OUT/static-$check.txt" 2>/dev/null || echo '(not run)')"
	printf '%-24s runtime: %s\n' "" "$(cut -f2 "$OUT/dynamic-$check.txt" 2>/dev/null | sed "s|$ROOT/||" || echo '-')"
done

echo "runtime tests: $pass passed, $fail failed (logs in $OUT)"
[ $fail -eq 0 ]
