/**
 * Pure view logic of the real-capture walkthrough: a captured packet's bytes as hex rows whose
 * bytes are grouped by header field, and one annotated row per TCP field. Used at build time by
 * CaptureWalkthrough.astro; tested in walkthrough.test.ts.
 */
import { flagNames, type Connection, type ConnectionSegment, type FieldRange, type TcpPacket } from '../../capture';
import type { InferredStep } from './infer';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';

type Strings = WidgetStrings['capture'];

/** The colour/pattern group a field belongs to; the legend lists them. */
export type FieldGroup =
	| 'lower'
	| 'ports'
	| 'seq'
	| 'ack'
	| 'offset'
	| 'flags'
	| 'window'
	| 'checksum'
	| 'urgent'
	| 'options'
	| 'payload';

export const FIELD_GROUPS: readonly FieldGroup[] = [
	'lower',
	'ports',
	'seq',
	'ack',
	'offset',
	'flags',
	'window',
	'checksum',
	'urgent',
	'options',
	'payload',
];

export function groupOf(field: string): FieldGroup {
	if (!field.startsWith('tcp.')) return 'lower';
	if (field.startsWith('tcp.option.')) return 'options';
	switch (field) {
		case 'tcp.src_port':
		case 'tcp.dst_port':
			return 'ports';
		case 'tcp.seq':
			return 'seq';
		case 'tcp.ack':
			return 'ack';
		case 'tcp.data_offset':
			return 'offset';
		case 'tcp.flags':
			return 'flags';
		case 'tcp.window':
			return 'window';
		case 'tcp.checksum':
			return 'checksum';
		case 'tcp.urgent_pointer':
			return 'urgent';
		default:
			return 'payload';
	}
}

/** A legend label for each group: the name of its (first) field. */
export function groupLabel(group: FieldGroup, s: Strings): string {
	const first: Record<FieldGroup, keyof Strings['fields']> = {
		lower: 'lower',
		ports: 'tcp.src_port',
		seq: 'tcp.seq',
		ack: 'tcp.ack',
		offset: 'tcp.data_offset',
		flags: 'tcp.flags',
		window: 'tcp.window',
		checksum: 'tcp.checksum',
		urgent: 'tcp.urgent_pointer',
		options: 'tcp.option.mss',
		payload: 'tcp.payload',
	};
	if (group === 'ports') return s.legendPorts;
	if (group === 'options') return s.fields['tcp.option.mss'].replace(/[:：].*$/, '');
	return s.fields[first[group]];
}

export const hex2 = (byte: number) => byte.toString(16).padStart(2, '0');
const hex = (bytes: Uint8Array) => Array.from(bytes, hex2).join(' ');

/** A run of bytes of one field within one hex row. */
export interface HexRun {
	field: string;
	group: FieldGroup;
	hex: string;
}

export interface HexRow {
	/** Offset of the row's first byte from the start of the frame, 4 hex digits. */
	offset: string;
	runs: HexRun[];
}

/**
 * The packet's bytes, `perRow` to a row, split into runs at TCP field boundaries. The layers below
 * TCP are one run per row: the hex view names them together ("Ethernet + IPv4") and the field table
 * names each, and one element per lower field was a fifth of the lesson's DOM.
 */
export function hexRows(packet: Pick<TcpPacket, 'data' | 'fields'>, perRow = 16): HexRow[] {
	const fieldAt: Array<FieldRange | undefined> = [];
	for (const f of packet.fields) for (let i = f.start; i < f.end; i++) fieldAt[i] = f;
	const rows: HexRow[] = [];
	for (let start = 0; start < packet.data.length; start += perRow) {
		const runs: HexRun[] = [];
		for (let i = start; i < Math.min(start + perRow, packet.data.length); i++) {
			const field = fieldAt[i]?.name ?? 'unknown';
			const last = runs.at(-1);
			const group = groupOf(field);
			const continues = last && (group === 'lower' ? last.group === 'lower' : last.field === field && fieldAt[i] === fieldAt[i - 1]);
			if (continues) last.hex += ` ${hex2(packet.data[i]!)}`;
			else runs.push({ field, group, hex: hex2(packet.data[i]!) });
		}
		rows.push({ offset: start.toString(16).padStart(4, '0'), runs });
	}
	return rows;
}

export interface FieldRow {
	field: string;
	group: FieldGroup;
	/** "34–35" (frame offsets, inclusive). */
	offsets: string;
	hex: string;
	label: string;
	value: string;
}

