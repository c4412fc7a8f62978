#!/usr/bin/env bash
# Regenerates the OpenSSH fixtures from the real client and server on this machine.
#
# Needs root (Debian: apt-get install openssh-client openssh-server util-linux).
# Approach: sshd must run as root to switch to the logging-in user, and a root login with a
# temporary home is not possible, so the script creates a dedicated user (sshfixture) whose home
# lives in a fresh directory under /opt (not /tmp: StrictModes refuses homes below a world-writable
# directory), starts its own sshd on 127.0.0.1 with its own sshd_config and host keys, and runs
# every client as that user with runuser so paths look like a real user's ~/.ssh.
# Each fixture is exactly what the terminal showed (stderr+stdout), preceded by the command line
# as a "$ " prompt, the way users paste it. Nothing in the output is replaced.
# Usage: sudo ./record.sh   (writes *.txt next to this script; removes the user and files at the end)
set -u

OUT="$(cd "$(dirname "$0")" && pwd)"
USER_NAME=sshfixture
PORT=${PORT:-22422}
# A fixed base keeps the paths in the fixtures (and so in the tests) stable across regenerations.
BASE=${BASE:-/opt/ssh-fixture}
rm -rf "$BASE"
mkdir -p "$BASE"
chmod 755 "$BASE"
HOME_DIR="$BASE/home/$USER_NAME"
SRV="$BASE/server"
mkdir -p "$BASE/home" "$SRV"
chmod 755 "$BASE/home"
mkdir -p /run/sshd

id "$USER_NAME" >/dev/null 2>&1 || useradd -M -d "$HOME_DIR" -s /bin/bash "$USER_NAME"
usermod -d "$HOME_DIR" "$USER_NAME"
passwd -d "$USER_NAME" >/dev/null 2>&1 || true
usermod -p '*' "$USER_NAME"   # no password at all, but not locked ('!' would block publickey too)
mkdir -p "$HOME_DIR/.ssh"
chown -R "$USER_NAME:$USER_NAME" "$HOME_DIR"
chmod 700 "$HOME_DIR" "$HOME_DIR/.ssh"

SSH_DIR="$HOME_DIR/.ssh"
KNOWN="$SSH_DIR/known_hosts"
SSHD_PID=""

as_user() { runuser -u "$USER_NAME" -- env HOME="$HOME_DIR" LANG=C.UTF-8 "$@"; }

host_keys() {
  rm -f "$SRV"/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -f "$SRV/ssh_host_ed25519_key" -C "fixture-host"
  ssh-keygen -q -t ecdsa -N '' -f "$SRV/ssh_host_ecdsa_key" -C "fixture-host"
  ssh-keygen -q -t rsa -b 2048 -N '' -f "$SRV/ssh_host_rsa_key" -C "fixture-host"
}

write_sshd_config() {
  cat > "$SRV/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $SRV/ssh_host_ed25519_key
HostKey $SRV/ssh_host_ecdsa_key
HostKey $SRV/ssh_host_rsa_key
UsePAM no
StrictModes yes
PubkeyAuthentication yes
PasswordAuthentication ${PASSWORD_AUTH:-no}
KbdInteractiveAuthentication no
MaxAuthTries ${MAX_AUTH_TRIES:-6}
AllowUsers $USER_NAME
PidFile $SRV/sshd.pid
PrintMotd no
PrintLastLog yes
Banner none
Subsystem sftp internal-sftp
EOF
}

start_sshd() {
  stop_sshd
  write_sshd_config
  /usr/sbin/sshd -f "$SRV/sshd_config" -E "$SRV/sshd.log"
  for _ in $(seq 50); do [ -s "$SRV/sshd.pid" ] && break; sleep 0.1; done
  SSHD_PID=$(cat "$SRV/sshd.pid")
}

stop_sshd() {
  if [ -n "$SSHD_PID" ]; then kill "$SSHD_PID" 2>/dev/null; sleep 0.3; SSHD_PID=""; fi
  rm -f "$SRV/sshd.pid"
}

cleanup() {
  stop_sshd
  userdel "$USER_NAME" 2>/dev/null
  rm -rf "$BASE"
}
trap cleanup EXIT

# record NAME COMMAND...: runs the command as the test user, the way it appears on a terminal.
record() {
  local name=$1; shift
  { printf '%s@fixture:~$ %s\n' "$USER_NAME" "$*"; as_user bash -c "$*" 2>&1; } > "$OUT/$name.txt"
  echo "recorded $name.txt"
}

