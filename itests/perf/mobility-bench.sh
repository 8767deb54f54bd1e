#!/usr/bin/env bash
# Mobility benchmark (root): throughput and handover interruption of anyhome in the mobility lab
# (itests/lab/mobility-lab.sh), next to the direct path, OpenVPN 2.6 and kernel MPTCP, in one
# invocation. Builds its own lab, starts a home agent and a mobile node of the built distribution
# (distribution/target/anyhome; built with `mvn -q -B -o package -DskipTests` if missing), prints
# a markdown table and writes the raw figures as JSON. Outside `mvn verify`.
#
#   itests/perf/mobility-bench.sh [--quick] [--reps N] [--runs N] [--baseline-reps N]
#                                 [--no-baselines] [--no-throughput] [--no-handovers] [--prefix P]
#                                 [--out FILE]
#
#   --quick            3 repetitions per anyhome scenario, 1 per baseline scenario, 1 throughput
#                      run of 5 s per path (about 3-4 minutes)
#   --reps N           handover repetitions per scenario for anyhome (default 20)
#   --baseline-reps N  the same for the MPTCP and OpenVPN baselines (default: --reps)
#   --runs N           iperf3 runs of 10 s per path, the median is reported (default 3)
#   --no-baselines     anyhome only (throughput still compares with direct and OpenVPN)
#   --no-throughput    handovers only
#   --no-handovers     throughput only (anyhome, direct, OpenVPN)
#   --prefix P         lab namespace prefix (default ahb: namespaces ahb-mn, ahb-ar, ...)
#   --out FILE         raw results (default /tmp/anyhome-mobility-bench-DATE.json); the nodes'
#                      state, logs and every raw output stay in a directory named on start
#
# Throughput: iperf3 TCP from the correspondent node (CN) to the mobile node (MN) and back (-R),
#   10 s per run and direction:
#   anyhome  to the home address 2001:db8:1::10, the binding over eth0 (UDP tunnel via the HA);
#   home     the same with the MN at home (linkup eth2): the direct path on the home link, no
#            tunnel; afterwards eth2 goes down and the MN registers over eth0 again;
#   direct   to the MN's eth0 care-of address, anyhome nodes stopped;
#   openvpn  cleartext p2p UDP tunnel (no --secret, no TLS: OpenVPN 2.6 runs it with cipher and
#            auth none and a deprecation warning) between the MN's eth0 care-of address and the
#            HA (2001:db8:f::2); the CN sends to 2001:db8:1::20, routed by the HA into the
#            tunnel, held by the MN on the tunnel, answered through it by a source rule.
#            anyhome nodes stopped. tun MTU = home0's MTU (1452 unless the node says otherwise).
# Handover: a 1 kHz UDP probe (itests/lab/udp-probe.py) from the CN to the MN, the event 2 s in;
#   longest gap between two arrivals, lost packets; median and p99 (nearest rank) over reps.
#   carrier    mobility-lab.sh linkdown eth0; after the window linkup and wait for eth0 again
#   blackhole  mobility-lab.sh blackhole eth0 (carrier up, ND passes); after: unblackhole
#   planned    anyhome: ifs:pin all wlan0 (after: ifs:clear); OpenVPN: a more specific route to
#              the server via wlan0 (after: removed); MPTCP: eth0's endpoint marked backup
#   The MN's priority policy runs with failback=always so eth0 is taken back at once between
#   repetitions (the shipped 5 s hold-down would only slow the benchmark down).
# Baselines (anyhome nodes stopped): MPTCP: a 1 kHz stream of 16-byte timestamped messages over
#   one MPTCP connection (itests/perf/mptcp-stream.py; the MN connects from its eth0 address to
#   the CN, the CN sends), MN endpoints `subflow` on each uplink address, limits subflow 3
#   add_addr_accepted 3; gap = longest interval between message arrivals. OpenVPN --float:
#   server on the HA, client on the MN (--nobind, --ping 1), probe to 2001:db8:1::20 through it;
#   the MN routes the server address via eth0 (metric 10), wlan0 (20), wwan0 (30) with
#   net.ipv6.conf.all.ignore_routes_with_linkdown=1. Waits are capped at 10 s after the event:
#   a scenario with no recovery in its first 3 repetitions is reported "no recovery" and not
#   repeated further.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lab_sh="$root/itests/lab/mobility-lab.sh"
probe_py="$root/itests/lab/udp-probe.py"
mptcp_py="$here/mptcp-stream.py"
report_py="$here/mobility-bench-report.py"
dist="$root/distribution/target/anyhome"

