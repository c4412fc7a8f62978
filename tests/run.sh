#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what the tests need, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/setup.sh
bash tests/e2e/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test SshSupportBot.sln -c Release --nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for readers that do not know dotnet's summary format.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { if (p + f > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
