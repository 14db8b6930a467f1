#!/usr/bin/env bash
# Restores the embedded PostgreSQL of an OpenHotline data directory from a base backup and the WAL archive
# (point-in-time recovery). Stop the platform first; start it again afterwards (./run.sh).
#
#   ops/restore.sh [--data-dir ./data] [--backup-dir DIR] [--backup FILE] [--target-time '2026-12-05 08:30:00+08']
#
# --data-dir     the platform's HOTLINE_DATA_DIR (default ./data)
# --backup-dir   HOTLINE_BACKUP_DIR (default <data-dir>/backup): base/ holds the base backups, wal/ the archived WAL
# --backup       the base backup to start from (default: the newest in <backup-dir>/base)
# --target-time  recover up to this moment (default: everything the WAL archive holds)
#
# The current database directory is kept as <data-dir>/postgres.before-restore-<time> (delete it once satisfied).
# PostgreSQL replays the archived WAL in a recovery run started here, promotes itself and stops; the platform then
# starts on the restored database as usual. docs/operations.md explains it, and the external-database equivalent.
set -euo pipefail

data=./data
backups=""
backup=""
target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data=$2; shift 2 ;;
    --backup-dir) backups=$2; shift 2 ;;
    --backup) backup=$2; shift 2 ;;
    --target-time) target=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
data=$(cd "$data" && pwd)
backups=${backups:-${HOTLINE_BACKUP_DIR:-$data/backup}}
backups=$(cd "$backups" && pwd)
pgdata=$data/postgres
archive=$backups/wal

if [ -f "$pgdata/postmaster.pid" ] && kill -0 "$(head -1 "$pgdata/postmaster.pid")" 2>/dev/null; then
  echo "PostgreSQL is running on $pgdata: stop the platform first." >&2
  exit 1
fi
if [ -z "$backup" ]; then
  backup=$(ls -1 "$backups"/base/base-*.tar.gz 2>/dev/null | sort | tail -1 || true)
fi
if [ -z "$backup" ] || [ ! -f "$backup" ]; then
  echo "No base backup found in $backups/base (take one on the console: 运维管理 › 备份与巡检)." >&2
  exit 1
fi
bin=$(ls -d "$data"/pg-bin/PG-*/bin 2>/dev/null | head -1 || true)
if [ -z "$bin" ]; then
  echo "No PostgreSQL binaries under $data/pg-bin (start the platform once on this data directory)." >&2
  exit 1
fi

umask 077
if [ -d "$pgdata" ]; then
  kept="$pgdata.before-restore-$(date +%Y%m%d-%H%M%S)"
  mv "$pgdata" "$kept"
  echo "Current database kept as $kept"
fi
mkdir -p "$pgdata"
chmod 700 "$pgdata"
echo "Unpacking $backup ..."
tar -xzf "$backup" -C "$pgdata"
for d in pg_wal pg_wal/archive_status pg_replslot pg_dynshmem pg_notify pg_serial pg_snapshots pg_stat_tmp pg_subtrans log; do
  mkdir -p "$pgdata/$d"
done
# A password file from the kept directory is not needed: logins are in the restored cluster itself.
touch "$pgdata/recovery.signal"
{
  echo "# ops/restore.sh (removed again once recovery is done)"
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  if [ -n "$target" ]; then
    echo "recovery_target_time = '$target'"
  fi
  echo "recovery_target_action = 'promote'"
} >> "$pgdata/postgresql.auto.conf"

run=()
if [ "$(id -u)" = 0 ]; then
  run=(unshare -U) # PostgreSQL refuses root; the platform runs it the same way
fi
sock=$(mktemp -d)
chmod 777 "$sock"
port=$(( 40000 + RANDOM % 20000 ))
echo "Replaying the archived WAL${target:+ up to $target} ..."
# max_connections as the platform runs it (recovery refuses less than the primary had); no hot standby: pg_ctl -w
# then returns once recovery has finished and the server promoted itself
"${run[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$data/restore.log" -w -t 3600 \
  -o "-p $port -c listen_addresses= -c unix_socket_directories=$sock -c archive_mode=off -c max_connections=200 -c hot_standby=off" start >/dev/null
for _ in $(seq 1 3600); do
  [ -f "$pgdata/recovery.signal" ] || break
  sleep 1
done
"${run[@]}" "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
rm -rf "$sock"
if [ -f "$pgdata/recovery.signal" ]; then
  echo "Recovery did not finish; see $data/restore.log" >&2
  exit 1
fi
sed -i '/^# ops\/restore.sh/,$d' "$pgdata/postgresql.auto.conf"
echo "Restored. Last lines of the recovery log:"
grep -E "redo done|recovery stopping|selected new timeline|archive recovery complete" "$data/restore.log" | tail -4 || true
echo "Start the platform again (./run.sh)."
