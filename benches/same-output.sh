#!/usr/bin/env bash
# Proves a refactoring changed no output: `save DIR` builds the default dossier, a
# generated 1,000-source corpus and (when ../shared/eval/newswcl50-dev is there) a
# dossier imported from it with no actor file, into DIR; `check DIR` builds the same
# with the current code and diffs against DIR. `dossier.json` can be left out of the
# diff with SAME_OUTPUT_SKIP_JSON=1, for a change of its format.
#
#   benches/same-output.sh save /tmp/ref     # before the first move
#   benches/same-output.sh check /tmp/ref    # after each step
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:?usage: same-output.sh save|check DIR}
dir=${2:?usage: same-output.sh save|check DIR}
case $mode in save|check) ;; *) echo "same-output.sh: save or check, not $mode" >&2; exit 2 ;; esac
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
(cd "$root" && cargo build --release --quiet --bin dossier --example corpus)
dossier=$target/release/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$dir
[ "$mode" = check ] && out=$work/new
mkdir -p "$out"

"$dossier" build --content "$root/content" --output "$out/default" >/dev/null
"$target/release/examples/corpus" --sources 1000 --out "$work/corpus" >/dev/null
"$dossier" build --content "$work/corpus/content" --output "$out/corpus1000" >/dev/null

eval_dir=$root/../shared/eval/newswcl50-dev
if [ -d "$eval_dir/articles" ]; then
    source "$root/benches/newswcl50-import.sh"
    newswcl50_import "$dossier" "$eval_dir" 1 "$work/wcl/content"
    "$dossier" build --content "$work/wcl/content" --output "$out/newswcl50-e1" >/dev/null
fi

if [ "$mode" = check ]; then
    exclude=()
    [ "${SAME_OUTPUT_SKIP_JSON:-}" = 1 ] && exclude=(--exclude dossier.json --exclude dossier.schema.json)
    if diff -r -q "${exclude[@]}" "$dir" "$out"; then
        echo "same-output: identical to $dir"
    else
        echo "same-output: differs from $dir (diff -r $dir $out after re-running)" >&2
        exit 1
    fi
fi
