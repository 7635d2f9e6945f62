#!/usr/bin/env bash
# A real Spark standalone cluster (one master, one worker) on 127.0.0.1, started from the
# project's own Maven dependencies: no Spark download. Usage: cluster.sh start|stop|status
#
# Environment: WELLSPRING_CLUSTER_DIR (state: pids, logs, SPARK_HOME; default <repo>/.cluster),
# SPARK_MASTER_PORT (7077), SPARK_MASTER_WEBUI_PORT (8080), SPARK_WORKER_CORES (2),
# SPARK_WORKER_MEMORY (4g).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
LIB="$HERE/jobs/target/lib"
STATE="${WELLSPRING_CLUSTER_DIR:-$HERE/.cluster}"
PORT="${SPARK_MASTER_PORT:-7077}"
WEBUI="${SPARK_MASTER_WEBUI_PORT:-8080}"
CORES="${SPARK_WORKER_CORES:-2}"
MEMORY="${SPARK_WORKER_MEMORY:-4g}"
URL="spark://127.0.0.1:$PORT"

die() { echo "cluster: $*" >&2; exit 2; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}

start() {
  [ -d "$LIB" ] || die "no runtime classpath at $LIB; build first (./run.sh --help builds it)"
  mkdir -p "$STATE/logs" "$STATE/spark-home" "$STATE/work"
  # The Worker launches executors from SPARK_HOME/jars: point it at the project's runtime classpath.
  ln -sfn "$LIB" "$STATE/spark-home/jars"
  export SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_MASTER_HOST=127.0.0.1
  if alive "$STATE/master.pid"; then
    echo "cluster: master already running (pid $(cat "$STATE/master.pid"))"
  else
    nohup java -Xmx512m -cp "$LIB/*" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$PORT" --webui-port "$WEBUI" \
      >"$STATE/logs/master.log" 2>&1 &
    echo $! >"$STATE/master.pid"
    wait_port "$PORT" || die "master did not open port $PORT (see $STATE/logs/master.log)"
  fi
  if alive "$STATE/worker.pid"; then
    echo "cluster: worker already running (pid $(cat "$STATE/worker.pid"))"
  else
    nohup java -Xmx512m -cp "$LIB/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" --work-dir "$STATE/work" \
      --webui-port 0 "$URL" >"$STATE/logs/worker.log" 2>&1 &
    echo $! >"$STATE/worker.pid"
  fi
  # The worker is usable once the master has registered it.
  for _ in $(seq 1 120); do
    if grep -q "Successfully registered with master" "$STATE/logs/worker.log" 2>/dev/null; then
      echo "cluster: running at $URL (master pid $(cat "$STATE/master.pid"), worker pid $(cat "$STATE/worker.pid"))"
      echo "cluster: run jobs with: ./run.sh nightly --master $URL --input DIR --output DIR"
      return 0
    fi
    sleep 0.5
  done
  die "worker did not register with the master (see $STATE/logs/worker.log)"
}

stop() {
  for role in worker master; do
    f="$STATE/$role.pid"
    if alive "$f"; then
      pid="$(cat "$f")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
      echo "cluster: stopped $role (pid $pid)"
    fi
    rm -f "$f"
  done
}

status() {
  local up=0
  for role in master worker; do
    if alive "$STATE/$role.pid"; then
      echo "cluster: $role running (pid $(cat "$STATE/$role.pid"))"
    else
      echo "cluster: $role not running"; up=1
    fi
  done
  [ $up -eq 0 ] && echo "cluster: master URL $URL"
  return $up
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help)
    echo "usage: ./run.sh cluster start|stop|status"
    echo "  A Spark standalone cluster (one master, one worker) on 127.0.0.1 from the project's own jars."
    echo "  Environment: WELLSPRING_CLUSTER_DIR, SPARK_MASTER_PORT, SPARK_MASTER_WEBUI_PORT,"
    echo "  SPARK_WORKER_CORES, SPARK_WORKER_MEMORY (see the comment at the top of this script)."
    exit 0 ;;
  *) echo "usage: ./run.sh cluster start|stop|status" >&2; exit 2 ;;
esac
