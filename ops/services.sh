#!/usr/bin/env bash
# Throw-away PostgreSQL and RabbitMQ for the tests, on 127.0.0.1 only, everything under one temp dir.
#
# Sourced by ops/test (functions crisis_services_start / crisis_services_stop), or run by hand:
#   ops/services.sh start    start both, print the `export ...` lines for the tests (eval-able)
#   ops/services.sh env      print the exports of the running pair again
#   ops/services.sh stop     stop them and remove their temp dir (CRISIS_TEST_KEEP=1 keeps the dir)
#   ops/services.sh install  only install the missing Debian packages
# Log lines go to stderr, exports to stdout, so `eval "$(ops/services.sh start)"` works.
#
# Layout of a run's dir (mktemp -d ${TMPDIR:-/tmp}/crisis-test.XXXXXX):
#   state.env        what was started (pids, ports, paths); read by stop, by rabbitmq-ctl.sh and by
#                    the stale-run reaper (a run whose owner died is cleaned up by the next start)
#   exports.env      the CRISIS_TEST_* exports
#   rabbitmq-ctl     wrapper: `rabbitmq-ctl stop_app|start_app|...` for this run's node
#   pg/              PostgreSQL data dir, socket dir and log (owned by the postgres OS user)
#   rabbitmq/        RabbitMQ HOME (private Erlang cookie), mnesia, logs, config
#   results/         used by ops/test for the TRX files

CRISIS_OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CRISIS_REPO_DIR="$(cd "$CRISIS_OPS_DIR/.." && pwd)"
CRISIS_RMQ_LIB=/usr/lib/rabbitmq/bin
CRISIS_APT_PACKAGES=(postgresql rabbitmq-server chromium fonts-liberation)

crisis_log() { printf '[services] %s\n' "$*" >&2; }
crisis_die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
crisis_install_packages() {
  local missing=() p
  for p in "${CRISIS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # The packages can be "installed" while the binaries we need are gone; check those too.
  [ -x "$CRISIS_RMQ_LIB/rabbitmq-server" ] || missing+=(rabbitmq-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  [ "${#missing[@]}" -eq 0 ] && return 0

  crisis_log "missing Debian packages: ${missing[*]}; installing ${CRISIS_APT_PACKAGES[*]}"
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || crisis_die "not root and no sudo: install ${CRISIS_APT_PACKAGES[*]} with apt-get"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q >&2
  # The packages' maintainer scripts may try to start the system services; there is no systemd
  # here, so that fails or is refused by policy-rc.d. Our own instances use other names and ports.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${CRISIS_APT_PACKAGES[@]}" >&2
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

# crisis_free_ports N: N distinct TCP ports that 127.0.0.1 can bind now, below the ephemeral range.
crisis_free_ports() {
  local n="$1"
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$n" <<'PY'
import random, socket, sys
n = int(sys.argv[1]); rng = random.SystemRandom(); out = []
for _ in range(10000):
    if len(out) == n: break
    p = rng.randint(20000, 32000)
    if p in out: continue
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", p))
    except OSError:
        continue
    finally:
        s.close()
    out.append(p)
if len(out) != n: sys.exit("no free ports found")
print(" ".join(map(str, out)))
PY
  else
    # No python3: a port nobody answers on is taken as free.
    local out=() p tries=0
    while [ "${#out[@]}" -lt "$n" ] && [ "$tries" -lt 10000 ]; do
      tries=$((tries + 1))
      p=$((20000 + RANDOM % 12001))
      [[ " ${out[*]} " == *" $p "* ]] && continue
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then out+=("$p"); fi
    done
    [ "${#out[@]}" -eq "$n" ] || return 1
    echo "${out[*]}"
  fi
}

# The start time (clock ticks since boot) of a pid, to tell a live owner from a reused pid.
crisis_proc_start() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null || true; }

# crisis_pid_matches PID PATTERN: the pid lives and its command line contains PATTERN.
crisis_pid_matches() {
  local pid="$1" pat="$2"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "$pat"
}

# crisis_kill_wait PID PATTERN SECONDS: TERM, wait, then KILL; only if the pid is still ours.
crisis_kill_wait() {
  local pid="$1" pat="$2" secs="$3" i
  crisis_pid_matches "$pid" "$pat" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 10; i++)); do
    crisis_pid_matches "$pid" "$pat" || return 0
    sleep 0.1
  done
  crisis_log "pid $pid did not stop; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# crisis_pid_env_matches PID VAR=VALUE: the pid lives and has exactly that environment entry.