reps=20 runs=3 tsec=10 quick_baseline_reps="" baseline_reps="" baselines=1 throughput=1 handovers=1 p=ahb out="" quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; reps=3; runs=1; tsec=5; quick_baseline_reps=1 ;;
    --reps) reps="$2"; shift ;;
    --baseline-reps) baseline_reps="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --no-baselines) baselines=0 ;;
    --no-throughput) throughput=0 ;;
    --no-handovers) handovers=0; baselines=0 ;;
    --prefix) p="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
baseline_reps="${baseline_reps:-${quick_baseline_reps:-$reps}}"
[ "$(id -u)" = 0 ] || { echo "mobility-bench: needs root" >&2; exit 2; }
for tool in ip radvd nft iperf3 python3 timeout; do
  command -v "$tool" >/dev/null || { echo "mobility-bench: $tool missing" >&2; exit 2; }
done
py="$(command -v python3)"
out="${out:-/tmp/anyhome-mobility-bench-$(date -u +%Y%m%dT%H%M%SZ).json}"
work="$(mktemp -d /tmp/anyhome-mobility-bench.XXXXXX)"
raw="$work/raw.jsonl"
: > "$raw"
MN="$p-mn" AR="$p-ar" HA="$p-ha" CN="$p-cn"
HOA=2001:db8:1::10 HA_ADDR=2001:db8:1::1 HA_OUTER=2001:db8:f::2 CN_ADDR=2001:db8:e::2
TEST_ADDR=2001:db8:1::20
KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
started=$(date +%s)

log() { printf '[%4ds] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }
nsx() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }
lab() { "$lab_sh" "$@" >/dev/null; }
record() { echo "$1" >> "$raw"; }

pids=()   # background processes this script started (killed on exit)
ha_pid="" mn_pid=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}" $mn_pid $ha_pid; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}" $mn_pid $ha_pid; do kill -9 "$pid" 2>/dev/null || true; done
  "$lab_sh" down "$p" >/dev/null 2>&1 || true
  log "lab removed; work directory (logs, raw outputs): $work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bg() { # bg OUTFILE NS CMD... : start in a namespace in the background; its pid in $bg_pid
  local o="$1" ns="$2"; shift 2
  ip netns exec "$ns" "$@" > "$o" 2>"$o.err" < /dev/null &
  bg_pid=$!
  pids+=("$bg_pid")
}

wait_for() { # wait_for SECONDS CMD... : poll every 0.2 s until CMD succeeds
  local until=$(( $(date +%s) + $1 )); shift
  while ! "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$until" ] || return 1
    sleep 0.2
  done
}