# record_tty NAME INPUT COMMAND...: for prompts that only appear on a terminal (script gives it one).
record_tty() {
  local name=$1 input=$2; shift 2
  { printf '%s@fixture:~$ %s\n' "$USER_NAME" "$*"
   (sleep 1; printf '%s\n' "$input"; sleep 1) | as_user script -qefc "$*" /dev/null 2>&1 | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'
  } > "$OUT/$name.txt"
  echo "recorded $name.txt"
}

user_key() { # user_key NAME TYPE [PASSPHRASE]
  as_user ssh-keygen -q -t "$2" -N "${3:-}" -f "$SSH_DIR/$1" -C "$USER_NAME@fixture"
}

host_keys
user_key id_ed25519 ed25519
user_key id_rsa rsa
user_key other_ed25519 ed25519
user_key locked_ed25519 ed25519 'correct horse'
for i in 1 2 3 4; do user_key extra$i ed25519; done
as_user bash -c "cat '$SSH_DIR/id_ed25519.pub' '$SSH_DIR/locked_ed25519.pub' > '$SSH_DIR/authorized_keys'; chmod 600 '$SSH_DIR/authorized_keys'"
start_sshd

COMMON="ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$KNOWN -o BatchMode=yes"
TARGET="$USER_NAME@127.0.0.1"

# First connection records the host key (accept-new), so later cases meet a known host.
record login-succeeded "$COMMON -o StrictHostKeyChecking=accept-new -i ~/.ssh/id_ed25519 $TARGET 'echo logged in as \$(whoami)'"
record login-succeeded-v "$COMMON -v -i ~/.ssh/id_ed25519 $TARGET true"
record_tty login-succeeded-tty "exit" "ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$KNOWN -i ~/.ssh/id_ed25519 -tt $TARGET"

# No key at all: move the user's keys aside so only ssh's default names are tried (and missing).
mkdir -p "$BASE/aside" && mv "$SSH_DIR"/id_* "$SSH_DIR"/other_* "$SSH_DIR"/extra* "$SSH_DIR"/locked_* "$BASE/aside/"
record publickey-denied-no-key "$COMMON $TARGET true"
record publickey-denied-no-key-v "$COMMON -v $TARGET true"
record publickey-denied-no-key-vvv "$COMMON -vvv $TARGET true"
record publickey-denied-missing-identity "$COMMON -i ~/.ssh/id_missing $TARGET true"
mv "$BASE/aside/"* "$SSH_DIR/"
record publickey-denied-wrong-key "$COMMON -o IdentitiesOnly=yes -i ~/.ssh/other_ed25519 $TARGET true"
record publickey-denied-wrong-key-v "$COMMON -v -o IdentitiesOnly=yes -i ~/.ssh/other_ed25519 $TARGET true"
record publickey-denied-wrong-key-vvv "$COMMON -vvv -o IdentitiesOnly=yes -i ~/.ssh/other_ed25519 $TARGET true"
record publickey-denied-wrong-user-v "$COMMON -v -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 nosuchuser@127.0.0.1 true"

# ssh reads the private half only once the server accepts the public one, so use the registered key.
as_user chmod 644 "$SSH_DIR/id_ed25519"
record private-key-too-open "$COMMON -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 $TARGET true"
record private-key-too-open-v "$COMMON -v -o IdentitiesOnly=yes -i ~/.ssh/id_ed25519 $TARGET true"
as_user chmod 600 "$SSH_DIR/id_ed25519"

record too-many-auth-failures-default "$COMMON -i ~/.ssh/extra1 -i ~/.ssh/extra2 -i ~/.ssh/extra3 -i ~/.ssh/extra4 -i ~/.ssh/other_ed25519 -i ~/.ssh/id_rsa $TARGET true"
MAX_AUTH_TRIES=2 start_sshd
record too-many-auth-failures "$COMMON -i ~/.ssh/extra1 -i ~/.ssh/extra2 -i ~/.ssh/extra3 -i ~/.ssh/extra4 $TARGET true"
record too-many-auth-failures-v "$COMMON -v -i ~/.ssh/extra1 -i ~/.ssh/extra2 -i ~/.ssh/extra3 -i ~/.ssh/extra4 $TARGET true"
PASSWORD_AUTH=yes start_sshd
record publickey-password-denied "$COMMON -o IdentitiesOnly=yes -i ~/.ssh/other_ed25519 $TARGET true"
start_sshd