crisis_pid_env_matches() {
  local pid="$1" kv="$2"
  [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || return 1
  { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF -- "$kv"
}

crisis_state_add() { # crisis_state_add DIR NAME VALUE
  printf '%s=%q\n' "$2" "$3" >>"$1/state.env"
}

crisis_tail_log() { # crisis_tail_log TITLE FILE...
  local title="$1" f; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    printf '[services] ---- %s: last lines of %s ----\n' "$title" "$f" >&2
    tail -n 40 "$f" >&2 || true
  done
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
crisis_pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] || crisis_die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
  echo "$d"
}

crisis_pg_start() { # crisis_pg_start DIR PORT
  local dir="$1" port="$2" bin pgdir as_pg=() i
  bin="$(crisis_pg_bindir)"
  pgdir="$dir/pg"
  mkdir -p "$pgdir/sock"
  printf 'crisis\n' >"$pgdir/pwfile"
  if [ "$(id -u)" = 0 ]; then
    # postgres refuses to run as root: the cluster belongs to the postgres OS user.
    chown -R postgres:postgres "$pgdir"
    as_pg=(runuser -u postgres --)
  fi
  crisis_state_add "$dir" PG_BIN "$bin"
  crisis_state_add "$dir" PG_DATA "$pgdir/data"
  crisis_state_add "$dir" PG_PORT "$port"
  crisis_state_add "$dir" PG_AS_ROOT "$([ "$(id -u)" = 0 ] && echo 1 || echo 0)"

  # The bootstrap superuser is `crisis` (password `crisis`): tests CREATE DATABASE with it.
  # (cd: the postgres user may not be able to read the caller's working directory.)
  local oldpwd="$PWD"
  cd "$pgdir" || crisis_die "cannot enter $pgdir"
  "${as_pg[@]}" "$bin/initdb" -D "$pgdir/data" -U crisis --pwfile="$pgdir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale \
    >"$pgdir/initdb.log" 2>&1 || { crisis_tail_log initdb "$pgdir/initdb.log"; crisis_die "initdb failed"; }
  cat >>"$pgdir/data/postgresql.conf" <<EOF

# --- crisis test instance ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pgdir/sock'
max_connections = 300
log_min_messages = warning
EOF
  if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w -t 60 start >"$pgdir/pg_ctl.log" 2>&1; then
    crisis_tail_log "pg_ctl start" "$pgdir/pg_ctl.log" "$pgdir/postgres.log"
    crisis_die "PostgreSQL did not start on 127.0.0.1:$port"
  fi
  for ((i = 0; i < 100; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2 && break
    sleep 0.2
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 5 || {
    crisis_tail_log postgres "$pgdir/postgres.log"
    crisis_die "PostgreSQL does not answer on 127.0.0.1:$port"
  }
  cd "$oldpwd" || cd "$CRISIS_REPO_DIR"
  crisis_state_add "$dir" PG_PID "$(head -n 1 "$pgdir/data/postmaster.pid")"
}

crisis_pg_stop() { # uses the state variables of the current subshell
  [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] || return 0
  local as_pg=()
  [ "${PG_AS_ROOT:-0}" = 1 ] && as_pg=(runuser -u postgres --)
  cd / || true
  if ! "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
    crisis_log "pg_ctl stop failed; signalling the postmaster"
    local pid
    pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || echo "${PG_PID:-}")"
    crisis_kill_wait "$pid" "$PG_DATA" 15
  fi
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------

# The environment every rabbitmq command of this run needs (server and CLI alike). Call after the
# state variables (RMQ_*) are set.
crisis_rmq_env() {
  export HOME="$RMQ_HOME"
  export ERL_EPMD_PORT="$RMQ_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_NODENAME="$RMQ_NODE"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ_DIR/log"
  export RABBITMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RMQ_PORT"
  export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

crisis_rmqctl() { # crisis_rmqctl ARGS...: rabbitmqctl for this run's node, bounded in time
  timeout 120 "$CRISIS_RMQ_LIB/rabbitmqctl" -n "$RMQ_NODE" "$@"
}

crisis_rmq_start() { # crisis_rmq_start DIR AMQP_PORT DIST_PORT EPMD_PORT
  local dir="$1" epmd i
  RMQ_DIR="$dir/rabbitmq"
  RMQ_HOME="$RMQ_DIR/home"
  RMQ_PORT="$2"
  RMQ_DIST_PORT="$3"
  RMQ_EPMD_PORT="$4"
  RMQ_NODE="crisis-test-$$-${dir##*.}@localhost"
  mkdir -p "$RMQ_HOME" "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  chmod 700 "$RMQ_HOME"
  : >"$RMQ_DIR/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out
  echo '[].' >"$RMQ_DIR/enabled_plugins"
  cat >"$RMQ_DIR/rabbitmq.conf" <<'EOF'
# crisis test instance; listener address and port come from RABBITMQ_NODE_IP_ADDRESS/_PORT
loopback_users.guest = true
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
EOF
  local k
  for k in RMQ_DIR RMQ_HOME RMQ_PORT RMQ_DIST_PORT RMQ_EPMD_PORT RMQ_NODE; do
    crisis_state_add "$dir" "$k" "${!k}"
  done

  (
    crisis_rmq_env
    # A private epmd on its own port, started by us so that we know its pid and can stop it.
    epmd="$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | tail -n 1)"
    [ -x "$epmd" ] || crisis_die "epmd not found (package erlang-base)"
    cd "$RMQ_DIR"
    "$epmd" -port "$RMQ_EPMD_PORT" -address 127.0.0.1 </dev/null >"$RMQ_DIR/epmd.log" 2>&1 &
    echo "RMQ_EPMD_PID=$!" >>"$dir/state.env"
    for ((i = 0; i < 50; i++)); do
      "$epmd" -port "$RMQ_EPMD_PORT" -names >/dev/null 2>&1 && break
      sleep 0.1
    done
    # The real server script, not the /usr/sbin wrapper that switches to the rabbitmq user and
    # resets HOME. It stays as a small sh parent of beam.smp (TERM to it stops the broker cleanly);
    # the broker writes beam's pid to RABBITMQ_PID_FILE once it runs.
    "$CRISIS_RMQ_LIB/rabbitmq-server" </dev/null >"$RMQ_DIR/server.out" 2>&1 &
    echo "RMQ_LAUNCHER_PID=$!" >>"$dir/state.env"
  ) || crisis_die "could not launch RabbitMQ"
  # shellcheck disable=SC1091
  RMQ_LAUNCHER_PID="$(. "$dir/state.env" && echo "$RMQ_LAUNCHER_PID")"

  local ok=0
  (
    crisis_rmq_env
    crisis_rmqctl -q wait --pid "$RMQ_LAUNCHER_PID" --timeout 120 >"$RMQ_DIR/wait.out" 2>&1 \
      && crisis_rmqctl -q await_startup --timeout 60 >>"$RMQ_DIR/wait.out" 2>&1
  ) && ok=1
  if [ "$ok" != 1 ]; then
    crisis_tail_log rabbitmq "$RMQ_DIR/wait.out" "$RMQ_DIR/server.out" "$RMQ_DIR/log/$RMQ_NODE.log"
    crisis_die "RabbitMQ node $RMQ_NODE did not start on 127.0.0.1:$RMQ_PORT"
  fi
  crisis_state_add "$dir" RMQ_PID "$(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null)"
  # The AMQP listener itself must answer.
  for ((i = 0; i < 50; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$RMQ_PORT") 2>/dev/null && return 0
    sleep 0.2
  done
  crisis_tail_log rabbitmq "$RMQ_DIR/log/$RMQ_NODE.log"
  crisis_die "RabbitMQ runs but nothing listens on 127.0.0.1:$RMQ_PORT"
}

crisis_rmq_stop() { # uses the state variables of the current subshell
  [ -n "${RMQ_NODE:-}" ] || return 0
  local beam="${RMQ_PID:-}" i
  [ -n "$beam" ] || beam="$(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null || true)"
  if [ -z "$beam" ] && [ -n "${RMQ_LAUNCHER_PID:-}" ]; then
    beam="$(pgrep -P "$RMQ_LAUNCHER_PID" 2>/dev/null | head -n 1 || true)"
  fi
  if crisis_pid_matches "$beam" "$RMQ_HOME"; then
    ( crisis_rmq_env; crisis_rmqctl -q shutdown >/dev/null 2>&1 ) || true
    for ((i = 0; i < 150; i++)); do
      crisis_pid_matches "$beam" "$RMQ_HOME" || break
      sleep 0.1
    done
    if crisis_pid_matches "$beam" "$RMQ_HOME"; then
      crisis_log "rabbitmqctl shutdown did not stop $RMQ_NODE; signalling it"
      crisis_pid_env_matches "${RMQ_LAUNCHER_PID:-}" "HOME=$RMQ_HOME" && kill -TERM "$RMQ_LAUNCHER_PID" 2>/dev/null
      crisis_kill_wait "$beam" "$RMQ_HOME" 10
    fi
  fi
  # The sh launcher exits when beam does; make sure.
  for ((i = 0; i < 20; i++)); do
    crisis_pid_env_matches "${RMQ_LAUNCHER_PID:-}" "HOME=$RMQ_HOME" || break
    sleep 0.1
  done
  if crisis_pid_env_matches "${RMQ_LAUNCHER_PID:-}" "HOME=$RMQ_HOME"; then
    kill -KILL "$RMQ_LAUNCHER_PID" 2>/dev/null || true
  fi
  # The private epmd we started ourselves.
  if [ -n "${RMQ_EPMD_PID:-}" ]; then
    crisis_kill_wait "$RMQ_EPMD_PID" "-port $RMQ_EPMD_PORT" 5
  fi
  # Any Erlang CLI started while our epmd was gone spawns a daemon epmd on the same port.
  if [ -n "${RMQ_EPMD_PORT:-}" ] && command -v epmd >/dev/null 2>&1 \
    && timeout 5 epmd -port "$RMQ_EPMD_PORT" -names >/dev/null 2>&1; then
    timeout 5 epmd -port "$RMQ_EPMD_PORT" -kill >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------------------------------------
# Start / stop a whole run
# ---------------------------------------------------------------------------------------------

# crisis_services_stop_dir DIR [keep]: stop what DIR's state.env names; remove DIR unless kept.
crisis_services_stop_dir() {
  local dir="$1" keep="${2:-0}"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -f "$dir/state.env" ] && [ ! -f "$dir/stopped" ]; then
    (
      set +e
      # shellcheck disable=SC1091
      . "$dir/state.env"
      crisis_rmq_stop
      crisis_pg_stop
    )
    : >"$dir/stopped"
  fi
  if [ "$keep" = 1 ] || [ -f "$dir/keep" ]; then
    : >"$dir/keep"
    crisis_log "kept $dir"
  else
    rm -rf -- "$dir"
  fi
}

# A previous run that was killed (kill -9, a lost terminal) leaves its services and dir behind:
# stop and remove those whose owner is gone. Runs started by hand (`services.sh start`) have no
# owner pid and are left alone.
crisis_reap_stale() {
  local d
  for d in "${TMPDIR:-/tmp}"/crisis-test.*; do
    [ -f "$d/state.env" ] || continue
    local owner start
    owner="$(. "$d/state.env" 2>/dev/null && echo "${OWNER_PID:-0}")" || continue
    start="$(. "$d/state.env" 2>/dev/null && echo "${OWNER_START:-}")" || continue
    [ "$owner" != 0 ] || continue
    if [ -d "/proc/$owner" ] && [ "$(crisis_proc_start "$owner")" = "$start" ]; then continue; fi
    [ -f "$d/stopped" ] && [ -f "$d/keep" ] && continue
    crisis_log "cleaning up stale run $d (owner $owner is gone)"
    crisis_services_stop_dir "$d"
  done
}

# crisis_services_start OWNER_PID: start both services, export CRISIS_TEST_* and CRISIS_SERVICES_DIR.
# OWNER_PID 0 means a run started by hand.
crisis_services_start() {
  local owner="${1:-$$}" t0 ports
  t0=$(date +%s.%N)
  crisis_install_packages
  crisis_reap_stale

  CRISIS_SERVICES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/crisis-test.XXXXXX")"
  export CRISIS_SERVICES_DIR
  chmod 755 "$CRISIS_SERVICES_DIR" # the postgres user must reach pg/
  : >"$CRISIS_SERVICES_DIR/state.env"
  crisis_state_add "$CRISIS_SERVICES_DIR" OWNER_PID "$owner"
  crisis_state_add "$CRISIS_SERVICES_DIR" OWNER_START "$([ "$owner" != 0 ] && crisis_proc_start "$owner")"

  ports="$(crisis_free_ports 4)" || crisis_die "could not find free ports"
  local pg_port amqp_port dist_port epmd_port
  read -r pg_port amqp_port dist_port epmd_port <<<"$ports"

  crisis_log "starting PostgreSQL on 127.0.0.1:$pg_port and RabbitMQ on 127.0.0.1:$amqp_port (dir $CRISIS_SERVICES_DIR)"
  crisis_pg_start "$CRISIS_SERVICES_DIR" "$pg_port"
  crisis_rmq_start "$CRISIS_SERVICES_DIR" "$amqp_port" "$dist_port" "$epmd_port"

  local ctl="$CRISIS_SERVICES_DIR/rabbitmq-ctl"
  {
    echo '#!/usr/bin/env bash'
    echo "# rabbitmqctl for the crisis test node of $CRISIS_SERVICES_DIR: stop_app, start_app, restart_app, ..."
    printf 'exec %q --state %q "$@"\n' "$CRISIS_OPS_DIR/rabbitmq-ctl.sh" "$CRISIS_SERVICES_DIR"
  } >"$ctl"
  chmod 755 "$ctl"

  local chromium
  chromium="$(command -v chromium || echo /usr/bin/chromium)"
  {
    printf "export CRISIS_TEST_POSTGRES='%s'\n" "Host=127.0.0.1;Port=$pg_port;Username=crisis;Password=crisis;Database=postgres"
    printf "export CRISIS_TEST_RABBITMQ='%s'\n" "amqp://guest:guest@127.0.0.1:$amqp_port/"
    printf 'export CRISIS_TEST_RABBITMQ_CTL=%q\n' "$ctl"
    printf 'export CRISIS_TEST_CHROMIUM=%q\n' "$chromium"
    printf 'export CRISIS_REQUIRE_EXTERNAL=1\n'
    printf 'export CRISIS_SERVICES_DIR=%q\n' "$CRISIS_SERVICES_DIR"
  } >"$CRISIS_SERVICES_DIR/exports.env"
  # shellcheck disable=SC1091
  . "$CRISIS_SERVICES_DIR/exports.env"
  crisis_log "services up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s"
}

# crisis_services_stop [DIR]: stop the run of DIR (default $CRISIS_SERVICES_DIR).
crisis_services_stop() {
  local dir="${1:-${CRISIS_SERVICES_DIR:-}}"
  crisis_services_stop_dir "$dir" "${CRISIS_TEST_KEEP:-0}"
}

# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------
crisis_services_main() {
  set -euo pipefail
  local pointer="$CRISIS_REPO_DIR/.tmp/services.dir" dir=""
  [ -f "$pointer" ] && dir="$(cat "$pointer")"
  case "${1:-}" in
    start)
      if [ -n "$dir" ] && [ -f "$dir/exports.env" ] && [ ! -f "$dir/stopped" ]; then
        crisis_log "already running ($dir); \`ops/services.sh stop\` first to restart"
        cat "$dir/exports.env"
        return 0
      fi
      trap 'crisis_services_stop_dir "${CRISIS_SERVICES_DIR:-}"' EXIT
      crisis_services_start 0
      trap - EXIT
      mkdir -p "$(dirname "$pointer")"
      echo "$CRISIS_SERVICES_DIR" >"$pointer"
      cat "$CRISIS_SERVICES_DIR/exports.env"
      crisis_log "run \`eval \"\$(ops/services.sh env)\"\` to load these; \`ops/services.sh stop\` when done"
      ;;
    env)
      [ -n "$dir" ] && [ -f "$dir/exports.env" ] || crisis_die "nothing started by ops/services.sh start"
      cat "$dir/exports.env"
      ;;
    stop)
      [ -n "$dir" ] || { crisis_log "nothing to stop"; return 0; }
      crisis_services_stop "$dir"
      rm -f "$pointer"
      ;;
    install)
      crisis_install_packages
      ;;
    *)
      echo "usage: ops/services.sh start|env|stop|install" >&2
      return 2
      ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  crisis_services_main "$@"
fi
