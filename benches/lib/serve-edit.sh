# Sourced by benches/serve-rebuild.sh and benches/bench.sh: one way to time a
# one-note edit under `dossier serve`, from the moment serve starts rebuilding
# (after the 150 ms quiet window that follows a save) to the output folder
# written, as serve prints it.
#
#   serve_edits DOSSIER CONTENT NOTE DIR EDITS
#
# starts `DOSSIER serve --timings` on CONTENT into DIR/served, makes EDITS edits
# to NOTE (a new word in its first paragraph, a different one each time), each
# after the previous rebuild, puts NOTE back and stops serve. Leaves in DIR:
# rebuild.times (seconds until serve serves the edited pages, one line per
# edit), written.times (until they are on disk too), scope (what the last rebuild
# rendered and wrote), stages (serve's stage timings of the last rebuild) and
# rss_kib (serve's resident memory at the end). The caller's EXIT trap should
# call serve_stop, in case it fails half-way.

serve_pid=

serve_stop() {
    if [ -n "$serve_pid" ]; then
        kill -INT "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
        serve_pid=
    fi
}

serve_edits() {
    local dossier=$1 content=$2 note=$3 dir=$4 edits=$5
    mkdir -p "$dir"
    "$dossier" serve --port 0 --timings --content "$content" --output "$dir/served" >"$dir/serve.log" 2>&1 &
    serve_pid=$!
    until grep -q '^Serving at' "$dir/serve.log"; do
        kill -0 "$serve_pid" 2>/dev/null || { cat "$dir/serve.log" >&2; return 1; }
        sleep 0.2
    done
    cp "$note" "$dir/note.orig"
    local i before
    for i in $(seq 1 "$edits"); do
        before=$(grep -c '^Rebuilt' "$dir/serve.log" || true)
        # A new word in the first paragraph: the page, the search index, the export
        # and the pages that quote the note's links change; nothing else should.
        awk -v i="$i" 'NR == 1, /^\+\+\+$/ && NR > 1 { print; next } !done && /^[A-Z]/ { sub(/ /, " (bench edit " i ") "); done = 1 } { print }' \
            "$dir/note.orig" >"$note.bench-tmp"
        mv "$note.bench-tmp" "$note"
        until [ "$(grep -c '^Rebuilt' "$dir/serve.log" || true)" -gt "$before" ]; do
            if grep -q 'error:' "$dir/serve.log"; then cat "$dir/serve.log" >&2; return 1; fi
            sleep 0.1
        done
    done
    cp "$dir/note.orig" "$note"
    ps -o rss= -p "$serve_pid" | tr -d ' ' >"$dir/rss_kib"
    serve_stop
    # "Rebuilt in 1.23 s: …; served after 456 ms" → seconds. Serve serves the new
    # pages from memory before writing them to disk: "served after" is when the
    # open page can show the edit (rebuild.times), "Rebuilt in" when the output
    # folder holds it too (written.times).
    local seconds='{ if ($2 == "ms") printf "%.3f\n", $1 / 1000; else printf "%.3f\n", $1 }'
    grep '^Rebuilt' "$dir/serve.log" | sed -E 's/^Rebuilt in ([0-9.]+ m?s).*/\1/' |
        awk "$seconds" >"$dir/written.times"
    grep '^Rebuilt' "$dir/serve.log" |
        sed -E 's/.*served after ([0-9.]+ m?s)$/\1/; s/^Rebuilt in ([0-9.]+ m?s).*/\1/' |
        awk "$seconds" >"$dir/rebuild.times"
    grep '^Rebuilt' "$dir/serve.log" | tail -1 |
        sed -E 's/.*: ([0-9]+ of [0-9]+) pages rendered, ([0-9]+) files written.*/\1 rendered, \2 files written/' >"$dir/scope"
    # The stage timings printed after the last rebuild.
    awk '/^Rebuilt/ { block = "" ; keep = 1; next } keep && /^ *[a-z]+  / { block = block $0 "\n" } END { printf "%s", block }' \
        "$dir/serve.log" >"$dir/stages"
}
