import { describe, expect, it } from 'vitest';
import { ACK, ethernet, FIN, ipv4, pcap, PSH, RST, SYN, tcp, type TcpSpec } from './build.test-helpers.ts';
import { groupConnections } from './connections.ts';
import { readCapture } from './index.ts';
import { flagNames } from './tcp.ts';

type Address = [number, number, number, number];
interface Side {
	src: Address;
	dst: Address;
	srcPort: number;
	dstPort: number;
}
const CLIENT: Side = { src: [10, 0, 0, 1], dst: [10, 0, 0, 2], srcPort: 50000, dstPort: 80 };
const SERVER: Side = { src: [10, 0, 0, 2], dst: [10, 0, 0, 1], srcPort: 80, dstPort: 50000 };

function segment(side: Side, spec: TcpSpec): Uint8Array {
	return ethernet(ipv4(tcp({ srcPort: side.srcPort, dstPort: side.dstPort, ...spec }), { src: side.src, dst: side.dst }));
}

function connectionsOf(...frames: Uint8Array[]) {
	return groupConnections(readCapture(pcap({ packets: frames.map((data) => ({ data })) })).packets);
}

/** One line per segment: direction, flags, relative seq/ack, payload length. */
const trace = (segments: ReturnType<typeof connectionsOf>[number]['segments']) =>
	segments.map(({ direction, relativeSeq, relativeAck, packet }) => {
		const flags = flagNames(packet.tcp.flags).join(',');
		return `${direction === 'client-to-server' ? 'c>s' : 's>c'} ${flags} ${relativeSeq} ${relativeAck ?? '-'} ${packet.tcp.payloadLength}`;
	});

const CLIENT_ISN = 0xfffffffe; // wraps around 2^32 during the conversation
const SERVER_ISN = 5000;

describe('groupConnections', () => {
	it('numbers each direction relative to its initial sequence number', () => {
		const [connection, ...others] = connectionsOf(
			segment(CLIENT, { flags: SYN, seq: CLIENT_ISN }),
			segment(SERVER, { flags: SYN | ACK, seq: SERVER_ISN, ack: CLIENT_ISN + 1 }),
			segment(CLIENT, { flags: ACK, seq: CLIENT_ISN + 1, ack: SERVER_ISN + 1 }),
			segment(CLIENT, { flags: PSH | ACK, seq: CLIENT_ISN + 1, ack: SERVER_ISN + 1, payload: new Uint8Array(3) }),
			segment(SERVER, { flags: FIN | ACK, seq: SERVER_ISN + 1, ack: (CLIENT_ISN + 4) >>> 0 }),
			segment(CLIENT, { flags: FIN | ACK, seq: (CLIENT_ISN + 4) >>> 0, ack: SERVER_ISN + 2 }),
			segment(SERVER, { flags: ACK, seq: SERVER_ISN + 2, ack: (CLIENT_ISN + 5) >>> 0 }),
		);
		expect(others).toEqual([]);
		expect(connection?.client).toEqual({ address: '10.0.0.1', port: 50000 });
		expect(connection?.server).toEqual({ address: '10.0.0.2', port: 80 });
		expect(connection?.openedBySyn).toBe(true);
		expect(trace(connection?.segments ?? [])).toEqual([
			'c>s SYN 0 - 0',
			's>c SYN,ACK 0 1 0',
			'c>s ACK 1 1 0',
			'c>s PSH,ACK 1 1 3',
			's>c FIN,ACK 1 4 0',
			'c>s FIN,ACK 4 2 0',
			's>c ACK 2 5 0',
		]);
	});

	it('numbers a refusing RST as Wireshark does, as if a SYN had come before it', () => {
		const [connection] = connectionsOf(
			segment(CLIENT, { flags: SYN, seq: CLIENT_ISN }),
			segment(SERVER, { flags: RST | ACK, seq: 0, ack: CLIENT_ISN + 1 }),
		);
		expect(trace(connection?.segments ?? [])).toEqual(['c>s SYN 0 - 0', 's>c RST,ACK 1 1 0']);
	});

	it('keeps a retransmitted SYN in its connection and opens a new one for a new SYN on the same ports', () => {
		const connections = connectionsOf(
			segment(CLIENT, { flags: SYN, seq: 100 }),
			segment(CLIENT, { flags: SYN, seq: 100 }),
			segment(SERVER, { flags: RST | ACK, seq: 0, ack: 101 }),
			segment(CLIENT, { flags: SYN, seq: 900 }),
		);
		expect(connections.map((c) => trace(c.segments))).toEqual([
			['c>s SYN 0 - 0', 'c>s SYN 0 - 0', 's>c RST,ACK 1 1 0'],
			['c>s SYN 0 - 0'],
		]);
	});

	it('starts a connection mid-stream from the first packet seen, numbering its bytes from 1', () => {
		const [connection] = connectionsOf(
			segment(SERVER, { flags: PSH | ACK, seq: 7000, ack: 300, payload: new Uint8Array(10) }),
			segment(CLIENT, { flags: ACK, seq: 300, ack: 7010 }),
		);
		expect(connection?.openedBySyn).toBe(false);
		expect(connection?.client.port).toBe(80);
		expect(trace(connection?.segments ?? [])).toEqual(['c>s PSH,ACK 1 1 10', 's>c ACK 1 11 0']);
	});

	it('separates connections by their ports and ignores skipped packets', () => {
		const other = { ...CLIENT, srcPort: 50001 };
		const otherServer = { ...SERVER, dstPort: 50001 };
		const connections = connectionsOf(
			segment(CLIENT, { flags: SYN, seq: 1 }),
			segment(other, { flags: SYN, seq: 2 }),
			ethernet(new Uint8Array(28), 0x0806),
			segment(otherServer, { flags: SYN | ACK, seq: 3, ack: 3 }),
		);
		expect(connections.map((c) => [c.client.port, c.segments.length])).toEqual([
			[50000, 1],
			[50001, 2],
		]);
	});
});
