#!/usr/bin/env bash
# Checks built executables for the hardening cmake/CompanionHardening.cmake asks for, with readelf:
#   PIE          ELF type DYN (an executable linked -pie)
#   full RELRO   a GNU_RELRO segment and BIND_NOW (DT_FLAGS BIND_NOW or DT_FLAGS_1 NOW)
#   stack        an import of __stack_chk_fail (-fstack-protector-strong emitted canaries)
#   FORTIFY      glibc *_chk imports (__memcpy_chk, __snprintf_chk, …). FORTIFY only rewrites
#                calls whose buffer size the compiler knows, so a binary whose own code makes no
#                such call has none (companion-cli: its I/O goes through Qt). The rule is therefore
#                per set: at least one of the binaries given must import a *_chk function, and
#                each binary's list is printed. Measured: main before issue 8 had none in any.
# Usage: scripts/check-hardening.sh BINARY…   Exit 1 when a check fails.
# Run by ctest (build_hardening) on companion, companion-cli and companion-server.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 BINARY..." >&2; exit 2; }
command -v readelf >/dev/null || { echo "readelf not found (binutils)" >&2; exit 2; }

failed=0
any_fortified=0
for bin in "$@"; do
    name=$(basename "$bin")
    [ -f "$bin" ] || { echo "FAIL $name: missing ($bin)"; failed=1; continue; }
    missing=()
    readelf -h "$bin" | grep -Eq 'Type:[[:space:]]+DYN' || missing+=("PIE (ELF type is not DYN)")
    readelf -lW "$bin" | grep -q 'GNU_RELRO' || missing+=("RELRO (no GNU_RELRO segment)")
    readelf -dW "$bin" | grep -Eq '\(BIND_NOW\)|\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW' ||
        missing+=("full RELRO (no BIND_NOW)")
    symbols=$(readelf --dyn-syms -W "$bin")
    grep -q '__stack_chk_fail' <<<"$symbols" || missing+=("stack protector (no __stack_chk_fail)")
    # Whole symbol names ending in _chk (not the prefix of __stack_chk_fail).
    fortified=$(grep -Eo '\b__[a-z0-9_]+_chk\b' <<<"$symbols" | sort -u | tr '\n' ' ' || true)
    [ -n "$fortified" ] && any_fortified=1
    if [ ${#missing[@]} -eq 0 ]; then
        echo "ok   $name: PIE, full RELRO, stack protector; fortified calls: ${fortified:-none}"
    else
        failed=1
        for m in "${missing[@]}"; do echo "FAIL $name: $m"; done
    fi
done
if [ $any_fortified -eq 0 ]; then
    echo "FAIL FORTIFY_SOURCE: none of the binaries imports a *_chk function"
    failed=1
fi
exit $failed
