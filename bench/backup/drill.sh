#!/usr/bin/env bash
# Backup drill (备份恢复演练): starts the platform on a fresh data directory, takes a base backup through the API,
# writes more rows AFTER the backup (they can only come back through the archived WAL), records row counts and
# checksums of the main tables, crashes the platform and its PostgreSQL (kill -9, no shutdown checkpoint), destroys
# the database directory, restores it with ops/restore.sh, starts the platform again and compares. Prints backup
# time/size, restore time, the comparison, and what was lost with the disk (rows written after the last archived WAL).
#
#   bench/backup/drill.sh            (needs server/target/openhotline.jar: ./mvnw -B -DskipTests package)
#   DRILL_HISTORY=true bench/backup/drill.sh   with the demo year of history (≈ 1.2 million rows)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
jar=${DRILL_JAR:-$root/server/target/openhotline.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
java_bin=""
for c in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*25*/bin/java; do
  if [ -n "$c" ] && [ -x "$c" ]; then java_bin=$c; break; fi
done
command -v psql >/dev/null || { echo "the drill compares tables with psql (apt-get install postgresql-client)" >&2; exit 1; }

work=$(mktemp -d /tmp/hotline-drill.XXXXXX)
data=$work/data
port=$(( 20000 + RANDOM % 10000 ))
password=Drill-Pass-2026
log=$work/platform.log
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

start() {
  "$java_bin" -jar "$jar" --hotline.data-dir="$data" --server.port="$port" --hotline.sip.enabled=false \
    --hotline.demo.password="$password" --hotline.demo.history="${DRILL_HISTORY:-false}" >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -40 "$log"; echo "platform died" >&2; exit 1; }
    sleep 1
  done
  echo "platform did not start" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
crash() { # the machine dies: no graceful shutdown of the platform or of PostgreSQL
  local pg
  pg=$(head -1 "$data/postgres/postmaster.pid")
  kill -9 "$pid" "$pg"
  wait "$pid" 2>/dev/null || true
  pid=""
  while kill -0 "$pg" 2>/dev/null; do sleep 0.2; done
}

sql() { # as the embedded superuser, on the port the running PostgreSQL took
  local pgport su
  pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
  su=$(sed -n 's/^postgres=//p' "$data/postgres.passwords")
  PGPASSWORD=$su psql -X -q -A -t -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "$1"
}

fingerprint() { # rows and an md5 of every row of the main tables, sorted
  local out=""
  for t in account org_node work_order wo_timeline wo_assignment cc_call cc_agent kb_article audit_event ops_alarm_rule drill_probe; do
    if [ "$(sql "select to_regclass('public.$t') is not null")" = "t" ]; then
      out+="$t $(sql "select count(*) || ' ' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '-') from $t x")"$'\n'
    fi
  done
  printf '%s' "$out"
}

echo "== backup drill in $work (history: ${DRILL_HISTORY:-false})"
t0=$(date +%s.%N); start; t1=$(date +%s.%N)
printf 'platform started in %.1f s\n' "$(echo "$t1 - $t0" | bc)"

jar_cookies=$work/cookies
curl -fs -c "$jar_cookies" -b "$jar_cookies" "http://127.0.0.1:$port/api/auth/me" >/dev/null || true
xsrf() { awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar_cookies" | tail -1; }
api() { curl -fsS -c "$jar_cookies" -b "$jar_cookies" -H "X-XSRF-TOKEN: $(xsrf)" -H 'Content-Type: application/json' "$@"; }
api -X POST "http://127.0.0.1:$port/api/auth/login" -d "{\"username\":\"sysadmin\",\"password\":\"$password\"}" >/dev/null

sql "create table drill_probe (id bigserial primary key, note text, at timestamptz default now())"
sql "create table drill_tail (id bigserial primary key, at timestamptz default now())"
sql "insert into drill_probe (note) select 'before backup ' || g from generate_series(1, 1000) g"
b0=$(date +%s.%N)
backup=$(api -X POST "http://127.0.0.1:$port/api/ops/backups")
b1=$(date +%s.%N)
file=$(echo "$backup" | sed -n 's/.*"file":"\([^"]*\)".*/\1/p')
size=$(stat -c %s "$file")
# written after the base backup: only the WAL archive can bring these back
sql "insert into drill_probe (note) select 'after backup ' || g from generate_series(1, 5000) g"
sql "update account set display_name = display_name where id in (select id from account order by id limit 10)" || true
acknowledged=$(sql "select count(*) from drill_probe")
segment=$(sql "select pg_walfile_name(pg_switch_wal())")
# archive_command copies the switched segment asynchronously: wait until PostgreSQL reports it archived
for _ in $(seq 1 600); do
  [ "$(sql "select coalesce(last_archived_wal >= '$segment', false) from pg_stat_archiver")" = "t" ] && break
  sleep 0.2
done
before=$(fingerprint)
wal_segments=$(ls "$data/backup/wal" | wc -l)
# written after the last archived segment: lives only in data/postgres/pg_wal, lost with the disk (RPO: archive_timeout)
sql "insert into drill_tail select from generate_series(1, 100)"
tail_written=$(sql "select count(*) from drill_tail")
crash

echo "== destroying the database directory"
rm -rf "$data/postgres"
r0=$(date +%s.%N)
ops/restore.sh --data-dir "$data" >"$work/restore.out"
r1=$(date +%s.%N)
start
after=$(fingerprint)
recovered=$(sql "select count(*) from drill_probe")
tail_recovered=$(sql "select count(*) from drill_tail")
stop

printf '\n%-16s %s\n' "base backup" "$(printf '%.1f s, %.1f MB (%s)' "$(echo "$b1 - $b0" | bc)" "$(echo "$size / 1048576" | bc -l)" "$(basename "$file")")"
printf '%-16s %s\n' "WAL archived" "$wal_segments files"
printf '%-16s %s\n' "restore" "$(printf '%.1f s (unpack + WAL replay; platform start not included)' "$(echo "$r1 - $r0" | bc)")"
printf '%-16s %s\n' "PITR" "drill_probe rows acknowledged before the crash $acknowledged, after restore $recovered"
printf '%-16s %s\n' "lost with disk" "$tail_written rows written after the last archived WAL segment, $tail_recovered after restore"
echo
paste <(echo "$before") <(echo "$after") | awk -F'\t' '{ split($1, a, " "); split($2, b, " ");
  printf "%-14s rows %9s → %9s  checksum %s\n", a[1], a[2], b[2], (a[3] == b[3] && a[2] == b[2]) ? "equal" : "DIFFERENT" }'
if [ "$before" = "$after" ]; then
  echo "RESULT: restored database matches (row counts and checksums of $(echo "$before" | wc -l) tables)"
  rm -rf "$work"
else
  echo "RESULT: MISMATCH — data kept in $work" >&2
  exit 1
fi
