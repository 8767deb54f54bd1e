#!/usr/bin/env bash
# The mobility lab of DESIGN.md in network namespaces (root): a mobile node with three uplinks
# (eth0, wlan0, wwan0) to an access router that advertises a prefix on each (radvd), a home
# agent reached through that router, its home link with one host, and a correspondent node.
# The mobile node's fourth interface, eth2, is plugged into the home link (a bridge in the home
# namespace) with the bridge's end down: 'linkup eth2' brings the mobile node home, where the
# home agent's radvd advertises the home prefix. Documentation prefixes only; nothing leaves the
# namespaces.
#
#   mobility-lab.sh up [PREFIX]            build it (namespaces PREFIX-mn, -ar, -ha, -cn, -home)
#   mobility-lab.sh down [PREFIX]          remove it (also what a failed 'up' left)
#   mobility-lab.sh linkdown IF [PREFIX]   take an uplink's carrier away (router side down)
#   mobility-lab.sh linkup IF [PREFIX]     give it back (eth2: the mobile node arrives home)
#   mobility-lab.sh blackhole IF [PREFIX]  drop everything through an uplink, carrier up (nftables)
#   mobility-lab.sh unblackhole [PREFIX]   remove the drops
#   mobility-lab.sh nat [PREFIX]           add the IPv4 uplink eth1 behind a NAT (after 'up'; see below)
#
# Addresses: uplinks eth0 2001:db8:c::/64, wlan0 2001:db8:a::/64, wwan0 2001:db8:b::/64 (router
# ::1 on each); router–HA 2001:db8:f::/64 (HA ::2); router–CN 2001:db8:e::/64 (CN ::2); home
# link 2001:db8:1::/64 (HA 2001:db8:1::1, home host 2001:db8:1::99 on the bridge br0 with the
# HA's link and the mobile node's eth2; home addresses from here).
#
# 'nat' adds an IPv4-only access network (RFC 5555 over a NAT): the mobile node's eth1
# 192.0.2.10/24 to the router's ar-nat 192.0.2.1/24 (no Router Advertisements there, so eth1 has
# no IPv6 care-of address), the router–HA link gets 198.51.100.1 (router) and 198.51.100.2 (HA),
# and the router masquerades 192.0.2.0/24 behind 198.51.100.1 (nftables table ip anyhome-nat).
# Addresses and routes are static: no DHCP is needed for the lab. Without 'nat' the lab is
# IPv6 only.
set -euo pipefail

cmd="${1:-}"
case "$cmd" in
  linkdown|linkup|blackhole) iface="${2:?interface}"; p="${3:-ah}" ;;
  *) p="${2:-ah}" ;;
esac
MN="$p-mn" AR="$p-ar" HA="$p-ha" CN="$p-cn" HOME="$p-home"
run="/run/anyhome-lab/$p"

nsx() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }

down() {
  for pid in "$run/radvd.pid" "$run/radvd-home.pid"; do
    if [ -f "$pid" ]; then kill "$(cat "$pid")" 2>/dev/null || true; fi
  done
  for ns in "$MN" "$AR" "$HA" "$CN" "$HOME"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$run"
}

veth() { # veth NS1 IF1 NS2 IF2
  ip link add "$2" netns "$1" type veth peer name "$4" netns "$3"
  nsx "$1" ip link set "$2" up
  nsx "$3" ip link set "$4" up
}

