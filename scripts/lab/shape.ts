// The shape of a capture: one line per segment with connection, direction, flags, relative seq/ack,
// payload length and whether the lab dropped it, plus when it was captured. Ports, initial sequence
// numbers and timestamps differ on every run; the shape does not, and timing only within a tolerance.
import { flagNames, groupConnections, readCapture, type TcpPacket } from '../../src/capture/index.ts';
import type { Drop } from '../../src/schemas/sidecar.ts';
import { parseShapeLine, type DropRule } from './scenario.ts';

export interface CapturedSegment {
	/** 1-based, in the order each connection's first packet appears. */
	connection: number;
	dir: 'c2s' | 's2c';
	/** As the model writes them: "FIN, ACK". */
	flags: string;
	seq: number;
	ack: number | null;
	len: number;
	/** Seconds since the capture's first packet. */
	t: number;
	/** The client's port of its connection. */
	clientPort: number;
	lost: boolean;
	packet: TcpPacket;
}

export interface CaptureShape {
	/** Connection by connection, each in capture order. */
	segments: CapturedSegment[];
	/** Packets the reader could not decode as TCP, e.g. "packet 3 skipped: not-ip". */
	skipped: string[];
	/** Absolute time of the first packet, in seconds since 1970. */
	start: number;
}

const seconds = (p: TcpPacket) => p.timestamp.seconds + p.timestamp.nanoseconds / 1e9;

/** The segment's line without timing, as a scenario's shape writes it. */
export function lineOf(s: Pick<CapturedSegment, 'connection' | 'dir' | 'flags' | 'seq' | 'ack' | 'len' | 'lost'>): string {
	const prefix = s.connection === 1 ? '' : `#${s.connection} `;
	const dir = s.dir === 'c2s' ? 'c>s' : 's>c';
	return `${prefix}${dir} ${s.flags.replaceAll(', ', ',')} seq=${s.seq} ack=${s.ack ?? '-'} len=${s.len}${s.lost ? ' lost' : ''}`;
}

/** Whether a segment is one a drop rule looks at (before counting). */
const concerns = (rule: DropRule, s: CapturedSegment) =>
	rule.dir === s.dir &&
	(rule.flags === undefined || normaliseFlags(rule.flags) === s.flags) &&
	(rule.clientPorts === undefined || (s.clientPort >= rule.clientPorts[0] && s.clientPort <= rule.clientPorts[1]));

/** "ACK, FIN" → "FIN, ACK": the capture's order. */
export function normaliseFlags(text: string): string {
	const names = text.split(',').map((n) => n.trim());
	return flagNames({
		fin: names.includes('FIN'),
		syn: names.includes('SYN'),
		rst: names.includes('RST'),
		psh: names.includes('PSH'),
		ack: names.includes('ACK'),
		urg: names.includes('URG'),
		ece: names.includes('ECE'),
		cwr: names.includes('CWR'),
	}).join(', ');
}

/**
 * Reads a capture and marks as lost the segments the drop rules select, counting as the lab's
 * nftables rules count: over the whole run, in the order segments arrive (capture order).
 * Also returns how many each rule dropped, to be checked against the rules' own counters.
 */
export function shapeOf(bytes: Uint8Array, drops: readonly DropRule[] = []): CaptureShape & { dropped: number[] } {
	const { packets } = readCapture(bytes);
	const skipped = packets.flatMap((p) => (p.kind === 'skipped' ? [`packet ${p.index} skipped: ${p.reason}`] : []));
	const first = packets.find((p) => p.kind === 'tcp');
	const start = first ? seconds(first) : 0;
	const segments = groupConnections(packets).flatMap((connection, i) =>
		connection.segments.map(({ direction, relativeSeq, relativeAck, packet }): CapturedSegment => ({
			connection: i + 1,
			dir: direction === 'client-to-server' ? 'c2s' : 's2c',
			flags: flagNames(packet.tcp.flags).join(', '),
			seq: relativeSeq,
			ack: relativeAck,
			len: packet.tcp.payloadLength,
			t: seconds(packet) - start,
			clientPort: connection.client.port,
			lost: false,
			packet,
		})),
	);
	const inArrivalOrder = [...segments].sort((a, b) => a.packet.index - b.packet.index);
	const dropped = drops.map((rule) => {
		let n = 0;
		let count = 0;
		for (const s of inArrivalOrder) {
			if (!concerns(rule, s)) continue;
			if (n >= rule.index && (rule.count === 'all' || n < rule.index + rule.count)) {
				s.lost = true;
				count++;
			}
			n++;
		}
		return count;
	});
	return { segments, skipped, start, dropped };
}

/** The lost segments as the model's selectors: per connection, counted among that connection's segments. */
export function dropSelectors(segments: readonly CapturedSegment[], drops: readonly DropRule[]): Drop[] {
	return segments.flatMap((s) => {
		if (!s.lost) return [];
		const rule = drops.find((r) => concerns(r, s));
		const flags = rule?.flags === undefined ? undefined : normaliseFlags(rule.flags);
		const index = segments.filter(
			(o) => o.connection === s.connection && o.dir === s.dir && (flags === undefined || o.flags === flags) && o.packet.index < s.packet.index,
		).length;
		return [{ connection: s.connection, dir: s.dir, ...(flags !== undefined && { flags }), index }];
	});
}

/**
 * Null when the capture has the expected shape; otherwise says which segment differs first
 * (1-based, in shape order) and how, followed by both shapes side by side.
 */
export function shapeMismatch(expected: readonly string[], actual: CaptureShape): string | null {
	const lines = [...actual.segments.map(lineOf), ...actual.skipped];
	const wanted = expected.map((line) => parseShapeLine(line));
	let first: string | null = null;
	for (let i = 0; i < Math.max(lines.length, wanted.length) && first === null; i++) {
		const want = wanted[i];
		const got = lines[i];
		if (want === null) first = `line ${i + 1} of the expected shape cannot be read: ${expected[i]}`;
		else if (want === undefined || got !== want.text) {
			first = `segment ${i + 1}: expected ${want ? `"${want.text}"` : 'no more segments'}, captured ${got === undefined ? 'none' : `"${got}"`}`;
		} else if (want.at) {
			const { t, tolerance, sincePrevious } = want.at;
			const origin = sincePrevious ? (actual.segments[i - 1]?.t ?? 0) : 0;
			const measured = actual.segments[i]!.t - origin;
			if (Math.abs(measured - t) > tolerance) {
				const since = sincePrevious ? 'after the segment before' : 'after the first packet';
				first = `segment ${i + 1} ("${got}"): captured ${measured.toFixed(3)} s ${since}, expected ${t} ± ${tolerance} s`;
			}
		}
	}
	if (first === null) return null;
	const rows = Array.from({ length: Math.max(lines.length, expected.length) }, (_, i) => {
		const got = lines[i] === undefined ? '(none)' : `${lines[i]} @${actual.segments[i]?.t.toFixed(3) ?? '?'}`;
		const mark = wanted[i]?.text === lines[i] ? ' ' : '!';
		return `  ${mark} ${String(i + 1).padStart(3)} ${got.padEnd(48)} expected ${expected[i] ?? '(none)'}`;
	});
	return [first, ...rows].join('\n');
}
