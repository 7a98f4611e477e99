// Groups TCP packets into connections and numbers their bytes relative to
// each side's initial sequence number, as Wireshark does by default: the SYN
// has relative sequence 0 and the first data byte 1 (RFC 9293 §3.4).
import type { Packet, TcpPacket } from './packet.ts';

export interface Endpoint {
	readonly address: string;
	readonly port: number;
}

export type Direction = 'client-to-server' | 'server-to-client';

export interface ConnectionSegment {
	readonly packet: TcpPacket;
	readonly direction: Direction;
	/** Sequence number minus the sender's first sequence number, modulo 2^32. */
	readonly relativeSeq: number;
	/** Acknowledgment number minus the receiver's first sequence number, or null without the ACK flag. */
	readonly relativeAck: number | null;
}

export interface Connection {
	/** The side that sent the SYN; without one, the side that sent the first packet seen. */
	readonly client: Endpoint;
	readonly server: Endpoint;
	/** False when the capture starts mid-connection, so `client` is only a guess. */
	readonly openedBySyn: boolean;
	readonly segments: ConnectionSegment[];
}

interface OpenConnection {
	readonly connection: Connection;
	/** First sequence number seen from each side, the base of its relative numbers. */
	clientBase: number | null;
	serverBase: number | null;
}

const endpointKey = (address: string, port: number) => `${address} ${port}`;

/** Same key for both directions of a 4-tuple. */
function tupleKey(packet: TcpPacket): string {
	const a = endpointKey(packet.ip.src, packet.tcp.srcPort);
	const b = endpointKey(packet.ip.dst, packet.tcp.dstPort);
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const relative = (value: number, base: number) => (value - base) >>> 0;

/** A SYN without ACK opens a connection, unless it retransmits the SYN that opened the current one. */
function opensConnection(packet: TcpPacket, current: OpenConnection | undefined): boolean {
	const { syn, ack } = packet.tcp.flags;
	if (!syn || ack) return false;
	const first = current?.connection.segments[0]?.packet.tcp;
	return !(current?.connection.openedBySyn && first?.seq === packet.tcp.seq && first.srcPort === packet.tcp.srcPort);
}

export function groupConnections(packets: readonly Packet[]): Connection[] {
	const connections: Connection[] = [];
	const open = new Map<string, OpenConnection>();
	for (const packet of packets) {
		if (packet.kind !== 'tcp') continue;
		const key = tupleKey(packet);
		let state = open.get(key);
		if (state === undefined || opensConnection(packet, state)) {
			const connection: Connection = {
				client: { address: packet.ip.src, port: packet.tcp.srcPort },
				server: { address: packet.ip.dst, port: packet.tcp.dstPort },
				openedBySyn: packet.tcp.flags.syn && !packet.tcp.flags.ack,
				segments: [],
			};
			state = { connection, clientBase: null, serverBase: null };
			connections.push(connection);
			open.set(key, state);
		}
		state.connection.segments.push(segmentOf(packet, state));
	}
	return connections;
}

function segmentOf(packet: TcpPacket, state: OpenConnection): ConnectionSegment {
	const { client } = state.connection;
	const fromClient = packet.ip.src === client.address && packet.tcp.srcPort === client.port;
	const sender = fromClient ? 'clientBase' : 'serverBase';
	const receiver = fromClient ? 'serverBase' : 'clientBase';
	const { seq, ack, flags } = packet.tcp;
	// A side first seen without a SYN (a refusing RST, a capture started
	// mid-connection) is numbered as if its SYN had taken the number before,
	// so its first byte is 1 as Wireshark shows it. The same goes for a
	// receiver known so far only from what this segment acknowledges.
	const senderBase = (state[sender] ??= flags.syn ? seq : seq - 1);
	const receiverBase = flags.ack ? (state[receiver] ??= ack - 1) : null;
	return {
		packet,
		direction: fromClient ? 'client-to-server' : 'server-to-client',
		relativeSeq: relative(seq, senderBase),
		relativeAck: receiverBase === null ? null : relative(ack, receiverBase),
	};
}
