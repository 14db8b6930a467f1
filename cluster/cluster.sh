#!/usr/bin/env bash
# A whole OpenHotline cluster on one machine, loopback only (docs/adr/050-cluster.md, docs/deployment.md):
# etcd, two PostgreSQL 15 under Patroni (primary + synchronous standby), HAProxy (HTTP in front of the nodes, and
# the database port that follows the primary), two platform nodes and Kamailio in front of their SIP engines.
#
#   cluster/cluster.sh start            build the jar if missing, start everything, wait until it answers
#   cluster/cluster.sh status           what runs, who is the primary, which node holds the lease
#   cluster/cluster.sh stop             stop everything this script started (by the pids it wrote down)
#   cluster/cluster.sh drill KIND ...   a drill under load: node | db | kamailio | pause | cut | phone | scale | sync (bench/cluster)
#
# Environment: CLUSTER_DIR (default /tmp/openhotline-cluster: data, logs, pids, secrets), CLUSTER_BASE_PORT
# (default 17000; the script uses base..base+60 and two RTP ranges base+1000..base+2999), CLUSTER_NODE_XMX (768m).
# Needs Debian: patroni etcd-server haproxy kamailio postgresql-15 (and sip-tester for calls), a JDK 25.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
export CLUSTER_DIR="${CLUSTER_DIR:-/tmp/openhotline-cluster}"
B="${CLUSTER_BASE_PORT:-17000}"
XMX="${CLUSTER_NODE_XMX:-768m}"

export ETCD_HOST=127.0.0.1 ETCD_CLIENT_PORT=$((B)) ETCD_PEER_PORT=$((B + 1)) ETCD_NAME=etcd1
export PG1_HOST=127.0.0.1 PG1_PORT=$((B + 10)) PG1_REST_PORT=$((B + 11))
export PG2_HOST=127.0.0.1 PG2_PORT=$((B + 20)) PG2_REST_PORT=$((B + 21))
export HTTP_BIND=127.0.0.1 HTTP_PORT=$((B + 30)) DB_BIND=127.0.0.1 DB_HOST=127.0.0.1 DB_PORT=$((B + 32)) STATS_PORT=$((B + 33))
export NODE1_HOST=127.0.0.1 NODE1_HTTP=$((B + 40)) NODE1_SIP=$((B + 41))
export NODE2_HOST=127.0.0.1 NODE2_HTTP=$((B + 50)) NODE2_SIP=$((B + 51))
export SIP_PROXY_HOST=127.0.0.1 SIP_PROXY_PORT=$((B + 60))
export PG_NET=127.0.0.0/8 PG_SHARED_BUFFERS="${CLUSTER_PG_SHARED_BUFFERS:-256MB}"

PIDS="$CLUSTER_DIR/pids"
LOGS="$CLUSTER_DIR/logs"
CONF="$CLUSTER_DIR/conf"
SECRETS="$CLUSTER_DIR/secrets"

say() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { say "$*" >&2; exit 1; }

primary_through_haproxy() {
    # HAProxy 2.6 starts its servers as up until their checks say otherwise: wait until it holds exactly one database
    # server up (its stats page), and that one answers as the primary
    local up
    up=$(curl -fsS "http://$HTTP_BIND:$STATS_PORT/;csv" 2>/dev/null | awk -F, '$1 == "postgres_primary" && $2 ~ /^pg/ && $18 == "UP"' | wc -l)
    [[ "$up" == 1 ]] && [[ "$(PGPASSWORD="$(secret postgres)" /usr/lib/postgresql/15/bin/psql -h "$DB_HOST" -p "$DB_PORT" \
        -U postgres -d postgres -Atc "select pg_is_in_recovery()" 2>/dev/null)" == "f" ]]
}

