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

# score.py's (b) reads the naming table of a lexicon (`comparison.naming`); a new
# story has none, and the names and epithets found in the text are in
# `comparison.found_naming`. This measures those: of the distinct phrasings the
# annotators marked for an entity in an article, how many a found-naming row of
# that article shows verbatim (case and a leading article aside).
python3 - "$eval_dir/gold.json" "${sites[@]}" <<'PY'
import json, os, re, sys

gold = json.load(open(sys.argv[1], encoding='utf-8'))
by_file = {os.path.basename(a['file']): a for a in gold['articles']}

def norm(text):
    return re.sub(r"^(the|a|an)\s+", '', text.lower().strip())

shown = total = 0
kinds = {}
for site in sys.argv[2:]:
    d = json.load(open(os.path.join(site, 'dossier.json'), encoding='utf-8'))
    comparison = d['analysis']['comparison']
    order = comparison['sources']
    rows = {}
    for actor in comparison['found_naming']['actors']:
        for row in actor['rows']:
            for use in row['uses']:
                rows.setdefault(order[use['source']], {})[norm(row['text'])] = row['kind']
    for source in d['sources']:
        article = by_file.get(os.path.basename(source['meta'].get('origin') or ''))
        if not article:
            continue
        found = rows.get(source['slug'], {})
        for phrasing in {norm(m['text']) for m in article['mentions']}:
            total += 1
            if phrasing in found:
                shown += 1
                kinds[found[phrasing]] = kinds.get(found[phrasing], 0) + 1
print('(b2) NAMES FOUND IN THE TEXT (comparison.found_naming, not read by score.py)')
print(f'  distinct annotated entity phrasings per article shown as a found-naming row: '
      f'{shown}/{total} = {100 * shown / max(total, 1):.1f}%  by kind: {dict(sorted(kinds.items()))}')
PY
