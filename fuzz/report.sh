#!/usr/bin/env bash
# Summarises the last `fuzz/run.sh` session from the libFuzzer logs in
# fuzz/artifacts/<target>/fuzz-0.log: inputs tried, speed, coverage at the end
# and at half the inputs (a plateau shows as the two being close), corpus size
# and crashes saved.
# Usage: fuzz/report.sh [TARGET...]
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front_matter clean wikilinks markdown quotes html_import)
echo "| target | inputs tried | inputs/s | coverage at half the inputs | coverage at the end | features at the end | corpus | crashes |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for target in "${targets[@]}"; do
    log="$fuzz/artifacts/$target/fuzz-0.log"
    [ -f "$log" ] || { echo "| $target | not run | | | | | | |"; continue; }
    crashes=$(find "$fuzz/artifacts/$target" -maxdepth 1 -name 'crash-*' | wc -l | tr -d ' ')
    corpus=$(find "$fuzz/corpus/$target" -type f 2>/dev/null | wc -l | tr -d ' ')
    # Lines look like "#123456	NEW    cov: 4365 ft: 13814 corp: ..." and "#N DONE cov: ...".
    awk -v target="$target" -v crashes="$crashes" -v corpus="$corpus" '
        /^#[0-9]+\t/ && / cov: / {
            n = substr($1, 2) + 0
            for (i = 1; i <= NF; i++) { if ($i == "cov:") c = $(i + 1); if ($i == "ft:") f = $(i + 1) }
            execs[++k] = n; cov[k] = c; ft[k] = f
        }
        /stat::number_of_executed_units:/ { total = $2 }
        /stat::average_exec_per_sec:/ { speed = $2 }
        END {
            if (!total) total = execs[k]
            half = cov[1]
            for (i = 1; i <= k; i++) if (execs[i] <= total / 2) half = cov[i]
            printf "| %s | %d | %d | %d | %d | %d | %d | %d |\n", target, total, speed, half, cov[k], ft[k], corpus, crashes
        }' "$log"
done
