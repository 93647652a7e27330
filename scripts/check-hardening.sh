#!/usr/bin/env bash
# Checks built executables for the hardening cmake/CompanionHardening.cmake asks for, with readelf:
#   PIE          ELF type DYN (an executable linked -pie)
#   full RELRO   a GNU_RELRO segment and BIND_NOW (DT_FLAGS BIND_NOW or DT_FLAGS_1 NOW)
#   stack        an import of __stack_chk_fail (-fstack-protector-strong emitted canaries)
#   FORTIFY      at least one glibc *_chk import (__memcpy_chk, __snprintf_chk, …)
# Usage: scripts/check-hardening.sh BINARY…   Exit 1 when any binary misses any of them.
# Run by ctest (build_hardening) on companion, companion-cli and companion-server.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 BINARY..." >&2; exit 2; }
command -v readelf >/dev/null || { echo "readelf not found (binutils)" >&2; exit 2; }

failed=0
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
    fortified=$(grep -Eo '__[a-z0-9_]+_chk' <<<"$symbols" | grep -v '__stack_chk_fail' |
        sort -u | tr '\n' ' ' || true)
    [ -n "$fortified" ] || missing+=("FORTIFY_SOURCE (no *_chk functions)")
    if [ ${#missing[@]} -eq 0 ]; then
        echo "ok   $name: PIE, full RELRO, stack protector, fortified: $fortified"
    else
        failed=1
        for m in "${missing[@]}"; do echo "FAIL $name: $m"; done
    fi
done
exit $failed
