#!/usr/bin/env bash
# Runs a discovery test binary against a real avahi-daemon, isolated from this machine's network
# and buses: a private network namespace (only its own loopback, with multicast on, so nothing is
# announced on a real LAN), a private mount namespace (a fresh /run for avahi's PID file), and a
# private D-Bus system bus that avahi-daemon owns org.freedesktop.Avahi on.
#
# Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN): an unprivileged user namespace is not enough,
# because avahi-daemon insists that /run/avahi-daemon belongs to its "avahi" user, a user a
# single-uid namespace cannot map. CI runs as root.
#   usage: avahi_namespace.sh <test binary> [test arguments…]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <test binary> [args…]" >&2; exit 64; }
if [ "$(id -u)" -ne 0 ]; then
    echo "avahi_namespace.sh: needs root for private network/mount namespaces (see the header)" >&2
    exit 1
fi
for tool in unshare ip dbus-daemon avahi-daemon; do
    command -v "$tool" >/dev/null || { echo "avahi_namespace.sh: $tool is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CORKBOARD_AVAHI_WORK="$work"

cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standard/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$work/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/><allow send_type="signal"/>
    <allow send_type="method_return"/><allow send_type="error"/>
    <allow receive_type="method_call"/><allow receive_type="signal"/>
    <allow receive_type="method_return"/><allow receive_type="error"/>
  </policy>
</busconfig>
CONF

cat >"$work/avahi.conf" <<CONF
[server]
use-ipv4=yes
use-ipv6=no
allow-interfaces=lo
enable-dbus=yes
ratelimit-interval-usec=0
[wide-area]
enable-wide-area=no
[publish]
publish-workstation=no
CONF

exec unshare --net --mount -- bash -s -- "$@" <<'INSIDE'
set -euo pipefail
work="$CORKBOARD_AVAHI_WORK"
ip link set lo up
ip link set lo multicast on
mount -t tmpfs tmpfs /run
mkdir -p /run/avahi-daemon
dbus_pid="$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)"
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/system_bus_socket"
avahi-daemon -f "$work/avahi.conf" --no-drop-root --no-chroot --no-rlimits >"$work/avahi.log" 2>&1 &
avahi_pid=$!
cleanup() { kill "$avahi_pid" 2>/dev/null || true; kill "$dbus_pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do
    grep -q "Server startup complete" "$work/avahi.log" && break
    kill -0 "$avahi_pid" 2>/dev/null || { cat "$work/avahi.log" >&2; exit 1; }
    sleep 0.1
done
grep -q "Server startup complete" "$work/avahi.log" || { cat "$work/avahi.log" >&2; exit 1; }
export CORKBOARD_TEST_AVAHI_PID="$avahi_pid"
"$@" </dev/null
INSIDE
