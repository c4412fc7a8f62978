#!/usr/bin/env bash
# Installs what the Web Chat end-to-end test needs: Debian's chromium and the pinned npm packages.
# Idempotent and quick when everything is already there; the project's test script calls it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "e2e setup: installing Debian chromium"
  sudo_cmd=""
  if [[ "$(id -u)" -ne 0 ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get install -y chromium || { $sudo_cmd apt-get update && $sudo_cmd apt-get install -y chromium; }
fi

# npm ci only when the lock file changed since the last install (npm writes node_modules/.package-lock.json).
if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
  echo "e2e setup: npm ci"
  (cd "$here" && npm ci --no-audit --no-fund)
fi
echo "e2e setup: ready"