/** Window scale shift each side announced in its SYN, if both did (RFC 7323 §2.2). */
export function windowShifts(connection: Connection): { client: number; server: number } | null {
	const shiftOf = (dir: ConnectionSegment['direction']) => {
		const syn = connection.segments.find((s) => s.direction === dir && s.packet.tcp.flags.syn);
		const option = syn?.packet.tcp.options.find((o) => o.name === 'window_scale');
		return option?.name === 'window_scale' ? option.shift : null;
	};
	const client = shiftOf('client-to-server');
	const server = shiftOf('server-to-client');
	return client === null || server === null ? null : { client, server };
}

const printable = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => (b === 0x0a ? '\\n' : b === 0x0d ? '\\r' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');

/** One row per TCP header field, option and the payload, annotated. */
export function fieldRows(segment: ConnectionSegment, shift: number | null, s: Strings): FieldRow[] {
	const { packet, relativeSeq, relativeAck } = segment;
	const tcp = packet.tcp;
	const v = s.values;
	let option = 0;
	return packet.fields
		.filter((f) => f.name.startsWith('tcp.'))
		.map((f) => {
			const bytes = packet.data.subarray(f.start, f.end);
			let value: string;
			switch (f.name) {
				case 'tcp.src_port':
					value = String(tcp.srcPort);
					break;
				case 'tcp.dst_port':
					value = String(tcp.dstPort);
					break;
				case 'tcp.seq':
					value = `${tcp.seq} (${s.absolute}) · ${relativeSeq} (${s.relative})`;
					break;
				case 'tcp.ack':
					value = tcp.flags.ack ? `${tcp.ack} (${s.absolute}) · ${relativeAck} (${s.relative})` : `${tcp.ack} — ${v.ackOff}`;
					break;
				case 'tcp.data_offset':
					value = fill(v.dataOffset, { words: tcp.dataOffset, bytes: tcp.headerLength });
					break;
				case 'tcp.flags':
					value = `0x${hex2(tcp.flagsByte)} = ${flagNames(tcp.flags).join(', ') || '—'}`;
					break;
				case 'tcp.window':
					value =
						tcp.flags.syn || shift === null
							? fill(v.windowSyn, { raw: tcp.window })
							: fill(v.windowScaled, { raw: tcp.window, factor: 2 ** shift, bytes: tcp.window * 2 ** shift });
					break;
				case 'tcp.checksum':
					value = fill(v.checksum, { hex: tcp.checksum.toString(16).padStart(4, '0') });
					break;
				case 'tcp.urgent_pointer':
					value = tcp.flags.urg ? String(tcp.urgentPointer) : v.urgent;
					break;
				case 'tcp.payload':
					value = fill(v.payload, { len: bytes.length, text: printable(bytes) });
					break;
				default:
					value = optionValue(tcp.options[option++], s);
			}
			return {
				field: f.name,
				group: groupOf(f.name),
				offsets: f.end - f.start > 1 ? `${f.start}–${f.end - 1}` : String(f.start),
				hex: hex(bytes),
				label: s.fields[f.name as keyof Strings['fields']] ?? f.name,
				value,
			};
		});
}

function optionValue(option: TcpPacket['tcp']['options'][number] | undefined, s: Strings): string {
	const v = s.values;
	switch (option?.name) {
		case 'mss':
			return fill(v.mss, { mss: option.mss });
		case 'sack_permitted':
			return v.sackPermitted;
		case 'timestamps':
			return fill(v.timestamps, { value: option.value, echo: option.echoReply });
		case 'nop':
			return v.nop;
		case 'window_scale':
			return fill(v.windowScale, { shift: option.shift, factor: 2 ** option.shift });
		case 'sack':
			return option.blocks.map((b) => `${b.left}–${b.right}`).join(', ');
		case 'eol':
			return '0';
		default:
			return '';
	}
}

export type LessonSlug = keyof Strings['lessons'];

/** The lesson that explains a segment, from the moves it caused (see infer.ts). */
export function lessonFor(step: InferredStep): LessonSlug {
	const events = step.events.map((e) => e.event);
	if (events.includes('rcv-rst')) return 'failures';
	if (events.some((e) => e === 'active-open' || e === 'rcv-syn' || e === 'rcv-syn-ack' || e === 'rcv-ack-of-syn')) {
		return 'handshake';
	}
	if (step.events.some((e) => e.event === 'rcv-ack-of-fin' && e.to === 'CLOSED')) return 'time-wait';
	if (events.length > 0) return 'teardown';
	// Data and pure ACKs: in a half-closed connection they are the point of the four-segment teardown.
	return step.states.server === 'CLOSE-WAIT' || step.states.client === 'CLOSE-WAIT' ? 'why-four' : 'sequence-numbers';
}
