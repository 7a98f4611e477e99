// The segments of one captured connection, as the comparison reads them: times in ms since the
// capture's first packet, flags in the model's notation, absolute sequence numbers.
import type { Connection, Timestamp } from '../capture/index.ts';
import { flagText, type Flags, type Side } from '../tcp/index.ts';

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
}

export const msSince = (t: Timestamp, origin: Timestamp): number =>
	(t.seconds - origin.seconds) * 1000 + (t.nanoseconds - origin.nanoseconds) / 1e6;

export function observedSegments(connection: Connection, origin: Timestamp): CapturedSegment[] {
	return connection.segments.map(({ packet, direction }) => {
		const f = packet.tcp.flags;
		const flags: Flags = { syn: f.syn, fin: f.fin, rst: f.rst, psh: f.psh, ack: f.ack };
		return {
			packet: packet.index,
			t: msSince(packet.timestamp, origin),
			from: direction === 'client-to-server' ? 'client' : 'server',
			flags: flagText({ flags }),
			otherFlags: (['urg', 'ece', 'cwr'] as const).filter((k) => f[k]).map((k) => k.toUpperCase()),
			seq: packet.tcp.seq,
			ack: f.ack ? packet.tcp.ack : null,
			len: packet.tcp.payloadLength,
		};
	});
}
