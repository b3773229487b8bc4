#!/usr/bin/env bash
# The one test command: installs what the browser checks need when it is
# missing (Chromium, Java 17+, the node packages; see tests/browser/install.sh),
# then runs every test. Extra arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash tests/browser/install.sh
cargo test "$@"
