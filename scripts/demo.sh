#!/usr/bin/env bash
# The main job on the bundled sample news: build the tool, index samples/news/,
# and search it with a date filter and a source filter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)" --target xapian-arabic
tool=build/release/tools/xapian-arabic
db=build/demo-index
# A fresh index each time: one left by an older build (other built-in tables) would be refused.
rm -rf "$db" "$db.xa-lock"

run() { printf '\n$ %s\n' "$*"; "$@"; }
run "$tool" index --db "$db" samples/news
run "$tool" search --db "$db" "روسيا العراق"
# The same query, November 2024 only: the 2015 and 2018 articles drop out.
run "$tool" search --db "$db" --from 2024-11-01 --to 2024-11-30 "روسيا العراق"
# Source filters match every alias of an agency: سانا = SANA = الوكالة العربية السورية للأنباء.
run "$tool" search --db "$db" --source سانا "بوتين"
run "$tool" search --db "$db" "بوتين source:SANA date:نوفمبر ٢٠٢٤"
