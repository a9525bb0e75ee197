#!/usr/bin/env bash
# modsafe set-up on Debian 12: installs every dependency with apt, then builds
# the plugin against LLVM 14 (build/, the default clang) and LLVM 19
# (build-llvm19/). Idempotent; run as root or with sudo available.
#
#   ./setup.sh            install + build both
#   ./setup.sh --no-19    install + build LLVM 14 only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

WITH19=1
[ "${1:-}" = "--no-19" ] && WITH19=0

# Why each package is needed:
#   cmake make g++                     build
#   llvm-14-dev libclang-14-dev clang-14 llvm-14-tools
#                                      the plugin's API, the clang that loads it,
#                                      FileCheck/not/count and lit for the tests
#   llvm-19-dev libclang-19-dev clang-19 llvm-19-tools
#                                      the second supported LLVM
#   nlohmann-json3-dev                 reports and the knowledge base
#   libgtest-dev                       unit tests
#   python3 python3-jsonschema         lit, and validating reports against docs/report.schema.json
#                                      and SARIF against the vendored SARIF 2.1.0 schema
#   python3-yaml                       checking the GitHub Actions example in docs/
#   chromium                           the HTML report test renders the page headless
#   liburcu-dev libdw-dev              the runtime shim: RCU for modules run in userspace
#                                      (liburcu), symbolised stacks in its findings (libdw)
#   linux-source-6.1 bc flex bison libelf-dev libssl-dev lld-14 xz-utils perl
#                                      the real-kernel integration test and bench/
PKGS=(cmake make g++ llvm-14-dev libclang-14-dev clang-14 llvm-14-tools
      nlohmann-json3-dev libgtest-dev python3 python3-jsonschema python3-yaml chromium
      liburcu-dev libdw-dev
      linux-source-6.1 bc flex bison libelf-dev libssl-dev lld-14 xz-utils perl libc6-dev)
[ $WITH19 = 1 ] && PKGS+=(llvm-19-dev libclang-19-dev clang-19 llvm-19-tools)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq </dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

JOBS=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DMODSAFE_LLVM_VERSION=14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$JOBS"
if [ $WITH19 = 1 ]; then
  cmake -S . -B build-llvm19 -DMODSAFE_LLVM_VERSION=19 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build-llvm19 -j"$JOBS"
fi
echo "setup: plugin ready: $(pwd)/build/lib/modsafe.so (clang 14)${WITH19:+$([ $WITH19 = 1 ] && echo ", $(pwd)/build-llvm19/lib/modsafe.so (clang 19)")}"
