#!/usr/bin/env bash
# Prepare a Linux 6.1 tree (Debian linux-source-6.1) for modsafe's kernel tests:
# extract it if missing, configure x86_64 allmodconfig minus heavy
# instrumentation (CONFIG_WERROR stays on), and run `prepare` + `modules_prepare`
# with clang 14 (make LLVM=1, or LLVM=-14 when the unversioned tools are not 14).
#
# Idempotent: a stamp keyed on the configuration recipe, the toolchain and the
# resulting .config makes a second run a no-op.
#
# Env: MODSAFE_KERNEL_DIR (default /var/tmp/modsafe-kernel), MODSAFE_JOBS,
#      MODSAFE_LLVM (force the LLVM= value), MODSAFE_FORCE_PREPARE=1.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$HERE/common.sh"

T0=$(date +%s)
ms_need_pkgs "${MS_BUILD_PKGS[@]}"
ms_pick_llvm
CLANG=$(ms_clang)
CLANG_VER=$("$CLANG" --version | head -n1)
echo "$CLANG_VER" | grep -q 'clang version 14\.' || ms_die "kbuild would use '$CLANG' = $CLANG_VER, need clang 14"
ms_log "toolchain: make LLVM=$MS_LLVM ($CLANG_VER)"

mkdir -p "$MODSAFE_KERNEL_DIR"
exec 9>"$MODSAFE_KERNEL_DIR/.modsafe.lock"
flock 9

# ---- 1. source tree ---------------------------------------------------------
if [ ! -f "$KSRC/Makefile" ] || [ ! -f "$KSRC/.modsafe-extracted" ]; then
    if [ -f "$KSRC/Makefile" ] && [ -d "$KSRC/drivers" ] && [ -d "$KSRC/scripts" ]; then
        : # pre-extracted tree (e.g. by hand): trust it
    else
        [ -f "$KTARBALL" ] || ms_need_pkgs linux-source-6.1
        [ -f "$KTARBALL" ] || ms_die "no tarball $KTARBALL"
        ms_log "extracting $KTARBALL into $MODSAFE_KERNEL_DIR"
        tmp=$(mktemp -d "$MODSAFE_KERNEL_DIR/.extract.XXXXXX")
        tar -C "$tmp" -xf "$KTARBALL"
        [ -f "$tmp/$KSRC_NAME/Makefile" ] || ms_die "tarball has no $KSRC_NAME/Makefile"
        rm -rf "$KSRC"
        mv "$tmp/$KSRC_NAME" "$KSRC"
        rm -rf "$tmp"
        ms_log "extracted in $(( $(date +%s) - T0 ))s"
    fi
    date -u +%FT%TZ > "$KSRC/.modsafe-extracted"
fi
KVER=$(make -s -C "$KSRC" kernelversion 2>/dev/null </dev/null)
ms_log "kernel tree: $KSRC ($KVER)"

# ---- 2. configuration recipe ------------------------------------------------
# allmodconfig: every tristate driver becomes =m (kbuild passes -DMODULE), with
# COMPILE_TEST so drivers for other platforms are built too, and WERROR=y.
# Then switch off what makes compiles slow or rewrites code (instrumentation,
# debug info, LTO/CFI, structure randomisation, branch profiling, which
# redefines `if`), and what needs tools we do not install (pahole).
CFG_DISABLE=(
    KASAN KCSAN KMSAN UBSAN KCOV GCOV_KERNEL KFENCE
    DEBUG_INFO DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT DEBUG_INFO_DWARF4
    DEBUG_INFO_DWARF5 DEBUG_INFO_BTF DEBUG_INFO_BTF_MODULES DEBUG_INFO_REDUCED
    DEBUG_INFO_COMPRESSED DEBUG_INFO_SPLIT GDB_SCRIPTS
    LTO LTO_CLANG LTO_CLANG_FULL LTO_CLANG_THIN CFI_CLANG
    RANDSTRUCT RANDSTRUCT_FULL RANDSTRUCT_PERFORMANCE GCC_PLUGINS
    TRACE_BRANCH_PROFILING PROFILE_ANNOTATED_BRANCHES PROFILE_ALL_BRANCHES
    TRIM_UNUSED_KSYMS DEBUG_KMEMLEAK
    MODULE_SIG MODULE_SIG_ALL IKHEADERS SAMPLES
    LOCALVERSION_AUTO
)
CFG_ENABLE=(DEBUG_INFO_NONE LTO_NONE RANDSTRUCT_NONE BRANCH_PROFILE_NONE WERROR MODULES)
# What must hold after olddefconfig (checked below).
CFG_MUST_Y=(WERROR MODULES COMPILE_TEST X86_64 CC_IS_CLANG)
CFG_MUST_N=(KASAN KCSAN KMSAN UBSAN KCOV GCOV_KERNEL DEBUG_INFO DEBUG_INFO_BTF
            LTO_CLANG CFI_CLANG RANDSTRUCT_FULL RANDSTRUCT_PERFORMANCE GCC_PLUGINS
            TRACE_BRANCH_PROFILING)

