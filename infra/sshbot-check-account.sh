#!/bin/sh
# Read-only check of one account's SSH login files, for SshSupportBot's server-side check.
#
# Allow exactly this script, and nothing else, to the bot's service account through sudo, e.g. in /etc/sudoers.d/sshbot:
#   sshbot ALL=(root) NOPASSWD: /usr/local/sbin/sshbot-check-account.sh
# and set ServerCheck:Command to "sudo -n /usr/local/sbin/sshbot-check-account.sh".
#
# It prints modes and owners of the home directory, ~/.ssh and ~/.ssh/authorized_keys, and the fingerprints of the keys
# registered there; never the keys themselves nor their comments (which often carry e-mail addresses).
# Output, one tab-separated record per line:
#   path  <home|ssh_dir|authorized_keys>  <absolute path>  <octal mode>  <owner>  <group>  <file type>
#   missing  <home|ssh_dir|authorized_keys>  <absolute path>
#   key  <bits>  <SHA256:fingerprint>  <type>
#   error  <invalid-account|no-such-account>
#
# SSHBOT_CHECK_PASSWD names a passwd-format file to look the account up in instead of the system's database; the tests use
# it to check a temporary account tree. sudo's default env_reset removes it, so through sudo the system database is used.
set -u
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
LC_ALL=C
export LC_ALL

account="${1:-}"
# A POSIX-portable account name only: no options, no shell metacharacters, no paths.
case "$account" in
  '' | -* | *[!a-z0-9_-]*) printf 'error\tinvalid-account\n'; exit 2 ;;
esac
if [ "${#account}" -gt 32 ] || [ "$#" -ne 1 ]; then
  printf 'error\tinvalid-account\n'; exit 2
fi

if [ -n "${SSHBOT_CHECK_PASSWD:-}" ]; then
  entry=$(grep "^$account:" "$SSHBOT_CHECK_PASSWD" | head -n 1)
else
  entry=$(getent passwd "$account")
fi
home=$(printf '%s\n' "$entry" | cut -d: -f6)
if [ -z "$entry" ] || [ -z "$home" ]; then
  printf 'error\tno-such-account\n'; exit 3
fi

report() {
  # stat without -L: a symbolic link is reported as one, not followed.
  if [ -e "$2" ] || [ -L "$2" ]; then
    stat -c "path	$1	%n	%a	%U	%G	%F" -- "$2"
  else
    printf 'missing\t%s\t%s\n' "$1" "$2"
  fi
}

report home "$home"
report ssh_dir "$home/.ssh"
report authorized_keys "$home/.ssh/authorized_keys"

keys="$home/.ssh/authorized_keys"
# Only a regular file is read, so a link planted in place of authorized_keys cannot make this script read another file.
if [ -f "$keys" ] && [ ! -L "$keys" ]; then
  ssh-keygen -l -E sha256 -f "$keys" 2>/dev/null | awk '{ printf "key\t%s\t%s\t%s\n", $1, $2, $NF }' | tr -d '()'
fi
exit 0
