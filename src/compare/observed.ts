// The segments of one captured connection, as the comparison reads them: times in ms since the
// capture's first packet, flags in the model's notation, absolute sequence numbers.
import type { Connection, Timestamp } from '../capture/index.ts';
import type { Side } from '../tcp/network.ts';
import { flagText, type Flags } from '../tcp/segment.ts';
import { seqSub } from '../tcp/sequence.ts';

export interface CapturedSegment {
	/** 1-based packet number in the file, as Wireshark shows it. */
	packet: number;
	/** Milliseconds since the capture's first packet. */
	t: number;
	from: Side;
	/** The flags the model has (SYN, FIN, RST, PSH, ACK), in its notation: "FIN, ACK". */
	flags: string;
	/** Flags the model does not have (URG, ECE, CWR), if any were set. */
	otherFlags: string[];
	seq: number;
	/** null when the ACK flag is off. */
	ack: number | null;
	len: number;
	/** seq and ack counted from each side's ISN, as the model counts them (absolute for a side that sent no SYN). */
	relSeq: number;
	relAck: number | null;
}

/** Numbers each segment from the latest SYN of its sender (seq) and of its receiver (ack). */
function relativeTo<S extends { from: Side; flags: string; seq: number; ack: number | null }>(
	segs: readonly S[],
): Array<{ relSeq: number; relAck: number | null }> {
	const isn: Record<Side, number | null> = { client: null, server: null };
	return segs.map((s) => {
		if (s.flags.includes('SYN')) isn[s.from] = s.seq;
		const to: Side = s.from === 'client' ? 'server' : 'client';
		const rel = (n: number, base: number | null) => (base === null ? n : seqSub(n, base));
		return { relSeq: rel(s.seq, isn[s.from]), relAck: s.ack === null ? null : rel(s.ack, isn[to]) };
	});
}

const msSince = (t: Timestamp, origin: Timestamp): number =>
	(t.seconds - origin.seconds) * 1000 + (t.nanoseconds - origin.nanoseconds) / 1e6;

export function observedSegments(connection: Connection, origin: Timestamp): CapturedSegment[] {
	const segs = connection.segments.map(({ packet, direction }) => {
		const f = packet.tcp.flags;
		const flags: Flags = { syn: f.syn, fin: f.fin, rst: f.rst, psh: f.psh, ack: f.ack };
		return {
			packet: packet.index,
			t: msSince(packet.timestamp, origin),
			from: (direction === 'client-to-server' ? 'client' : 'server') as Side,
			flags: flagText({ flags }),
			otherFlags: (['urg', 'ece', 'cwr'] as const).filter((k) => f[k]).map((k) => k.toUpperCase()),
			seq: packet.tcp.seq,
			ack: f.ack ? packet.tcp.ack : null,
			len: packet.tcp.payloadLength,
		};
	});
	const rel = relativeTo(segs);
	return segs.map((s, i) => ({ ...s, ...rel[i]! }));
}
