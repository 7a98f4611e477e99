#!/usr/bin/env bash
# Records three TCP conversations on loopback as classic pcap files, checks
# their shape, then writes them and a README saying how they were made to
# content/captures/ (or the directory given). Needs Linux, root and tcpdump
# (Debian: apt-get install -y tcpdump):
#   bash scripts/capture/capture.sh [output-dir]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/content/captures}"
node="$root/node_modules/.bin/node" # the project's Node 24, which runs .ts by stripping types

command -v tcpdump >/dev/null || { echo "tcpdump missing (Debian: apt-get install -y tcpdump)" >&2; exit 1; }
[[ "$(id -u)" == 0 ]] || { echo "run as root: tcpdump must open the loopback interface" >&2; exit 1; }
[[ -x "$node" ]] || { echo "run npm install first: $node is missing" >&2; exit 1; }
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
}

record half-close 40001
record fin-ack 40002
record refused 40003
"$node" "$here/verify.ts" "$work"

mkdir -p "$out"
cp "$work"/half-close.pcap "$work"/fin-ack.pcap "$work"/refused.pcap "$out/"
cat >"$out/README.md" <<README
# Real TCP captures

Three TCP connections recorded on the loopback interface of a Linux machine,
as classic pcap files (link type Ethernet, microsecond timestamps, snapshot
length 262144). Lessons read them with \`readCapture\` from \`src/capture/\`.

| file | port | what happens |
| --- | --- | --- |
| \`half-close.pcap\` | 40001 | handshake, request "HI\\n", reply "HELLO\\n"; the client closes first; the server, in CLOSE-WAIT, still sends "BYE\\n", then closes: a four-segment teardown |
| \`fin-ack.pcap\` | 40002 | the same exchange, but the server closes as soon as the client's FIN arrives, so its FIN rides on the ACK of that FIN: three segments |
| \`refused.pcap\` | 40003 | a SYN to a port with no listener, answered by RST,ACK |

## How they were made

- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)
- kernel: Linux $(uname -r) ($(uname -m))
- $(tcpdump --version 2>&1 | head -2 | paste -sd ',' | sed 's/,/, /')
- Node: $("$node" --version), running \`scripts/capture/peers.ts\` (client and server in one process, on 127.0.0.1)
- command, as root: \`bash scripts/capture/capture.sh\`, which for each file runs
  \`tcpdump -i lo -w NAME.pcap -U --immediate-mode -Z root 'tcp port PORT'\`,
  waits until tcpdump reports "listening on lo", runs
  \`node scripts/capture/peers.ts NAME PORT\`, and stops tcpdump with SIGINT.

The peers pause 250 ms between steps, longer than Linux's delayed-ACK timer,
so each ACK leaves on its own and every run gives the same segments. Ports,
initial sequence numbers and timestamps differ from run to run; the shape
(flags, relative seq/ack, payload lengths) does not: \`capture.sh\` checks it
against \`scripts/capture/shape.ts\` before writing anything, and the unit
tests check the committed files. To compare a rerun without replacing them:

    bash scripts/capture/capture.sh /tmp/rerun

or check any directory of captures with
\`node_modules/.bin/node scripts/capture/verify.ts DIR\`.
README
echo "wrote $out"
