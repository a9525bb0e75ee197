# shellcheck shell=bash
# Shared helpers for the modsafe kernel scripts (sourced, not executed).
# Nothing here reads outside the kernel tree, the repo and the system.

MODSAFE_KERNEL_DIR=${MODSAFE_KERNEL_DIR:-/var/tmp/modsafe-kernel}
KSRC_NAME=linux-source-6.1
KSRC="$MODSAFE_KERNEL_DIR/$KSRC_NAME"
KTARBALL=${MODSAFE_KERNEL_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
: "${MODSAFE_JOBS:=$(nproc 2>/dev/null || echo 2)}"

ms_log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
ms_die()  { ms_log "FATAL: $*"; exit 2; }

# ms_need_pkgs PKG... : apt-get install whatever of PKG is not installed.
ms_need_pkgs() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    ms_log "installing missing packages: ${missing[*]}"
    local sudo=
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || ms_die "need root (or sudo) to install: ${missing[*]}"
        sudo="sudo -n"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq </dev/null || ms_die "apt-get update failed"
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null \
        || ms_die "apt-get install failed: ${missing[*]}"
}

# Tool packages every kernel script needs (the tarball is handled by prepare.sh).
MS_BUILD_PKGS=(make bc flex bison libelf-dev libssl-dev clang-14 lld-14 llvm-14
               libc6-dev python3 perl xz-utils)

# ms_pick_llvm : set MS_LLVM to the value for kbuild's LLVM= so that clang 14
# is used. LLVM=1 when the unversioned tools are 14, else LLVM=-14 (suffix).
ms_pick_llvm() {
    if [ -n "${MODSAFE_LLVM:-}" ]; then MS_LLVM=$MODSAFE_LLVM; return; fi
    local t ok=1
    if clang --version 2>/dev/null | head -n1 | grep -q 'clang version 14\.'; then
        for t in ld.lld llvm-ar llvm-nm llvm-objcopy llvm-objdump llvm-readelf llvm-strip; do
            command -v "$t" >/dev/null || ok=0
        done
        if [ $ok = 1 ] && ld.lld --version | grep -q 'LLD 14\.'; then MS_LLVM=1; return; fi
    fi
    command -v clang-14 >/dev/null || ms_die "clang-14 not found"
    MS_LLVM=-14
}

# Name of the clang binary kbuild will run for a given MS_LLVM.
ms_clang() { if [ "$MS_LLVM" = 1 ]; then echo clang; else echo "clang$MS_LLVM"; fi; }

# Run make in the kernel tree with the fixed toolchain settings.
ms_make() {
    make -C "$KSRC" ARCH=x86_64 LLVM="$MS_LLVM" -j"$MODSAFE_JOBS" "$@" </dev/null
}
