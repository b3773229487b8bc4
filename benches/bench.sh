#!/usr/bin/env bash
# Times `dossier build` against Hugo on generated corpora, and the default dossier's
# cold build, then checks the goals of "Speed at scale". Also measures, at each N,
# how many bytes of the search index a query loads (benches/search-bytes.mjs), and
# the rebuild after a one-note edit under `dossier serve` (BENCH_EDITS edits, 3 by
# default; the same measure as benches/serve-rebuild.sh, benches/lib/serve-edit.sh).
#
#   benches/bench.sh                 # N = 1000 and 10000, 3 runs each
#   benches/bench.sh 200 --runs 2    # other sizes, other run count
#   BENCH_SIZES="1000 10000" BENCH_RUNS=5 benches/bench.sh
#
# Needs Rust (cargo) and Node.js. Installs Hugo and GNU time with apt-get if they are
# missing, and Chromium and the browser tests' node packages with tests/browser/install.sh.
# Honours CARGO_TARGET_DIR (default: the repository's target/). Everything it
# generates goes in one temporary folder, removed at the end (BENCH_KEEP=1 keeps it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sizes=()
runs=${BENCH_RUNS:-3}
edits=${BENCH_EDITS:-3}
cold_runs=${BENCH_COLD_RUNS:-15}
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=${2:?--runs N}; shift 2 ;;
        --runs=*) runs=${1#--runs=}; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *[!0-9]*|'') echo "bench.sh: not a corpus size: $1" >&2; exit 2 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
if [ ${#sizes[@]} -eq 0 ]; then
    read -r -a sizes <<< "${BENCH_SIZES:-1000 10000}"
fi
case $runs in ''|*[!0-9]*|0) echo "bench.sh: runs must be a positive number" >&2; exit 2 ;; esac
# Ascending, without repeats: the linearity goal compares neighbouring sizes.
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n -u)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
    log "installing $* (apt-get)"
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
command -v cargo >/dev/null || { echo "bench.sh: cargo not found; install Rust (https://rustup.rs)" >&2; exit 1; }
command -v node >/dev/null || { echo "bench.sh: node not found; install Node.js 20+" >&2; exit 1; }
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -x /usr/bin/chromium ]; then
    bash tests/browser/install.sh >&2
fi

target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
log "building dossier and the corpus generator (release) in $target"
CARGO_TARGET_DIR=$target cargo build --release --quiet --bin dossier --example corpus
dossier=$target/release/dossier
corpus=$target/release/examples/corpus

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
# shellcheck source=benches/lib/serve-edit.sh
. "$root/benches/lib/serve-edit.sh"
if [ "${BENCH_KEEP:-}" = 1 ]; then
    log "keeping everything in $work"
    trap serve_stop EXIT
else
    trap 'serve_stop; rm -rf "$work"' EXIT
fi

