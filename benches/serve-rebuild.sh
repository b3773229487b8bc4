#!/usr/bin/env bash
# Times what an editor waits for under `dossier serve`: the rebuild after a
# one-note edit, against a full `dossier build` of the same dossier.
#
#   benches/serve-rebuild.sh                 # the default dossier and N = 10000
#   benches/serve-rebuild.sh 1000            # other corpus sizes (0 = default dossier only)
#   SERVE_BENCH_EDITS=10 SERVE_BENCH_RUNS=5 benches/serve-rebuild.sh 1000
#
# For each dossier: SERVE_BENCH_RUNS (3) cold `dossier build` runs into a fresh
# folder (wall time of the process), then one `dossier serve --timings`, in which
# SERVE_BENCH_EDITS (5) successive edits of one note's text are made, each waited
# for; the rebuild time is the one serve prints (from the moment it starts
# rebuilding, after the 150 ms quiet window that follows a save, to the output
# folder written). Medians are reported, with serve's per-stage timings of the
# last rebuild. Honours CARGO_TARGET_DIR; works in one temporary folder, removed
# at the end (SERVE_BENCH_KEEP=1 keeps it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)
runs=${SERVE_BENCH_RUNS:-3}
edits=${SERVE_BENCH_EDITS:-5}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
log "building dossier and the corpus generator (release) in $target"
CARGO_TARGET_DIR=$target cargo build --release --quiet --bin dossier --example corpus
dossier=$target/release/dossier
corpus=$target/release/examples/corpus

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-serve-bench.XXXXXX")
# shellcheck source=benches/lib/serve-edit.sh
. "$root/benches/lib/serve-edit.sh"
cleanup() {
    serve_stop
    if [ "${SERVE_BENCH_KEEP:-}" != 1 ]; then rm -rf "$work"; else log "kept $work"; fi
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench NAME CONTENT_DIR NOTE_FILE: prints one Markdown table row, and the stage timings to $work/NAME.stages
bench() {
    local name=$1 content=$2 note=$3 dir=$work/$1
    mkdir -p "$dir"
    "$dossier" build --content "$content" --output "$dir/warm" >/dev/null   # warms the page cache
    : >"$dir/full.times"
    for r in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$dossier" build --content "$content" --output "$dir/full-$r" >/dev/null
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$dir/full.times"
        rm -rf "$dir/full-$r"
    done
    serve_edits "$dossier" "$content" "$note" "$dir" "$edits" || exit 1
    cp "$dir/stages" "$work/$name.stages"
    local full rebuild written
    full=$(median <"$dir/full.times")
    rebuild=$(median <"$dir/rebuild.times")
    written=$(median <"$dir/written.times")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$full" "$rebuild" "$written" \
        "$(awk -v f="$full" -v r="$rebuild" 'BEGIN { printf "%.1f×", f / r }')" "$(cat "$dir/scope")" \
        "$(awk -v k="$(cat "$dir/rss_kib")" 'BEGIN { printf "%.0f", k / 1024 }')"
}

rows=()
log "default dossier"
cp -r "$root/content" "$work/default-content"
rows+=("$(bench default "$work/default-content" "$work/default-content/notes/overview.md")")
for n in "${sizes[@]}"; do
    [ "$n" -gt 0 ] || continue
    log "N=$n: generating the corpus"
    "$corpus" --sources "$n" --out "$work/corpus-$n" >/dev/null
    rows+=("$(bench "n$n" "$work/corpus-$n/content" "$work/corpus-$n/content/notes/note-00000.md")")
done

echo
echo "## Rebuild after a one-note edit under dossier serve, against a full build (medians, seconds)"
echo
echo "| dossier | full build | one-note edit, pages served | the same, on disk | speed-up (served) | last rebuild | serve RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---|---:|"
printf '%s\n' "${rows[@]}"
for stages in "$work"/*.stages; do
    echo
    echo "$(basename "$stages" .stages), stages of the last rebuild:"
    echo '```'
    cat "$stages"
    echo '```'
done
echo
echo "Full build: a new process into a fresh folder. Rebuild: as serve prints it. Machine load is not controlled."
