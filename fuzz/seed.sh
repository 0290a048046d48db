#!/bin/sh
# Seeds each fuzz target's corpus with the test fixtures and the bundled articles, so that the
# fuzzer starts from real-shaped input. Run from fuzz/: `sh seed.sh`.
set -e
cd "$(dirname "$0")"
mkdir -p corpus/loader_text corpus/loader_html corpus/loader_json corpus/loader_feed corpus/build_timeline corpus/time_tag corpus/quotes
cp ../assets/corpus/*.txt corpus/loader_text/
cp ../assets/corpus/*.txt corpus/build_timeline/
cp ../assets/corpus/*.txt corpus/quotes/
cp ../assets/corpus/*.txt corpus/time_tag/
cp ../tests/fixtures/html/* corpus/loader_html/
cp ../tests/fixtures/json/* corpus/loader_json/
cp ../tests/fixtures/feeds/* corpus/loader_feed/
