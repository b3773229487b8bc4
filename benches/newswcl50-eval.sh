#!/usr/bin/env bash
# Scores dossier on the NewsWCL50 development set (../shared/eval/newswcl50-dev/):
# each event's five articles are imported into a scratch dossier with no actor file
# and no framing.toml, so the figures measure what the tool finds on its own, then
# built, and score.py reads the four sites.
#
#   benches/newswcl50-eval.sh              # build, import, score
#   benches/newswcl50-eval.sh --verbose    # extra arguments go to score.py
#
# The scratch dossiers go under target/newswcl50-dev/eN (honouring CARGO_TARGET_DIR).
# The evaluation files stay where they are: they are for measuring only and must
# never be copied into the repository.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

eval_dir=${NEWSWCL50_DIR:-$root/../shared/eval/newswcl50-dev}
if [ ! -d "$eval_dir" ]; then
    echo "newswcl50-eval: no evaluation set at $eval_dir; nothing to score"
    exit 0
fi

target=${CARGO_TARGET_DIR:-$root/target}
cargo build --release --quiet
bin=$target/release/dossier
work=$target/newswcl50-dev

source "$root/benches/newswcl50-import.sh"
sites=()
for event in 1 3 4 8; do
    dir=$work/e$event
    rm -rf "$dir"
    newswcl50_import "$bin" "$eval_dir" "$event" "$dir/content"
    "$bin" build --content "$dir/content" --output "$dir/site" > /dev/null
    sites+=("$dir/site")
done

python3 "$eval_dir/score.py" "${sites[@]}" "$@"
