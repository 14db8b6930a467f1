#!/usr/bin/env bash
# CPU seconds spent so far by a platform JVM (pid $1) and by its embedded PostgreSQL (data directory $2): on a shared
# machine the wall clock says more about the neighbours than about the platform; CPU time does not.
# PostgreSQL's figure is the postmaster's own and reaped children's time plus the live backends' time.
set -euo pipefail
tick=$(getconf CLK_TCK)
jvm=$(awk '{print $14 + $15}' /proc/"$1"/stat)
pm=$(head -1 "$2"/postgres/postmaster.pid 2>/dev/null || head -1 "$2"/postmaster.pid)
pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/"$pm"/stat)
for child in $(pgrep -P "$pm"); do
  pg=$((pg + $(awk '{print $14 + $15}' /proc/"$child"/stat 2>/dev/null || echo 0)))
done
echo "cpu: JVM $((jvm / tick)) s, PostgreSQL $((pg / tick)) s"