need_packages() {
    local missing=()
    [[ -x /usr/bin/etcd ]] || missing+=(etcd-server)
    [[ -x /usr/bin/patroni ]] || missing+=(patroni)
    [[ -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql-15)
    [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
    [[ -x /usr/sbin/kamailio ]] || missing+=(kamailio)
    if ((${#missing[@]})); then
        die "missing Debian packages: ${missing[*]} — install with: apt-get install ${missing[*]}"
    fi
    id postgres >/dev/null 2>&1 || die "no user postgres (it comes with postgresql-15)"
}

java_bin() {
    local j
    for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*25*/bin/java; do
        if [[ -x "$j" ]] && "$j" -version 2>&1 | grep -q 'version "25'; then echo "$j"; return; fi
    done
    die "no JDK 25 found (JAVA_HOME or /usr/lib/jvm)"
}

server_jar() {
    local jar
    jar=$(ls "$ROOT"/server/target/openhotline.jar 2>/dev/null || true)
    if [[ -z "$jar" ]]; then
        say "building the platform jar (./mvnw -B -q -pl web,telephony,server -DskipTests package)"
        (cd "$ROOT" && ./mvnw -B -q -pl web,telephony,server -DskipTests package) >&2
        jar="$ROOT/server/target/openhotline.jar"
    fi
    echo "$jar"
}

# render TEMPLATE OUT: only our own ${VARS} are replaced (Kamailio's $rU and the like stay)
render() {
    local vars
    vars=$(grep -o '\${[A-Z0-9_]*}' "$1" | sort -u | tr '\n' ' ')
    envsubst "$vars" <"$1" >"$2"
}

secret() {
    local f="$SECRETS/$1"
    [[ -s "$f" ]] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$f")
    cat "$f"
}

# The personal-data keys every node seals with (ADR 041): one set for the cluster, made at its first start. A node
# that made its own key file would write phone numbers the other cannot open (and blind indexes it cannot match).
data_keys() {
    local f="$SECRETS/data-keys"
    [[ -s "$f" ]] || (umask 077; printf 'current=1;data.1=%s;index=%s' "$(head -c 16 /dev/urandom | base64 -w0)" \
        "$(head -c 32 /dev/urandom | base64 -w0)" >"$f")
    cat "$f"
}

alive() { [[ -s "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# spawn NAME [runuser USER] CMD...: in its own session (so stop can end its whole group), output to logs/NAME.log
spawn() {
    local name=$1; shift
    if alive "$name"; then say "$name already runs (pid $(cat "$PIDS/$name.pid"))"; return; fi
    setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
    echo $! >"$PIDS/$name.pid"
    say "$name started (pid $!, log $LOGS/$name.log)"
}

wait_for() { # wait_for WHAT SECONDS CMD...
    local what=$1 secs=$2; shift 2
    local until=$((SECONDS + secs))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < until)) || die "timed out after ${secs}s waiting for $what"
        sleep 0.5
    done
    say "$what: ok"
}

http_ok() { curl -fsS -m 2 "$1"; }
any_sync() { http_ok "http://$PG1_HOST:$PG1_REST_PORT/sync" || http_ok "http://$PG2_HOST:$PG2_REST_PORT/sync"; }
any_primary() { http_ok "http://$PG1_HOST:$PG1_REST_PORT/primary" || http_ok "http://$PG2_HOST:$PG2_REST_PORT/primary"; }

start_etcd() {
    export ETCD_DATA="$CLUSTER_DIR/etcd" ETCD_INITIAL_CLUSTER="etcd1=http://$ETCD_HOST:$ETCD_PEER_PORT"
    export ETCD_HOSTS="$ETCD_HOST:$ETCD_CLIENT_PORT"
    render "$HERE/etcd.env" "$CONF/etcd.env"
    spawn etcd env -i PATH="$PATH" $(grep -v '^#' "$CONF/etcd.env" | xargs) /usr/bin/etcd
    wait_for "etcd" 30 http_ok "http://$ETCD_HOST:$ETCD_CLIENT_PORT/health"
}

start_pg() { # start_pg 1|2
    local n=$1 host port rest
    eval "host=\$PG${n}_HOST port=\$PG${n}_PORT rest=\$PG${n}_REST_PORT"
    export PG_NAME="pg$n" PG_HOST="$host" PG_PORT="$port" PG_REST_PORT="$rest"
    export PG_DATA="$CLUSTER_DIR/pg$n/data" PG_PGPASS="$CLUSTER_DIR/pg$n/pgpass" PG_SOCKET_DIR="$CLUSTER_DIR/pg$n"
    export PG_SUPERUSER_PASSWORD PG_REPLICATION_PASSWORD ETCD_HOSTS="$ETCD_HOST:$ETCD_CLIENT_PORT"
    PG_SUPERUSER_PASSWORD=$(secret postgres) PG_REPLICATION_PASSWORD=$(secret replicator)
    mkdir -p "$CLUSTER_DIR/pg$n"
    render "$HERE/patroni.yml" "$CONF/patroni-pg$n.yml"
    chown -R postgres:postgres "$CLUSTER_DIR/pg$n"
    chown postgres "$CONF/patroni-pg$n.yml"; chmod 600 "$CONF/patroni-pg$n.yml"
    spawn "pg$n" runuser -u postgres -- /usr/bin/patroni "$CONF/patroni-pg$n.yml"
}

create_database() {
    local app; app=$(secret hotline)
    PGPASSWORD=$(secret postgres) /usr/lib/postgresql/15/bin/psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL
select 'create role hotline login' where not exists (select 1 from pg_roles where rolname = 'hotline') \gexec
alter role hotline password '$app';
select 'create database hotline owner hotline encoding ''UTF8''' where not exists (select 1 from pg_database where datname = 'hotline') \gexec
SQL
}

start_node() { # start_node 1|2 DEMO
    local n=$1 demo=$2 host http sip
    eval "host=\$NODE${n}_HOST http=\$NODE${n}_HTTP sip=\$NODE${n}_SIP"
    export NODE_NAME="node$n" NODE_HOST="$host" NODE_HTTP="$http" NODE_SIP="$sip" NODE_DATA="$CLUSTER_DIR/node$n"
    export NODE_RTP_MIN=$((B + 1000 * n)) NODE_RTP_MAX=$((B + 1000 * n + 999))
    export DB_APP_PASSWORD HOTLINE_DEMO="$demo" DEMO_PASSWORD DATA_KEYS
    DB_APP_PASSWORD=$(secret hotline) DEMO_PASSWORD=$(secret demo) DATA_KEYS=$(data_keys)
    mkdir -p "$NODE_DATA"
    render "$HERE/node.env" "$CONF/node$n.env"; chmod 600 "$CONF/node$n.env"
    local jar="$CLUSTER_DIR/openhotline.jar" java; java=$(java_bin)
    # a copy: a build during the drills must not rewrite the jar under running nodes
    [[ -s "$jar" ]] || cp "$(server_jar)" "$jar"
    spawn "node$n" env $(grep -v '^#' "$CONF/node$n.env" | xargs) "$java" --add-modules jdk.incubator.vector -Xmx"$XMX" -XX:+UseSerialGC -jar "$jar"
}

start_kamailio() {
    export KAMAILIO_DISPATCHER="$CONF/dispatcher.list" KAMAILIO_CTL="$CLUSTER_DIR/kamailio.ctl"
    render "$HERE/dispatcher.list" "$CONF/dispatcher.list"
    render "$HERE/kamailio.cfg" "$CONF/kamailio.cfg"
    /usr/sbin/kamailio -c -f "$CONF/kamailio.cfg" >"$LOGS/kamailio-check.log" 2>&1 || die "kamailio.cfg: $(tail -5 "$LOGS/kamailio-check.log")"
    spawn kamailio /usr/sbin/kamailio -DD -E -f "$CONF/kamailio.cfg" -P "$CLUSTER_DIR/kamailio.pid" -Y "$CLUSTER_DIR/kamailio-fifo"
}

start() {
    need_packages
    mkdir -p "$PIDS" "$LOGS" "$CONF" "$SECRETS"; chmod 700 "$CLUSTER_DIR" "$SECRETS"
    chmod 755 "$CLUSTER_DIR"  # postgres (Patroni) must reach its own folder below
    rm -f "$CLUSTER_DIR/openhotline.jar"
    start_etcd
    start_pg 1
    start_pg 2
    # the first start bootstraps whichever takes etcd's key first; later starts keep the last primary
    wait_for "a PostgreSQL primary" 120 any_primary
    render "$HERE/haproxy.cfg" "$CONF/haproxy.cfg"
    /usr/sbin/haproxy -c -q -f "$CONF/haproxy.cfg" || die "haproxy.cfg does not check"
    spawn haproxy /usr/sbin/haproxy -W -db -f "$CONF/haproxy.cfg"
    # the primary, not any server: right after HAProxy starts, before its checks of Patroni, it may hand out the standby
    # (a start after a failover met "cannot execute ALTER ROLE in a read-only transaction" below)
    wait_for "the primary through HAProxy" 60 primary_through_haproxy
    create_database
    wait_for "a synchronous standby" 180 any_sync
    start_node 1 true
    wait_for "node1 ready" 600 http_ok "http://$NODE1_HOST:$NODE1_HTTP/actuator/health/readiness"
    start_node 2 false
    wait_for "node2 ready" 600 http_ok "http://$NODE2_HOST:$NODE2_HTTP/actuator/health/readiness"
    start_kamailio
    wait_for "HAProxy to the nodes" 30 http_ok "http://$HTTP_BIND:$HTTP_PORT/actuator/health/readiness"
    say "up: http://$HTTP_BIND:$HTTP_PORT (demo password in $SECRETS/demo), SIP sip:12345@$SIP_PROXY_HOST:$SIP_PROXY_PORT"
}

# stop_one NAME SIGNAL-WAIT: TERM the process group, KILL what is left after the wait
stop_one() {
    local name=$1 wait=${2:-20} pid
    [[ -s "$PIDS/$name.pid" ]] || return 0
    pid=$(cat "$PIDS/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        local until=$((SECONDS + wait))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < until)); do sleep 0.3; done
        if kill -0 "$pid" 2>/dev/null; then
            say "$name did not stop in ${wait}s: SIGKILL"
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
        say "$name stopped"
    fi
    rm -f "$PIDS/$name.pid"
}

# a postmaster left behind by a killed Patroni (its pid is in the data directory)
stop_postmaster() {
    local data="$CLUSTER_DIR/$1/data" pid
    [[ -s "$data/postmaster.pid" ]] || return 0
    pid=$(head -1 "$data/postmaster.pid")
    if kill -0 "$pid" 2>/dev/null; then
        runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 \
            || kill -KILL "$pid" 2>/dev/null || true
        say "postmaster of $1 stopped"
    fi
}

stop() {
    [[ -d "$PIDS" ]] || { say "nothing started in $CLUSTER_DIR"; return; }
    stop_one kamailio 10
    stop_one node2 30
    stop_one node1 30
    stop_one haproxy 5
    stop_one pg2 40
    stop_one pg1 40
    stop_postmaster pg2
    stop_postmaster pg1
    stop_one etcd 10
}

status() {
    local name
    for name in etcd pg1 pg2 haproxy node1 node2 kamailio; do
        if alive "$name"; then printf '  %-9s pid %s\n' "$name" "$(cat "$PIDS/$name.pid")"; else printf '  %-9s -\n' "$name"; fi
    done
    if alive etcd && [[ -s "$CONF/patroni-pg1.yml" ]]; then
        runuser -u postgres -- /usr/bin/patronictl -c "$CONF/patroni-pg1.yml" list 2>/dev/null || true
    fi
    for name in 1 2; do
        local host http; eval "host=\$NODE${name}_HOST http=\$NODE${name}_HTTP"
        printf '  node%s lease: %s\n' "$name" "$(curl -fsS -m 2 "http://$host:$http/actuator/info" 2>/dev/null || echo '-')"
    done
    alive kamailio && kamcmd -s "unix:$CLUSTER_DIR/kamailio.ctl" dispatcher.list 2>/dev/null | grep -E 'URI|FLAGS' || true
}

# the price of synchronous replication: the same single-row commits with synchronous_commit=on (wait for the
# standby's flush, what the platform's commits do) and =local (the primary's own flush only), in one run
sync_cost() {
    local pw; pw=$(secret postgres)
    local psql=(/usr/lib/postgresql/15/bin/psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -q)
    PGPASSWORD=$pw "${psql[@]}" -c "create table if not exists cluster_sync_bench (id bigserial primary key, at timestamptz default now(), note text)"
    local script="$CLUSTER_DIR/sync-bench.sql" mode
    echo "insert into cluster_sync_bench (note) values ('集群同步复制测量');" >"$script"
    printf 'load average %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
    for mode in on local on local; do
        printf 'synchronous_commit=%-5s 8 clients 10 s: ' "$mode"
        PGPASSWORD=$pw PGOPTIONS="-c synchronous_commit=$mode" /usr/lib/postgresql/15/bin/pgbench -h "$DB_HOST" -p "$DB_PORT" \
            -U postgres -n -c 8 -j 2 -T 10 -f "$script" postgres 2>/dev/null | grep -E '^(latency average|tps)' | tr '\n' ' '
        echo
    done
    PGPASSWORD=$pw "${psql[@]}" -c "drop table cluster_sync_bench"
}

drill() {
    if [[ "${1:-}" == sync ]]; then sync_cost; return; fi
    local jar java; jar=$(server_jar); java=$(java_bin)
    local pg_jar; pg_jar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
    export CLUSTER_SCRIPT="$HERE/cluster.sh" DEMO_PASSWORD DB_APP_PASSWORD
    DEMO_PASSWORD=$(secret demo) DB_APP_PASSWORD=$(secret hotline)
    "$java" -cp "$pg_jar" "$ROOT/bench/cluster/ClusterDrill.java" "$@"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop; start ;;
    kill) # kill NAME: kill -9 one part (for drills): node1 node2 pg-primary kamailio
        shift
        case "$1" in
            node1|node2|kamailio)
                kill -KILL -- "-$(cat "$PIDS/$1.pid")"
                # gone before this returns: a revive right after found the dying process still there ("already
                # runs") and started nothing (a Kamailio drill then measured a restart that never happened)
                for _ in $(seq 100); do alive "$1" || break; sleep 0.1; done
                say "$1 killed (-9)" ;;
            pg-primary)
                for n in 1 2; do
                    eval "rest=\$PG${n}_REST_PORT host=\$PG${n}_HOST"
                    if curl -fsS -m 2 "http://$host:$rest/primary" >/dev/null 2>&1; then
                        # the whole database machine dies: Patroni and its PostgreSQL
                        kill -KILL -- "-$(cat "$PIDS/pg$n.pid")"
                        [[ -s "$CLUSTER_DIR/pg$n/data/postmaster.pid" ]] && kill -KILL "$(head -1 "$CLUSTER_DIR/pg$n/data/postmaster.pid")" 2>/dev/null || true
                        say "pg$n (primary) killed (-9)"; echo "pg$n"; exit 0
                    fi
                done
                die "no primary found" ;;
            *) die "kill what? node1 node2 pg-primary kamailio" ;;
        esac ;;
    pause|resume) # pause NAME / resume NAME: SIGSTOP / SIGCONT a node's process group (the partition drill)
        sig=$([[ "$1" == pause ]] && echo STOP || echo CONT); shift
        case "$1" in
            node1|node2) kill -"$sig" -- "-$(cat "$PIDS/$1.pid")"; say "$1 SIG$sig" ;;
            *) die "pause what? node1 node2" ;;
        esac ;;
    cut|heal) # cut NAME / heal NAME: drop every SIP packet to and from a node's engine (iptables on loopback, root):
              # Kamailio and the phones no longer reach it, while its HTTP and database stay (the partition drill)
        op=$([[ "$1" == cut ]] && echo -I || echo -D); shift
        case "$1" in
            node1) port=$NODE1_SIP ;;
            node2) port=$NODE2_SIP ;;
            *) die "cut what? node1 node2" ;;
        esac
        command -v iptables >/dev/null || die "cut needs iptables (apt-get install iptables) and root"
        for proto in udp tcp; do
            for dir in --dport --sport; do
                iptables "$op" INPUT -i lo -p "$proto" "$dir" "$port" -j DROP -m comment --comment openhotline-cut \
                    2>/dev/null || [[ "$op" == -D ]] || die "iptables refused the rule"
            done
        done
        say "$1 SIP $([[ "$op" == -I ]] && echo cut off || echo reachable again) (port $port)" ;;
    revive) # revive NAME: start a killed part again
        shift
        case "$1" in
            node1) start_node 1 false ;;
            node2) start_node 2 false ;;
            pg1) start_pg 1 ;;
            pg2) start_pg 2 ;;
            kamailio) start_kamailio ;;
            *) die "revive what? node1 node2 pg1 pg2 kamailio" ;;
        esac ;;
    drill) shift; drill "$@" ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
esac
