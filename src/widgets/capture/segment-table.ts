/**
 * Pure view logic of the compact segment table (CaptureTable.astro): one row per TCP segment of a
 * lab capture, in the order they were captured, with the segments the lab dropped marked as lost.
 * Tested in segment-table.test.ts against rows read off a real capture.
 */
import { flagNames, groupConnections, type Packet } from '../../capture';

/** A segment the lab dropped, as its sidecar names it (src/schemas/sidecar.ts, `drops`). */
export interface DroppedSegment {
	/** 1-based, in the order each connection's first packet appears. */
	connection: number;
	dir: 'c2s' | 's2c';
	/** Counts only segments whose flags read like this ("FIN, ACK"), when given. */
	flags?: string | undefined;
	/** 0-based among the segments of `connection` sent in `dir` (and with `flags`). */
	index: number;
}

export interface SegmentRow {
	/** 1-based position in the capture, among its TCP segments. */
	n: number;
	/** 1-based, in the order each connection's first packet appears. */
	connection: number;
	/** Seconds since the capture's first TCP packet, to the millisecond: "1.005". */
	time: string;
	dir: 'c2s' | 's2c';
	/** As tcpdump and the lessons write them: "SYN, ACK". */
	flags: string;
	seq: number;
	/** Null when the segment has no ACK flag. */
	ack: number | null;
	len: number;
	lost: boolean;
}

const seconds = (p: { timestamp: { seconds: number; nanoseconds: number } }) => p.timestamp.seconds + p.timestamp.nanoseconds / 1e9;

/** Every TCP segment of the capture as a row, in capture order; `drops` marks the lost ones. */
export function segmentRows(packets: readonly Packet[], drops: readonly DroppedSegment[] = []): SegmentRow[] {
	const tcp = packets.filter((p) => p.kind === 'tcp');
	const start = tcp[0] ? seconds(tcp[0]) : 0;
	const rows = groupConnections(packets).flatMap((connection, i) => {
		const counts = new Map<string, number>();
		return connection.segments.map(({ packet, direction, relativeSeq, relativeAck }) => {
			const dir = direction === 'client-to-server' ? 'c2s' : 's2c';
			const flags = flagNames(packet.tcp.flags).join(', ');
			// The position of this segment among those each drop could mean: all of its direction, or
			// only those with its flags.
			const nth = (key: string) => {
				const n = counts.get(key) ?? 0;
				counts.set(key, n + 1);
				return n;
			};
			const inDir = nth(dir);
			const withFlags = nth(`${dir} ${flags}`);
			const lost = drops.some(
				(d) => d.connection === i + 1 && d.dir === dir && (d.flags === undefined ? d.index === inDir : d.flags === flags && d.index === withFlags),
			);
			return {
				index: packet.index,
				row: {
					n: 0,
					connection: i + 1,
					time: (seconds(packet) - start).toFixed(3),
					dir,
					flags,
					seq: relativeSeq,
					ack: relativeAck,
					len: packet.tcp.payloadLength,
					lost,
				} satisfies SegmentRow,
			};
		});
	});
	return rows.sort((a, b) => a.index - b.index).map(({ row }, i) => ({ ...row, n: i + 1 }));
}

/** Rows `from`…`to` (1-based, inclusive), at most `count` of them; throws when the slice is empty. */
export function sliceRows(rows: readonly SegmentRow[], { from = 1, to, count }: { from?: number; to?: number; count?: number }): SegmentRow[] {
	const last = Math.min(to ?? rows.length, count === undefined ? rows.length : from + count - 1, rows.length);
	if (!Number.isInteger(from) || from < 1 || from > last) {
		throw new Error(`segments ${from}–${to ?? last} are not in a capture of ${rows.length} segments`);
	}
	return rows.slice(from - 1, last);
}
