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
serve_pid=
cleanup() {
    if [ -n "$serve_pid" ]; then kill -INT "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
    if [ "${SERVE_BENCH_KEEP:-}" != 1 ]; then rm -rf "$work"; else log "kept $work"; fi
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# "123 ms" or "1.23 s" → seconds
seconds() { awk '{ if ($2 == "ms") printf "%.3f\n", $1 / 1000; else printf "%.3f\n", $1 }'; }

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

    "$dossier" serve --port 0 --timings --content "$content" --output "$dir/served" >"$dir/serve.log" 2>&1 &
    serve_pid=$!
    until grep -q '^Serving at' "$dir/serve.log"; do
        kill -0 "$serve_pid" 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
        sleep 0.2
    done
    cp "$note" "$dir/note.orig"
    for i in $(seq 1 "$edits"); do
        local before
        before=$(grep -c '^Rebuilt' "$dir/serve.log" || true)
        # A new word in the first paragraph: the page, the search index, the export
        # and the pages that quote the note's links change; nothing else should.
        awk -v i="$i" 'NR == 1, /^\+\+\+$/ && NR > 1 { print; next } !done && /^[A-Z]/ { sub(/ /, " (bench edit " i ") "); done = 1 } { print }' \
            "$dir/note.orig" >"$note.bench-tmp"
        mv "$note.bench-tmp" "$note"
        until [ "$(grep -c '^Rebuilt' "$dir/serve.log" || true)" -gt "$before" ]; do
            if grep -q 'error:' "$dir/serve.log"; then cat "$dir/serve.log" >&2; exit 1; fi
            sleep 0.1
        done
    done
    cp "$dir/note.orig" "$note"
    local rss_kib
    rss_kib=$(ps -o rss= -p "$serve_pid" | tr -d ' ')
    kill -INT "$serve_pid"; wait "$serve_pid" || true; serve_pid=
    grep '^Rebuilt' "$dir/serve.log" | sed -E 's/^Rebuilt in ([0-9.]+ m?s).*/\1/' | seconds >"$dir/rebuild.times"
    grep '^Rebuilt' "$dir/serve.log" | tail -1 | sed -E 's/.*: ([0-9]+ of [0-9]+) pages rendered, ([0-9]+) files written.*/\1 rendered, \2 files written/' >"$dir/scope"
    # The stage timings printed after the last rebuild.
    awk '/^Rebuilt/ { block = "" ; keep = 1; next } keep && /^ *[a-z]+  / { block = block $0 "\n" } END { printf "%s", block }' \
        "$dir/serve.log" >"$work/$name.stages"
    local full rebuild
    full=$(median <"$dir/full.times")
    rebuild=$(median <"$dir/rebuild.times")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$full" "$rebuild" \
        "$(awk -v f="$full" -v r="$rebuild" 'BEGIN { printf "%.1f×", f / r }')" "$(cat "$dir/scope")" \
        "$(awk -v k="$rss_kib" 'BEGIN { printf "%.0f", k / 1024 }')"
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
echo "| dossier | full build | rebuild after a one-note edit | speed-up | last rebuild | serve RSS (MiB) |"
echo "|---|---:|---:|---:|---|---:|"
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
