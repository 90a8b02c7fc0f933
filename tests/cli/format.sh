#!/usr/bin/env bash
# Every C++ file follows the checked-in .clang-format.
set -euo pipefail
cd "${XA_SOURCE_DIR:?}"
command -v clang-format >/dev/null || { echo "FAIL: clang-format is not installed (scripts/install-deps.sh)" >&2; exit 1; }
bad=()
while IFS= read -r f; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cc' '*.h' 2>/dev/null || find analyzers plugin tools tests bench eval examples -name '*.cc' -o -name '*.h')
if [ ${#bad[@]} -gt 0 ]; then
  printf 'FAIL: not clang-formatted (run clang-format -i): %s\n' "${bad[*]}" >&2
  exit 1
fi
echo "format: all files follow .clang-format"