# --- measuring -----------------------------------------------------------------
# timed LABEL CMD...: runs CMD under GNU time; appends "wall cpu rss_kib" to $work/LABEL.times.
timed() {
    local label=$1; shift
    sync   # no write-back of the previous run's output during this one
    if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >"$work/run.log" 2>&1; then
        echo "bench.sh: failed: $*" >&2; cat "$work/run.log" >&2; exit 1
    fi
    awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/time.out" >>"$work/$label.times"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -v c="$2" '{ print $c }' "$work/$1.times"; }
pages_in() { find "$1" -name '*.html' -type f | wc -l | tr -d ' '; }
hugo_build() { hugo --source "$1" --destination "$2" --quiet; }

declare -A wall cpu rss pages search index_mib edit
# Queries a reader of the generated corpus might type: common words, two words,
# an actor's name. The figure is the largest over them.
search_queries=("agreement" "the deal" "Amira Benali" "morocco israel" "cyber security")
for n in "${sizes[@]}"; do
    dir=$work/n$n
    log "N=$n: generating the corpus and its Hugo twin"
    "$corpus" --sources "$n" --out "$dir/corpus" --hugo "$dir/hugo" >&2

    # Untimed first builds: check both succeed cleanly and warm the page cache.
    "$dossier" build --content "$dir/corpus/content" --output "$dir/out/dossier-warm" >/dev/null
    hugo_build "$dir/hugo" "$dir/out/hugo-warm" >"$work/hugo.log" 2>&1 || { cat "$work/hugo.log" >&2; exit 1; }
    if grep -Eq 'ERROR|WARN' "$work/hugo.log"; then
        echo "bench.sh: Hugo did not build the twin cleanly:" >&2; cat "$work/hugo.log" >&2; exit 1
    fi
    pages[$n,dossier]=$(pages_in "$dir/out/dossier-warm")
    log "N=$n: search index bytes loaded per query"
    node benches/search-bytes.mjs "$dir/out/dossier-warm" "${search_queries[@]}" >"$work/search.$n"
    index_mib[$n]=$(du -sk "$dir/out/dossier-warm/search" | awk '{ printf "%.1f", $1 / 1024 }')
    search[$n]=$(sed -n 's/^largest: \([0-9]*\) bytes$/\1/p' "$work/search.$n")
    pages[$n,hugo]=$(pages_in "$dir/out/hugo-warm")
    sources=$(find "$dir/hugo/content" -name '*.md' ! -name '_index.md' | wc -l)
    hugo_single=$(find "$dir/out/hugo-warm" -mindepth 3 -name index.html | wc -l)
    if [ "$hugo_single" -ne "$sources" ]; then
        echo "bench.sh: Hugo rendered $hugo_single of $sources twin pages" >&2; exit 1
    fi

    log "N=$n: $runs runs each, alternating dossier and Hugo, each into a fresh folder"
    for r in $(seq 1 "$runs"); do
        timed "n$n.dossier" "$dossier" build --content "$dir/corpus/content" --output "$dir/out/dossier-$r"
        timed "n$n.hugo" hugo --source "$dir/hugo" --destination "$dir/out/hugo-$r" --quiet
    done
    for tool in dossier hugo; do
        wall[$n,$tool]=$(column_of "n$n.$tool" 1 | median)
        cpu[$n,$tool]=$(column_of "n$n.$tool" 2 | median)
        rss[$n,$tool]=$(column_of "n$n.$tool" 3 | sort -n | tail -1)
    done

    "$dossier" build --content "$dir/corpus/content" --output "$dir/out/timings" --timings \
        | grep -v '^Built' >"$work/timings.$n"
    # Timed runs are over for this N: its outputs can go.
    rm -rf "$dir/out"

    log "N=$n: $edits one-note edits under dossier serve"
    serve_edits "$dossier" "$dir/corpus/content" "$dir/corpus/content/notes/note-00000.md" "$dir/serve" "$edits"
    edit[$n]=$(median <"$dir/serve/rebuild.times")
    cp "$dir/serve/stages" "$work/edit-stages.$n"
    rm -rf "$dir/serve/served"
done

mkdir -p "$work/default"
default_ms= default_error=
if "$dossier" build --content "$root/content" --output "$work/default/warm" >/dev/null 2>"$work/default.err"; then
    log "default dossier: $cold_runs cold builds (new process, fresh output folder each)"
    for r in $(seq 1 "$cold_runs"); do
        timed default "$dossier" build --content "$root/content" --output "$work/default/out-$r"
    done
    default_ms=$(column_of default 1 | median | awk '{ printf "%d", $1 * 1000 + 0.5 }')
else
    default_error=$(grep -m1 'error' "$work/default.err" || tail -1 "$work/default.err")
    log "the default dossier (content/) does not build, so its cold build is not timed: $default_error"
fi

# --- report ----------------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi; }

echo
echo "## dossier against Hugo ($runs runs each; medians; peak RSS is the largest of the runs)"
echo
echo "| N | tool | median wall (s) | median CPU user+sys (s) | peak RSS (MiB) | HTML pages written | dossier/Hugo wall |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    ratio=$(awk -v d="${wall[$n,dossier]}" -v h="${wall[$n,hugo]}" 'BEGIN { if (h > 0) printf "%.2f", d / h; else print "n/a" }')
    for tool in dossier hugo; do
        [ "$tool" = dossier ] && r=$ratio || r=
        printf '| %s | %s | %.2f | %.2f | %s | %s | %s |\n' "$n" "$tool" "${wall[$n,$tool]}" \
            "${cpu[$n,$tool]}" "$(mib "${rss[$n,$tool]}")" "${pages[$n,$tool]}" "$r"
    done
done

echo
echo "## Goals"
echo
for n in "${sizes[@]}"; do
    echo "- $(verdict "${wall[$n,dossier]} <= 0.5 * ${wall[$n,hugo]}") dossier wall ≤ 0.5 × Hugo at N=$n: ${wall[$n,dossier]} s against ${wall[$n,hugo]} s"
done
for ((i = 1; i < ${#sizes[@]}; i++)); do
    a=${sizes[i-1]} b=${sizes[i]}
    limit=$(awk -v a="$a" -v b="$b" -v t="${wall[$a,dossier]}" 'BEGIN { printf "%.3f", 1.1 * b / a * t }')
    echo "- $(verdict "${wall[$b,dossier]} <= $limit") linear: t($b) ≤ $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%g", 1.1 * b / a }') × t($a): ${wall[$b,dossier]} s against a limit of $limit s"
done
[ ${#sizes[@]} -gt 1 ] || echo "- n/a linear: needs two sizes"
for n in "${sizes[@]}"; do
    echo "- $(verdict "${edit[$n]} <= 0.1 * ${wall[$n,dossier]}") one-note edit under serve ≤ 0.1 × full build at N=$n: ${edit[$n]} s against ${wall[$n,dossier]} s"
done
big=${sizes[-1]}
echo "- $(verdict "${rss[$big,dossier]} < 1048576") dossier peak RSS at N=$big < 1 GiB: $(mib "${rss[$big,dossier]}") MiB"
if [ -n "$default_ms" ]; then
    echo "- $(verdict "$default_ms < 100") default dossier cold build, median of $cold_runs < 100 ms: $default_ms ms"
else
    echo "- MISS default dossier cold build < 100 ms: content/ does not build ($default_error)"
fi

echo
echo "## One-note edit under dossier serve, beside the full build (medians, seconds)"
echo
echo "| N | full build | one-note edit under serve | edit / full build |"
echo "|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    printf '| %s | %.2f | %.2f | %s |\n' "$n" "${wall[$n,dossier]}" "${edit[$n]}" \
        "$(awk -v e="${edit[$n]}" -v f="${wall[$n,dossier]}" 'BEGIN { printf "%.3f", e / f }')"
done
for n in "${sizes[@]}"; do
    echo
    echo "N=$n, serve's stages of the last rebuild:"
    echo '```'
    cat "$work/edit-stages.$n"
    echo '```'
done
echo "The edit's time is the one serve prints: from the start of the rebuild (after the"
echo "150 ms quiet window that follows a save) to the output folder written."

echo
echo "## Search index loaded per query (manifest and shards; the largest over ${#search_queries[@]} queries)"
echo
echo "| N | largest (bytes) | largest (MiB) | whole index (MiB) |"
echo "|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    printf '| %s | %s | %.2f | %s |\n' "$n" "${search[$n]}" \
        "$(awk -v b="${search[$n]}" 'BEGIN { print b / 1048576 }')" "${index_mib[$n]}"
done
for n in "${sizes[@]}"; do
    echo
    echo "N=$n:"
    echo '```'
    cat "$work/search.$n"
    echo '```'
done

echo
echo "## dossier build --timings (one run per N)"
for n in "${sizes[@]}"; do
    echo
    echo "N=$n:"
    echo '```'
    cat "$work/timings.$n"
    echo '```'
done
echo
echo "The machine's load is not controlled: on a shared machine these figures are noisy."
