#!/usr/bin/env bash
# rabbitmqctl for a throw-away test broker started by ops/services.sh (and so by ops/test).
#
#   ops/rabbitmq-ctl.sh [--state DIR] stop_app|start_app|restart_app|<any rabbitmqctl command>
#
# DIR is the run's temp dir (default: $CRISIS_SERVICES_DIR). Tests do not call this directly: they
# get CRISIS_TEST_RABBITMQ_CTL, the path of a one-line wrapper in DIR that passes --state, so
# `"$CRISIS_TEST_RABBITMQ_CTL" stop_app` works from any process with only that variable.
#   stop_app     stops the RabbitMQ application (connections drop; the Erlang node stays up)
#   start_app    starts it again and returns once the broker accepts AMQP connections
#   restart_app  both
set -euo pipefail

ops_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${CRISIS_SERVICES_DIR:-}"
if [ "${1:-}" = "--state" ]; then
  state="${2:?--state needs a directory}"
  shift 2
fi
[ "$#" -ge 1 ] || { echo "usage: $0 [--state DIR] stop_app|start_app|restart_app|<rabbitmqctl command>" >&2; exit 2; }
[ -n "$state" ] && [ -f "$state/state.env" ] || { echo "rabbitmq-ctl: no test broker state in '${state}'" >&2; exit 1; }

# shellcheck source=ops/services.sh
. "$ops_dir/services.sh"
# shellcheck disable=SC1091
. "$state/state.env"
[ -n "${RMQ_NODE:-}" ] || { echo "rabbitmq-ctl: no RabbitMQ node recorded in $state" >&2; exit 1; }
crisis_rmq_env
cd "$RMQ_DIR"

wait_listening() {
  local i
  for ((i = 0; i < 100; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$RMQ_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "rabbitmq-ctl: broker not listening on 127.0.0.1:$RMQ_PORT" >&2
  return 1
}

case "$1" in
  stop_app)
    crisis_rmqctl -q stop_app
    ;;
  start_app)
    crisis_rmqctl -q start_app
    crisis_rmqctl -q await_startup --timeout 60
    wait_listening
    ;;
  restart_app)
    crisis_rmqctl -q stop_app
    crisis_rmqctl -q start_app
    crisis_rmqctl -q await_startup --timeout 60
    wait_listening
    ;;
  *)
    crisis_rmqctl "$@"
    ;;
esac
