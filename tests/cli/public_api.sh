#!/usr/bin/env bash
# The public API is made on purpose: the umbrella header includes every public header,
# the shared library exports the API and none of the internals, and the tool needs
# nothing but the shared library.
set -euo pipefail
src=${XA_SOURCE_DIR:?}
build=${XA_BUILD_DIR:?}
tool=${XA_TOOL:?}
fail() { echo "FAIL: $*" >&2; exit 1; }

umbrella="$src/plugin/include/xapian_arabic.h"
for header in "$src"/analyzers/include/xapian_arabic/*.h "$src"/plugin/include/xapian_arabic/*.h; do
  name=$(basename "$header")
  [ "$name" = export.h ] && continue
  grep -q "#include <xapian_arabic/$name>" "$umbrella" || fail "xapian_arabic.h does not include $name"
done

lib=$(ls "$build"/plugin/libxapian-arabic.so.*.*.* | head -1)
exported=$(nm -DC --defined-only "$lib")
for symbol in 'NormalizerOptions::fingerprint' 'Config::to_toml' 'Config::check' 'NewsSearch::search' \
  'NewsIndexer::run' 'Analyzer::index_text' 'LightStemmer::stem' 'make_news_document' 'parse_date_range'; do
  grep -q "xapian_arabic::$symbol" <<<"$exported" || fail "$symbol is public but not exported"
done
for internal in bounded_term boolean_term unique_term content_hash hex64 yyyymmdd days_since_epoch \
  StemmerTables parse_document_data 'dates::' 'sources::' NewsLayout MarkerTable JsonlRecords split_article_lines \
  iso_value; do
  if grep -q "xapian_arabic::$internal" <<<"$exported"; then fail "internal $internal is exported"; fi
done
# Every class's Impl stays out of the ABI (docs/library.md).
if grep -q '::Impl::' <<<"$exported"; then fail "an Impl is exported: $(grep -m1 '::Impl::' <<<"$exported")"; fi

readelf -d "$tool" | grep -q 'NEEDED.*libxapian-arabic\.so\.0' || fail "the tool does not link the shared library"
echo "public_api: OK"
