# Sourced by benches/newswcl50-eval.sh and benches/same-output.sh: imports one
# NewsWCL50 event's five articles into a scratch dossier as a new user would, each
# with its outlet and no actor file.
#   newswcl50_import DOSSIER_BIN EVAL_DIR EVENT CONTENT_DIR
newswcl50_import() {
    local bin=$1 eval_dir=$2 event=$3 content=$4 file name outlet
    mkdir -p "$content"
    echo "title = \"NewsWCL50 event $event\"" > "$content/dossier.toml"
    for file in "$eval_dir"/articles/e"$event"-*.txt; do
        name=$(basename "$file" .txt)
        # The dataset's slant codes name the outlets; -LL- before -L- matters.
        case $name in
            *-LL-*) outlet="HuffPost" ;;
            *-L-*) outlet="The New York Times" ;;
            *-M-*) outlet="USA Today" ;;
            *-RR-*) outlet="Breitbart" ;;
            *-R-*) outlet="Fox News" ;;
            *) echo "newswcl50: no outlet for $name" >&2; return 1 ;;
        esac
        # Slugs from the file names: two articles without a headline would collide.
        "$bin" import --content "$content" --outlet "$outlet" \
            --slug "$(printf '%s' "$name" | tr '[:upper:]' '[:lower:]')" "$file" > /dev/null
    done
}
