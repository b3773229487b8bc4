#!/usr/bin/env bash
# Installs what tests/browser/check-site.mjs needs, when it is missing:
#   - Debian's chromium (/usr/bin/chromium)
#   - a Java runtime >= 17 (vnu.jar 26.x says "Java17+"; its bundled Jetty is
#     compiled for Java 17, so 11 is not enough for all of it)
#   - node_modules (npm ci) when missing or older than package-lock.json
# Idempotent; safe to run from any directory. Prints one line per thing it
# found or did.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf 'install.sh: %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  fi
fi

apt_pkgs=()

# --- chromium -------------------------------------------------------------
if [ -x /usr/bin/chromium ]; then
  # The Debian wrapper prints a harmless "[: ...: unexpected operator" on
  # machines with several /dev/shm mounts; keep that out of our output.
  log "found chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
else
  apt_pkgs+=(chromium)
fi

# --- java >= 17 ---------------------------------------------------------------
java_major() {
  # `java -version` prints e.g. 'openjdk version "17.0.15" 2025-04-15' or
  # 'java version "1.8.0_392"' on stderr.
  local v
  v="$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  [ -n "$v" ] || { echo 0; return; }
  case "$v" in
    1.*) echo "$v" | cut -d. -f2 ;;
    *) echo "${v%%[.+-]*}" ;;
  esac
}

if command -v java >/dev/null 2>&1 && [ "$(java_major)" -ge 17 ] 2>/dev/null; then
  log "found java $(java_major) ($(command -v java))"
else
  apt_pkgs+=(default-jre-headless)
fi

# --- apt (only when something is missing) ----------------------------------
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  log "installing with apt-get: ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${apt_pkgs[@]}" >/dev/null
  for p in "${apt_pkgs[@]}"; do
    case "$p" in
      chromium)
        [ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium still missing after apt-get install"; exit 1; }
        log "installed chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)" ;;
      default-jre-headless)
        if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
          log "ERROR: java >= 17 still not the default after installing default-jre-headless (see update-alternatives --config java)"
          exit 1
        fi
        log "installed java $(java_major) ($(command -v java))" ;;
    esac
  done
fi

# --- node_modules -----------------------------------------------------------
command -v npm >/dev/null 2>&1 || { log "ERROR: npm not found (Node >= 20 is required)"; exit 1; }

lock="$here/package-lock.json"
stamp="$here/node_modules/.install-stamp"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
have=""
[ -f "$stamp" ] && have="$(cat "$stamp")"

if [ -d "$here/node_modules" ] && [ "$want" = "$have" ]; then
  log "found node_modules up to date with package-lock.json"
else
  # --ignore-scripts: vnu-jar's postinstall would try to download a JDK from
  # GitHub; we use the system Java instead, and no other package needs a script.
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  printf '%s\n' "$want" > "$stamp"
  log "ran npm ci in $here"
fi
