#!/usr/bin/env bash
# Records the three loopback conversations in content/captures/ as classic
# pcap files. Needs Linux, root (for tcpdump on lo) and tcpdump; run from
# anywhere:  sudo bash scripts/capture/capture.sh [output-dir]
# Then check the result:  node scripts/capture/verify.ts [output-dir]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/content/captures}"
node="$root/node_modules/.bin/node" # Node 24, which runs .ts by stripping types
[[ -x "$node" ]] || node="node"

command -v tcpdump >/dev/null || { echo "tcpdump missing (Debian: apt-get install -y tcpdump)" >&2; exit 1; }
[[ "$(id -u)" == 0 ]] || { echo "run as root: tcpdump must open the loopback interface" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# record NAME PORT: capture everything on PORT while peers.ts plays NAME.
record() {
	local name="$1" port="$2" log="$work/$1.tcpdump.log"
	# -U writes each packet to the file as soon as tcpdump has it, and
	# --immediate-mode makes libpcap hand it over at once: otherwise the
	# kernel's ring buffer holds packets up to a second, and those still held
	# when tcpdump is stopped are lost. -Z root keeps tcpdump from dropping to
	# its own user, which may not write to $work.
	tcpdump -i lo -w "$work/$name.pcap" -U --immediate-mode -Z root "tcp port $port" 2>"$log" &
	local pid=$!
	# tcpdump says "listening on lo" once its filter is installed; packets
	# sent before that would be missed.
	for _ in $(seq 100); do
		grep -q 'listening on' "$log" && break
		sleep 0.05
	done
	grep -q 'listening on' "$log" || { cat "$log" >&2; kill "$pid"; exit 1; }
	"$node" "$here/peers.ts" "$name" "$port"
	sleep 0.2
	kill -INT "$pid" # SIGINT makes tcpdump flush and close the file
	wait "$pid" || true
	cat "$log" >&2
	cp "$work/$name.pcap" "$out/$name.pcap"
}

record half-close 40001
record fin-ack 40002
record refused 40003

echo "kernel: $(uname -r)"
echo "tcpdump: $(tcpdump --version 2>&1 | head -1)"
echo "node: $("$node" --version)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
