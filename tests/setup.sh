#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine: the real OpenSSH programs the
# diagnostics and probe tests run, and the redis-server the two-replica tests start. Idempotent and quick when everything is already there.
set -euo pipefail

packages=(openssh-client openssh-server redis-server)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "tests/setup.sh: please install: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "tests/setup.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# sshd refuses to start without its privilege-separation directory.
mkdir -p /run/sshd 2>/dev/null || true