up() {
  down
  mkdir -p "$run"
  for ns in "$MN" "$AR" "$HA" "$CN" "$HOME"; do
    ip netns add "$ns"
    nsx "$ns" ip link set lo up
    nsx "$ns" sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0
  done
  # the router keeps its addresses while an uplink is down, so 'linkup' gives the uplink back
  nsx "$AR" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1 net.ipv6.conf.default.keep_addr_on_down=1
  # the mobile node does DAD on its uplinks like a real host
  nsx "$MN" sysctl -qw net.ipv6.conf.default.accept_dad=1
  for pair in "eth0 ar-eth c" "wlan0 ar-wlan a" "wwan0 ar-wwan b"; do
    set -- $pair
    veth "$MN" "$1" "$AR" "$2"
    nsx "$AR" ip -6 addr add "2001:db8:$3::1/64" dev "$2" nodad
  done
  veth "$AR" ar-ha "$HA" inet0
  nsx "$AR" ip -6 addr add 2001:db8:f::1/64 dev ar-ha nodad
  nsx "$HA" ip -6 addr add 2001:db8:f::2/64 dev inet0 nodad
  veth "$AR" ar-cn "$CN" eth0
  nsx "$AR" ip -6 addr add 2001:db8:e::1/64 dev ar-cn nodad
  nsx "$CN" ip -6 addr add 2001:db8:e::2/64 dev eth0 nodad
  # the home link: a bridge in the home namespace joins the HA's hlink, the home host and the
  # mobile node's eth2 (whose bridge end stays down until 'linkup eth2')
  veth "$HA" hlink "$HOME" eth0
  nsx "$HOME" ip link add br0 type bridge forward_delay 0 mcast_snooping 0
  nsx "$HOME" ip link set br0 up
  nsx "$HOME" ip link set eth0 master br0
  ip link add eth2 netns "$MN" type veth peer name mn-eth2 netns "$HOME"
  nsx "$MN" ip link set eth2 up
  nsx "$HOME" ip link set mn-eth2 master br0
  nsx "$HA" ip -6 addr add 2001:db8:1::1/64 dev hlink nodad
  nsx "$HOME" ip -6 addr add 2001:db8:1::99/64 dev br0 nodad

  nsx "$AR" sysctl -qw net.ipv6.conf.all.forwarding=1
  nsx "$HA" sysctl -qw net.ipv6.conf.all.forwarding=1
  nsx "$AR" ip -6 route add 2001:db8:1::/64 via 2001:db8:f::2
  nsx "$HA" ip -6 route add default via 2001:db8:f::1
  nsx "$CN" ip -6 route add default via 2001:db8:e::1
  nsx "$HOME" ip -6 route add default via 2001:db8:1::1

  cat > "$run/radvd.conf" <<CONF
interface ar-eth  { AdvSendAdvert on; MinRtrAdvInterval 1; MaxRtrAdvInterval 2; AdvIntervalOpt on;
                    prefix 2001:db8:c::/64 { AdvOnLink on; AdvAutonomous on; }; };
interface ar-wlan { AdvSendAdvert on; MinRtrAdvInterval 1; MaxRtrAdvInterval 2; AdvIntervalOpt on;
                    prefix 2001:db8:a::/64 { AdvOnLink on; AdvAutonomous on; }; };
interface ar-wwan { AdvSendAdvert on; MinRtrAdvInterval 1; MaxRtrAdvInterval 2; AdvIntervalOpt on;
                    prefix 2001:db8:b::/64 { AdvOnLink on; AdvAutonomous on; }; };
CONF
  nsx "$AR" radvd -C "$run/radvd.conf" -p "$run/radvd.pid" -m logfile -l "$run/radvd.log"
  # the home agent advertises the home prefix on its home link (the home agent flag, RFC 6275 §7.1)
  cat > "$run/radvd-home.conf" <<CONF
interface hlink { AdvSendAdvert on; MinRtrAdvInterval 1; MaxRtrAdvInterval 2; AdvIntervalOpt on;
                  AdvHomeAgentFlag on;
                  prefix 2001:db8:1::/64 { AdvOnLink on; AdvAutonomous on; AdvRouterAddr on; }; };
CONF
  nsx "$HA" radvd -C "$run/radvd-home.conf" -p "$run/radvd-home.pid" -m logfile -l "$run/radvd-home.log"
}

nat() { # the IPv4 uplink eth1 behind the router's NAT, all static
  veth "$MN" eth1 "$AR" ar-nat
  nsx "$MN" ip addr add 192.0.2.10/24 dev eth1
  nsx "$AR" ip addr add 192.0.2.1/24 dev ar-nat
  nsx "$MN" ip route add default via 192.0.2.1 dev eth1
  nsx "$AR" ip addr add 198.51.100.1/24 dev ar-ha
  nsx "$HA" ip addr add 198.51.100.2/24 dev inet0
  nsx "$AR" sysctl -qw net.ipv4.ip_forward=1
  nsx "$AR" nft add table ip anyhome-nat
  nsx "$AR" nft add chain ip anyhome-nat postrouting '{ type nat hook postrouting priority 100; }'
  nsx "$AR" nft add rule ip anyhome-nat postrouting oifname ar-ha ip saddr 192.0.2.0/24 masquerade
}

router_if() { # the router side of an uplink: the access router's, or for eth2 the home bridge's
  case "$1" in
    eth0) echo ar-eth ;; wlan0) echo ar-wlan ;; wwan0) echo ar-wwan ;;
    eth2) echo mn-eth2 ;;
    eth1) echo ar-nat ;;
    *) echo "no uplink $1 (eth0, wlan0, wwan0, eth2, eth1 after 'nat')" >&2; exit 2 ;;
  esac
}

router_ns() { # the namespace of that side
  if [ "$1" = eth2 ]; then echo "$HOME"; else echo "$AR"; fi
}

case "$cmd" in
  up) up ;;
  down) down ;;
  nat) nat ;;
  linkdown) nsx "$(router_ns "$iface")" ip link set "$(router_if "$iface")" down ;;
  linkup) nsx "$(router_ns "$iface")" ip link set "$(router_if "$iface")" up ;;
  blackhole)
    r="$(router_if "$iface")"
    nsx "$AR" nft add table inet anyhome-lab
    nsx "$AR" nft add chain inet anyhome-lab forward '{ type filter hook forward priority 0; }'
    nsx "$AR" nft add chain inet anyhome-lab input '{ type filter hook input priority 0; }'
    nsx "$AR" nft add chain inet anyhome-lab output '{ type filter hook output priority 0; }'
    nsx "$AR" nft add rule inet anyhome-lab forward iifname "$r" drop
    nsx "$AR" nft add rule inet anyhome-lab forward oifname "$r" drop
    # Router Advertisements and neighbour discovery stay: the link looks fine, nothing passes
    nsx "$AR" nft add rule inet anyhome-lab input iifname "$r" meta l4proto != ipv6-icmp drop
    nsx "$AR" nft add rule inet anyhome-lab output oifname "$r" meta l4proto != ipv6-icmp drop
    ;;
  unblackhole) nsx "$AR" nft delete table inet anyhome-lab 2>/dev/null || true ;;
  *) echo "usage: $0 up|down|nat|linkdown IF|linkup IF|blackhole IF|unblackhole [PREFIX]" >&2; exit 2 ;;
esac