RECIPE="allmodconfig;disable=${CFG_DISABLE[*]};enable=${CFG_ENABLE[*]};llvm=$MS_LLVM;cc=$CLANG_VER;kver=$KVER;v=1"
KEY=$(printf '%s' "$RECIPE" | sha256sum | cut -c1-16)
STAMP="$KSRC/.modsafe-prepared"

stamp_ok() {
    [ "${MODSAFE_FORCE_PREPARE:-0}" = 1 ] && return 1
    [ -f "$STAMP" ] && [ -f "$KSRC/.config" ] || return 1
    [ -f "$KSRC/include/generated/autoconf.h" ] && [ -x "$KSRC/scripts/mod/modpost" ] || return 1
    local want
    want="$KEY $(sha256sum < "$KSRC/.config" | cut -c1-16)"
    [ "$(cat "$STAMP")" = "$want" ]
}

if stamp_ok; then
    ms_log "already prepared (stamp $KEY), nothing to do"
    echo "prepare: up to date in $(( $(date +%s) - T0 ))s (make LLVM=$MS_LLVM, key $KEY)"
    exit 0
fi
rm -f "$STAMP"

T1=$(date +%s)
cfg_key_file="$KSRC/.modsafe-config-key"
if [ ! -f "$KSRC/.config" ] || [ "$(cat "$cfg_key_file" 2>/dev/null)" != "$KEY" ]; then
    ms_log "configuring: allmodconfig + overrides"
    ms_make allmodconfig >/dev/null
    args=()
    for s in "${CFG_DISABLE[@]}"; do args+=(--disable "$s"); done
    for s in "${CFG_ENABLE[@]}"; do args+=(--enable "$s"); done
    "$KSRC/scripts/config" --file "$KSRC/.config" "${args[@]}"
    ms_make olddefconfig >/dev/null
    echo "$KEY" > "$cfg_key_file"
else
    ms_log "keeping existing .config (recipe key $KEY)"
    ms_make olddefconfig >/dev/null
fi
bad=0
for s in "${CFG_MUST_Y[@]}"; do
    grep -qx "CONFIG_$s=y" "$KSRC/.config" || { ms_log "config: CONFIG_$s is not y"; bad=1; }
done
for s in "${CFG_MUST_N[@]}"; do
    grep -q "^CONFIG_$s=[ym]" "$KSRC/.config" && { ms_log "config: CONFIG_$s is still on"; bad=1; }
done
[ $bad = 0 ] || ms_die "configuration does not hold"
nm=$(grep -c '=m$' "$KSRC/.config"); ny=$(grep -c '=y$' "$KSRC/.config")
ms_log "configured in $(( $(date +%s) - T1 ))s: $nm options =m, $ny =y"

T2=$(date +%s)
ms_log "make prepare"
ms_make prepare
ms_log "make modules_prepare"
ms_make modules_prepare
ms_log "prepare + modules_prepare in $(( $(date +%s) - T2 ))s"

echo "$KEY $(sha256sum < "$KSRC/.config" | cut -c1-16)" > "$STAMP"
echo "prepare: done in $(( $(date +%s) - T0 ))s (make LLVM=$MS_LLVM, key $KEY, $nm modules options)"