record_tty passphrase-wrong-tty "wrong passphrase" "ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$KNOWN -o IdentitiesOnly=yes -o NumberOfPasswordPrompts=1 -i ~/.ssh/locked_ed25519 $TARGET true"

record key-algorithm-host-key "$COMMON -o HostKeyAlgorithms=ssh-dss $TARGET true"
record key-algorithm-kex "$COMMON -o KexAlgorithms=diffie-hellman-group1-sha1 $TARGET true"

# Unknown host: an empty known_hosts file.
as_user bash -c "rm -f '$SSH_DIR/known_hosts_empty'; touch '$SSH_DIR/known_hosts_empty'"
record host-key-unknown-strict "ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$SSH_DIR/known_hosts_empty -o StrictHostKeyChecking=yes -o BatchMode=yes -i ~/.ssh/id_ed25519 $TARGET true"
record host-key-unknown-batch "ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$SSH_DIR/known_hosts_empty -o BatchMode=yes -i ~/.ssh/id_ed25519 $TARGET true"
record_tty host-key-unknown-prompt "no" "ssh -F /dev/null -p $PORT -o UserKnownHostsFile=$SSH_DIR/known_hosts_empty -i ~/.ssh/id_ed25519 $TARGET true"

# Changed host key: new host keys behind the same [127.0.0.1]:PORT.
host_keys
start_sshd
record host-key-changed "$COMMON -i ~/.ssh/id_ed25519 $TARGET true"
record host-key-changed-v "$COMMON -v -i ~/.ssh/id_ed25519 $TARGET true"
record keygen-remove-host "ssh-keygen -f $KNOWN -R '[127.0.0.1]:$PORT'"
as_user rm -f "$KNOWN.old"
record host-key-accept-new "$COMMON -o StrictHostKeyChecking=accept-new -i ~/.ssh/id_ed25519 $TARGET true"

record connection-refused "ssh -F /dev/null -o BatchMode=yes -p 1 $TARGET true"
record connection-refused-v "ssh -F /dev/null -v -p 1 -o BatchMode=yes $TARGET true"
record host-not-found "ssh -F /dev/null -o BatchMode=yes $USER_NAME@nonexistent.invalid"
record host-with-port "ssh -F /dev/null -o BatchMode=yes $USER_NAME@gw.ddbj.nig.ac.jp:22"

# Bad permissions on the user's own ~/.ssh/config (only the default config is checked).
as_user bash -c "printf 'Host gw\n    HostName gw.ddbj.nig.ac.jp\n    User $USER_NAME\n' > '$SSH_DIR/config'; chmod 666 '$SSH_DIR/config'"
record config-bad-permissions "ssh -o BatchMode=yes gw true"
as_user chmod 600 "$SSH_DIR/config"
record ssh-g "ssh -G gw"
record ssh-g-default "ssh -F /dev/null -G gw.ddbj.nig.ac.jp"

record keygen-fingerprints-match "ssh-keygen -lf ~/.ssh/id_ed25519.pub; ssh-keygen -lf ~/.ssh/id_ed25519"
record keygen-fingerprints-differ "ssh-keygen -lf ~/.ssh/id_ed25519.pub; ssh-keygen -lf ~/.ssh/other_ed25519"

# Listings of a good tree, then of a bad one.
rm -f "$SSH_DIR"/extra* "$SSH_DIR"/locked_* "$SSH_DIR/known_hosts_empty"
record stat-good "stat -c '%a %n' ~ ~/.ssh ~/.ssh/*"
record ls-l-good "ls -ld ~ ~/.ssh; ls -l ~/.ssh"
as_user chmod 775 "$HOME_DIR"
as_user chmod 755 "$SSH_DIR"
as_user chmod 644 "$SSH_DIR/id_ed25519" "$SSH_DIR/authorized_keys"
as_user chmod 666 "$SSH_DIR/known_hosts"
as_user chmod 664 "$SSH_DIR/config"
chown root:root "$SSH_DIR/id_rsa"
record stat-bad "stat -c '%a %n' ~ ~/.ssh ~/.ssh/*"
record ls-l-bad "ls -ld ~ ~/.ssh; ls -l ~/.ssh"
record ls-la-bad "ls -la ~/.ssh"

echo "fixtures in $OUT (base path was $BASE, user $USER_NAME)"
