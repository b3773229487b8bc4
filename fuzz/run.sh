#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), one job on one core, seeded
# from fuzz/seeds/<target>/ and growing fuzz/corpus/<target>/, with the target's
# dictionary from fuzz/dicts/. Crashes land in fuzz/artifacts/<target>/, the
# libFuzzer log in fuzz/artifacts/<target>/fuzz-0.log.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
# FUZZ_ARGS adds libFuzzer flags, e.g. FUZZ_ARGS=-len_control=0 to try inputs up to
# -max_len from the start instead of growing the length limit with new coverage;
# a later flag wins, so FUZZ_ARGS=-max_len=4096 lowers the 16 KiB limit.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(front_matter clean wikilinks markdown quotes html_import articles)
fi
# Debug assertions on (integer overflow, slice checks); no sanitizer: dossier is safe Rust.
flags=(--fuzz-dir "$fuzz" --debug-assertions --sanitizer none)
(cd "$fuzz/.." && nice -n 10 cargo +nightly fuzz build "${flags[@]}")
# The targets run as built, not through `cargo fuzz run`, which builds again
# first: an edit to the sources during a long run would stop it for a rebuild.
host=$(rustc -vV | sed -n 's/^host: //p')
bin="$fuzz/target/$host/release"
status=0
for target in "${targets[@]}"; do
    mkdir -p "$fuzz/corpus/$target" "$fuzz/artifacts/$target"
    echo "== $target: ${seconds}s"
    # -jobs=1 makes libFuzzer write its log to ./fuzz-0.log: run inside the artifacts folder.
    # libFuzzer's timeout counts wall time: do not pause the process (SIGSTOP).
    (cd "$fuzz/artifacts/$target" &&
        nice -n 10 "$bin/$target" \
            "$fuzz/corpus/$target" "$fuzz/seeds/$target" \
            -jobs=1 -workers=1 -max_total_time="$seconds" -max_len=16384 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 -dict="$fuzz/dicts/$target.dict" \
            -artifact_prefix="$fuzz/artifacts/$target/" ${FUZZ_ARGS:-}) || status=1
    grep -aE "DONE|Done|stat::|SUMMARY|panicked|Test unit written" \
        "$fuzz/artifacts/$target/fuzz-0.log" || true
done
exit $status
