#!/bin/sh
# Regenerate kc/*.expected from gcc, or verify every program under sanitizers.
#   ./make_expected.sh         -> (re)write kc/NAME.expected for every kc/NAME.c
#   ./make_expected.sh check   -> build each kc/NAME.c with -fsanitize=undefined,address,
#                                 run it, and require a clean run whose output
#                                 (incl. exit status line) equals NAME.expected;
#                                 also lint the includes against the supported subset.
# Error programs in kc/error/ are not handled here.
set -u
cd "$(dirname "$0")/kc" || exit 2
mode=${1:-gen}
CFLAGS="-std=gnu11 -O0 -w -fno-builtin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
for src in *.c; do
  name=${src%.c}
  n=$((n+1))
  case "$mode" in
  gen)
    if ! gcc $CFLAGS "$src" -o "$tmp/x" 2>"$tmp/err"; then
      echo "COMPILE FAIL: $name"; cat "$tmp/err"; fail=1; continue
    fi
    timeout 10 "$tmp/x" > "$tmp/out"
    echo "[exit status $?]" >> "$tmp/out"
    mv "$tmp/out" "$name.expected"
    ;;
  check)
    # only the supported headers may be included
    bad=$(grep -E '^[[:space:]]*#[[:space:]]*include' "$src" "$name".h 2>/dev/null |
          grep -vE '<(stdio|stdlib|string|stddef|stdint|stdbool|limits|stdarg)\.h>|"[A-Za-z0-9_]+\.h"')
    if [ -n "$bad" ]; then echo "BAD INCLUDE: $name: $bad"; fail=1; fi
    if ! gcc $CFLAGS -g -fsanitize=undefined,address -fno-sanitize-recover=all \
          "$src" -o "$tmp/x" 2>"$tmp/err"; then
      echo "SAN COMPILE FAIL: $name"; cat "$tmp/err"; fail=1; continue
    fi
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
      timeout 10 "$tmp/x" > "$tmp/out" 2>"$tmp/serr"
    echo "[exit status $?]" >> "$tmp/out"
    if [ -s "$tmp/serr" ]; then
      echo "SANITIZER/STDERR: $name"; cat "$tmp/serr"; fail=1
    elif ! cmp -s "$tmp/out" "$name.expected"; then
      echo "MISMATCH: $name"; diff "$name.expected" "$tmp/out" | head -20; fail=1
    fi
    ;;
  *) echo "usage: $0 [check]"; exit 2 ;;
  esac
done
if [ $fail -eq 0 ]; then echo "$mode: all $n programs OK"; else echo "$mode: FAILURES"; fi
exit $fail
