#!/usr/bin/env bash
# The whole test suite: set-up (idempotent), unit tests and lit suites against
# LLVM 14 and LLVM 19, then the real-kernel integration test (Linux 6.1 with
# kbuild, clang 14). .ci/run calls exactly this.
#
#   ./test.sh                 everything
#   MODSAFE_SKIP_KERNEL=1 ./test.sh    without the kernel integration test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

./setup.sh

LIT=/usr/lib/llvm-14/build/utils/lit/lit.py
pass=0; fail=0
step() {  # step NAME CMD...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then pass=$((pass+1)); echo "=== $name: PASS"; else fail=$((fail+1)); echo "=== $name: FAIL"; fi
}

step "unit tests (LLVM 14)" build/bin/modsafe-unittests --gtest_brief=1
step "lit suites (LLVM 14)" /usr/bin/python3 "$LIT" -sv build/test
step "unit tests (LLVM 19)" build-llvm19/bin/modsafe-unittests --gtest_brief=1
step "lit suites (LLVM 19)" /usr/bin/python3 "$LIT" -sv build-llvm19/test
# The runtime shim: unit tests, scenarios and the examples under plain,
# ThreadSanitizer and AddressSanitizer builds (static findings too when the
# kernel tree is there).
step "runtime shim (plain, TSan, ASan)" bash test/runtime/run.sh "$ROOT/build"
if [ "${MODSAFE_SKIP_KERNEL:-0}" != 1 ]; then
  step "kernel integration (Linux 6.1, kbuild, clang 14)" \
    bash test/kernel/integration.sh "$ROOT/build/lib/modsafe.so"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