ctl() { local state="$1"; shift; timeout 20 "$dist/bin/anyhome" ctl --state "$state" "$@"; }
jget() { "$py" -c 'import json,sys
v=json.load(sys.stdin)
for k in sys.argv[1:]:
    v=v[int(k)] if isinstance(v,list) else v.get(k)
print("" if v is None else v)' "$@"; }

# ---------------------------------------------------------------------------- the nodes
mn_state="$work/mn" ha_state="$work/ha"
write_cfg() { mkdir -p "$(dirname "$1")"; local f="$1"; shift; printf '%s\n' "$@" > "$f"; }

start_nodes() {
  write_cfg "$ha_state/etc/io.anyhome.node.cfg" role=ha platform=linux homePrefix=2001:db8:1::/64
  write_cfg "$ha_state/etc/io.anyhome.homeagent.cfg" "address=$HA_ADDR" homeLink=hlink \
    "keysDirectory=$ha_state/etc/homeagent-keys"
  write_cfg "$ha_state/etc/homeagent-keys/mn1.key" "homeAddress=$HOA" identity=mn1@example.net spi=256 \
    algorithm=hmac-sha256-128 "key=$KEY"
  write_cfg "$mn_state/etc/io.anyhome.node.cfg" role=mn platform=linux "homeAddress=$HOA" \
    homePrefix=2001:db8:1::/64
  write_cfg "$mn_state/etc/io.anyhome.mobility.cfg" "homeAgent=$HA_ADDR" identity=mn1@example.net spi=256 \
    algorithm=hmac-sha256-128 "key=$KEY"
  write_cfg "$mn_state/etc/io.anyhome.nic.wlan-lab.cfg" 'interfaces=wlan*'
  write_cfg "$mn_state/etc/io.anyhome.nic.cellular-lab.cfg" 'interfaces=wwan*'
  write_cfg "$mn_state/etc/io.anyhome.ifs.cfg" policy=priority
  write_cfg "$mn_state/etc/io.anyhome.policy.priority.cfg" failback=always
  bg "$work/ha.out" "$HA" "$dist/bin/anyhome" node --daemon --state "$ha_state"; ha_pid=$bg_pid
  wait_for 60 test -S "$ha_state/run/ctl.sock" || { log "home agent did not start: $work/ha.out"; exit 1; }
  bg "$work/mn.out" "$MN" "$dist/bin/anyhome" node --daemon --state "$mn_state"; mn_pid=$bg_pid
  wait_for 60 test -S "$mn_state/run/ctl.sock" || { log "mobile node did not start: $work/mn.out"; exit 1; }
  wait_for 90 on_eth0 || { log "no binding over eth0 within 90 s (logs in $work)"; exit 1; }
}

stop_nodes() {
  local pid
  for pid in $mn_pid $ha_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $mn_pid $ha_pid; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  mn_pid="" ha_pid=""
}

default_uplink() { ctl "$mn_state" ifs:status --json | jget defaultUplink; }
binding_coa() {
  ctl "$ha_state" ha:bc --json | "$py" -c 'import json,sys
for b in json.load(sys.stdin):
    if b.get("homeAddress")==sys.argv[1]: print(b.get("careOfAddress"))' "$HOA"
}
on_eth0() { [ "$(default_uplink)" = eth0 ] && binding_coa | grep -q '^2001:db8:c:'; }

mn_addr() { # the MN's global address on an uplink
  nsx "$MN" ip -6 -o addr show dev "$1" scope global | awk '{print $4}' | grep -m1 "^2001:db8:" | cut -d/ -f1
}
router_ll() { nsx "$MN" ip -6 route show default dev "$1" | awk '/via/ {print $3; exit}'; }

# ---------------------------------------------------------------------------- throughput
iperf_run() { # iperf_run PATHNAME RUN SERVER_ADDRESS [up]: CN → MN, or with 'up' MN → CN (iperf3 -R)
  local dir="${4:-down}"
  local o="$work/iperf-$1-$dir-$2"
  bg "$o.server.json" "$MN" timeout 40 iperf3 -s -1 -J -B "$3"; local server=$bg_pid
  wait_for 10 sh -c "ip netns exec $MN ss -ltnH | grep -q ':5201 '" || true
  if nsx "$CN" timeout 40 iperf3 -c "$3" -t "$tsec" -J $([ "$dir" = up ] && echo -R) > "$o.client.json" 2>"$o.client.err"; then :; fi
  wait "$server" 2>/dev/null || true
  local bps
  bps="$("$py" -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(d["end"]["sum_received"]["bits_per_second"] if "end" in d and "sum_received" in d["end"] else "")' \
    "$o.client.json" 2>/dev/null || true)"
  record "{\"kind\":\"throughput\",\"path\":\"$1\",\"direction\":\"$dir\",\"run\":$2,\"bitsPerSecond\":${bps:-null}}"
  log "throughput $1 $dir run $2: $(awk -v b="${bps:-0}" 'BEGIN{printf "%.0f", b/1e6}') Mbit/s"
}

# ---------------------------------------------------------------------------- handover
# one repetition: probe from the CN for SEND seconds, EVENT 2 s in, UNDO after the window
probe_rep() { # probe_rep SYSTEM SCENARIO REP ADDRESS SEND EVENT UNDO
  local sys="$1" sc="$2" rep="$3" addr="$4" send="$5" event="$6" undo="$7"
  local o="$work/probe-$sys-$sc-$rep"
  bg "$o.recv.json" "$MN" timeout $((send + 10)) "$py" "$probe_py" receive 5999 "$((send + 2))" "$addr"
  local recv=$bg_pid
  sleep 0.5
  bg "$o.sent.json" "$CN" timeout $((send + 10)) "$py" "$probe_py" send "$addr" 5999 "$send"
  local sender=$bg_pid
  sleep 2
  local t0; t0=$(date +%s%N)
  $event
  local t1; t1=$(date +%s%N)
  wait "$sender" 2>/dev/null || true
  wait "$recv" 2>/dev/null || true
  $undo
  record "{\"kind\":\"handover\",\"system\":\"$sys\",\"scenario\":\"$sc\",\"rep\":$rep,\"triggerMs\":$(( (t1 - t0) / 1000000 )),\"sent\":$(cat "$o.sent.json" 2>/dev/null || echo null),\"probe\":$(cat "$o.recv.json" 2>/dev/null || echo null)}"
  log "$sys $sc $rep: $(cat "$o.recv.json" 2>/dev/null)"
}

mptcp_rep() { # mptcp_rep SCENARIO REP EVENT UNDO
  local sc="$1" rep="$2" event="$3" undo="$4" send=12
  local o="$work/mptcp-$sc-$rep"
  bg "$o.sent.json" "$CN" timeout $((send + 20)) "$py" "$mptcp_py" send 6001 "$send"
  local sender=$bg_pid
  sleep 0.5
  bg "$o.recv.json" "$MN" timeout $((send + 20)) "$py" "$mptcp_py" receive "$CN_ADDR" 6001 "$((send + 3))" "$(mn_addr eth0)"
  local recv=$bg_pid
  sleep 2
  local t0; t0=$(date +%s%N)
  $event
  local t1; t1=$(date +%s%N)
  wait "$sender" 2>/dev/null || true
  wait "$recv" 2>/dev/null || true
  $undo
  record "{\"kind\":\"handover\",\"system\":\"mptcp\",\"scenario\":\"$sc\",\"rep\":$rep,\"triggerMs\":$(( (t1 - t0) / 1000000 )),\"sent\":$(cat "$o.sent.json" 2>/dev/null || echo null),\"probe\":$(cat "$o.recv.json" 2>/dev/null || echo null)}"
  log "mptcp $sc $rep: $(cat "$o.recv.json" 2>/dev/null)"
}

# true when the last recorded repetition of SYSTEM SCENARIO did not recover before the window ended
no_recovery() {
  tail -n 1 "$raw" | "$py" -c 'import json,sys
r=json.loads(sys.stdin.read()); p=r.get("probe") or {}; s=(r.get("sent") or {}).get("sent")
last=p.get("lastSequence")
sys.exit(0 if s is None or last is None or s - 1 - last > 5 else 1)'
}

run_scenario() { # run_scenario COUNT FN ARGS... : repeat; stop a baseline after 3 non-recoveries
  local count="$1" fn="$2" baseline="$3"; shift 3
  local misses=0 i
  for i in $(seq 1 "$count"); do
    "$fn" "$@" "$i"
    if [ "$baseline" = 1 ] && no_recovery; then
      misses=$((misses + 1))
      if [ "$misses" -ge 3 ] && [ "$i" -eq 3 ]; then log "no recovery in the first 3: stopping"; break; fi
    fi
  done
}

# anyhome events
ah_carrier() { "$lab_sh" linkdown eth0 "$p"; }
ah_carrier_undo() { "$lab_sh" linkup eth0 "$p"; ah_back; }
ah_blackhole() { "$lab_sh" blackhole eth0 "$p"; }
ah_blackhole_undo() { "$lab_sh" unblackhole "$p"; ah_back; }
ah_planned() { ctl "$mn_state" ifs:pin all wlan0 >/dev/null; }
ah_planned_undo() { ctl "$mn_state" ifs:clear >/dev/null; ah_back; }
ah_back() { wait_for 60 on_eth0 || log "WARNING: not back on eth0 within 60 s"; sleep 1; }
ah_rep() { probe_rep anyhome "$1" "$4" "$HOA" 6 "$2" "$3"; }

# ---------------------------------------------------------------------------- OpenVPN
ovpn_common=(--dev ovpnb0 --dev-type tun --proto udp6 --port 1194 --cipher none --auth none
  --disable-dco --verb 3)
ovpn_start() { # ovpn_start float|p2p
  local mtu coa; mtu="$(cat "$work/home0.mtu" 2>/dev/null || echo 1452)"; coa="$(mn_addr eth0)"
  if [ "$1" = p2p ]; then
    bg "$work/ovpn-ha-$1.out" "$HA" openvpn "${ovpn_common[@]}" --tun-mtu "$mtu" --local "$HA_OUTER" \
      --remote "$coa" --ifconfig-ipv6 2001:db8:99::1/64 2001:db8:99::2 --log "$work/ovpn-ha-$1.log"
    ovpn_ha=$bg_pid
    bg "$work/ovpn-mn-$1.out" "$MN" openvpn "${ovpn_common[@]}" --tun-mtu "$mtu" --local "$coa" \
      --remote "$HA_OUTER" --ifconfig-ipv6 2001:db8:99::2/64 2001:db8:99::1 --log "$work/ovpn-mn-$1.log"
    ovpn_mn=$bg_pid
  else
    bg "$work/ovpn-ha-$1.out" "$HA" openvpn "${ovpn_common[@]}" --tun-mtu "$mtu" --local "$HA_OUTER" \
      --float --ifconfig-ipv6 2001:db8:99::1/64 2001:db8:99::2 --log "$work/ovpn-ha-$1.log"
    ovpn_ha=$bg_pid
    bg "$work/ovpn-mn-$1.out" "$MN" openvpn "${ovpn_common[@]}" --tun-mtu "$mtu" --nobind \
      --remote "$HA_OUTER" --ping 1 --ifconfig-ipv6 2001:db8:99::2/64 2001:db8:99::1 \
      --log "$work/ovpn-mn-$1.log"
    ovpn_mn=$bg_pid
  fi
  wait_for 20 grep -q 'Initialization Sequence Completed' "$work/ovpn-mn-$1.log" ||
    { log "OpenVPN did not come up: $work/ovpn-mn-$1.log"; return 1; }
  nsx "$MN" ip -6 addr add "$TEST_ADDR/128" dev ovpnb0 nodad
  nsx "$MN" ip -6 route add default via 2001:db8:99::1 dev ovpnb0 table 120
  nsx "$MN" ip -6 rule add from "$TEST_ADDR" table 120
  nsx "$HA" ip -6 route add "$TEST_ADDR/128" via 2001:db8:99::2 dev ovpnb0
  wait_for 20 nsx "$CN" ping -6 -c 1 -W 1 "$TEST_ADDR" || { log "no traffic through OpenVPN"; return 1; }
}
ovpn_stop() {
  nsx "$MN" ip -6 rule del from "$TEST_ADDR" table 120 2>/dev/null || true
  kill "$ovpn_mn" "$ovpn_ha" 2>/dev/null || true
  wait "$ovpn_mn" "$ovpn_ha" 2>/dev/null || true
}
ov_route() { # ov_route IF METRIC: the server's address through an uplink's router
  nsx "$MN" ip -6 route replace "$HA_OUTER/128" via "$(router_ll "$1")" dev "$1" metric "$2"
}
ov_carrier() { "$lab_sh" linkdown eth0 "$p"; }
ov_carrier_undo() { "$lab_sh" linkup eth0 "$p"; ov_back; }
ov_blackhole() { "$lab_sh" blackhole eth0 "$p"; }
ov_blackhole_undo() { "$lab_sh" unblackhole "$p"; ov_back; }
ov_planned() { ov_route wlan0 5; }
ov_planned_undo() { nsx "$MN" ip -6 route del "$HA_OUTER/128" dev wlan0 metric 5 2>/dev/null || true; ov_back; }
ov_back() { # eth0 carries the tunnel again and the probe address answers
  wait_for 30 sh -c "ip netns exec $MN ip -6 route get $HA_OUTER | grep -q 'dev eth0'" || true
  [ -n "$(router_ll eth0)" ] && ov_route eth0 10 2>/dev/null || true
  wait_for 30 nsx "$CN" ping -6 -c 1 -W 1 "$TEST_ADDR" || log "WARNING: OpenVPN tunnel not back within 30 s"
  sleep 1
}
ov_rep() { probe_rep openvpn "$1" "$4" "$TEST_ADDR" 12 "$2" "$3"; }

# ---------------------------------------------------------------------------- MPTCP
mp_eth0_id() { nsx "$MN" ip mptcp endpoint show | awk -v a="$(mn_addr eth0)" '$1==a {for(i=1;i<=NF;i++) if($i=="id") print $(i+1)}'; }
mp_setup() {
  local ifc a
  for ns in "$MN" "$CN"; do
    nsx "$ns" sysctl -qw net.mptcp.enabled=1
    nsx "$ns" ip mptcp limits set subflow 3 add_addr_accepted 3
  done
  nsx "$MN" ip mptcp endpoint flush
  for ifc in eth0 wlan0 wwan0; do
    a="$(mn_addr "$ifc")"
    [ -n "$a" ] && nsx "$MN" ip mptcp endpoint add "$a" dev "$ifc" subflow
  done
  nsx "$MN" ip mptcp endpoint show > "$work/mptcp-endpoints.txt"
}
mp_carrier() { "$lab_sh" linkdown eth0 "$p"; }
mp_carrier_undo() { "$lab_sh" linkup eth0 "$p"; mp_back; }
mp_blackhole() { "$lab_sh" blackhole eth0 "$p"; }
mp_blackhole_undo() { "$lab_sh" unblackhole "$p"; mp_back; }
mp_planned() { nsx "$MN" ip mptcp endpoint change id "$(mp_eth0_id)" backup; }
mp_planned_undo() { nsx "$MN" ip mptcp endpoint change id "$(mp_eth0_id)" nobackup 2>/dev/null || true; mp_back; }
mp_back() { # eth0 has its address again (DAD) and reaches the CN
  wait_for 30 sh -c "[ -n \"\$(ip netns exec $MN ip -6 -o addr show dev eth0 scope global -tentative)\" ]" || true
  wait_for 30 nsx "$MN" ping -6 -c 1 -W 1 -I eth0 "$CN_ADDR" || log "WARNING: eth0 does not reach the CN"
  sleep 1
}
mp_rep() { mptcp_rep "$1" "$4" "$2" "$3"; }

# ---------------------------------------------------------------------------- run
[ -x "$dist/bin/anyhome" ] || { log "building the distribution"; (cd "$root" && mvn -q -B -o package -DskipTests); }
log "work directory $work; lab prefix $p; reps $reps (baselines $baseline_reps), throughput runs $runs"
record "{\"kind\":\"meta\",\"date\":\"$(date -u +%FT%TZ)\",\"quick\":$quick,\"reps\":$reps,\"baselineReps\":$baseline_reps,\"runs\":$runs,\"iperfSeconds\":$tsec,\"cores\":$(nproc),\"loadAverage\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"kernel\":\"$(uname -r)\",\"openvpn\":\"$(openvpn --version 2>/dev/null | head -1 | cut -d' ' -f2)\"}"
"$lab_sh" up "$p" >/dev/null
start_nodes
log "binding over eth0: $(binding_coa)"
nsx "$MN" cat /sys/class/net/home0/mtu > "$work/home0.mtu" 2>/dev/null || echo 1452 > "$work/home0.mtu"

at_home() { ctl "$mn_state" mip:status --json 2>/dev/null | jget atHome | grep -qx True; }
if [ "$throughput" = 1 ]; then
  for r in $(seq 1 "$runs"); do iperf_run anyhome "$r" "$HOA"; iperf_run anyhome "$r" "$HOA" up; done
  # at home: the direct path on the home link (eth2), no tunnel
  "$lab_sh" linkup eth2 "$p"
  if wait_for 60 at_home; then
    sleep 1
    for r in $(seq 1 "$runs"); do iperf_run home "$r" "$HOA"; iperf_run home "$r" "$HOA" up; done
  else
    log "WARNING: the MN did not arrive home within 60 s: no home-link figures"
  fi
  "$lab_sh" linkdown eth2 "$p"
  wait_for 60 on_eth0 || log "WARNING: not back on eth0 within 60 s after leaving home"
  sleep 1
fi
if [ "$handovers" = 1 ]; then
  for sc in carrier blackhole planned; do
    run_scenario "$reps" ah_rep 0 "$sc" "ah_$sc" "ah_${sc}_undo"
  done
fi
ctl "$mn_state" ifs:handovers --json > "$work/handovers.json" 2>/dev/null || true
record "{\"kind\":\"handoverLog\",\"entries\":$(cat "$work/handovers.json" 2>/dev/null || echo null)}"

log "stopping the anyhome nodes for the direct path and the baselines"
stop_nodes
wait_for 30 sh -c "[ -n \"\$(ip netns exec $MN ip -6 -o addr show dev eth0 scope global -tentative)\" ]" ||
  { log "the MN has no eth0 address without anyhome"; exit 1; }
nsx "$MN" ip -6 addr > "$work/mn-addresses-after-stop.txt"
nsx "$MN" ip -6 route > "$work/mn-routes-after-stop.txt"

if [ "$throughput" = 1 ]; then
  for r in $(seq 1 "$runs"); do iperf_run direct "$r" "$(mn_addr eth0)"; iperf_run direct "$r" "$(mn_addr eth0)" up; done
  ovpn_start p2p
  for r in $(seq 1 "$runs"); do iperf_run openvpn "$r" "$TEST_ADDR"; iperf_run openvpn "$r" "$TEST_ADDR" up; done
  ovpn_stop
fi

if [ "$baselines" = 1 ]; then
  mp_setup
  for sc in carrier blackhole planned; do
    run_scenario "$baseline_reps" mp_rep 1 "$sc" "mp_$sc" "mp_${sc}_undo"
  done
  nsx "$MN" ip mptcp endpoint flush
  nsx "$MN" sysctl -qw net.ipv6.conf.all.ignore_routes_with_linkdown=1
  for ifc in eth0:10 wlan0:20 wwan0:30; do ov_route "${ifc%:*}" "${ifc#*:}"; done
  ovpn_start float
  for sc in carrier blackhole planned; do
    run_scenario "$baseline_reps" ov_rep 1 "$sc" "ov_$sc" "ov_${sc}_undo"
  done
  ovpn_stop
fi

"$py" "$report_py" "$raw" "$out"
log "raw results: $out"
