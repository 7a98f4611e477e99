// The TCP header, RFC 9293 §3.1:
//   source port (2), destination port (2), sequence number (4),
//   acknowledgment number (4), data offset (4 bits), reserved (4 bits),
//   control bits (8: CWR ECE URG ACK PSH RST SYN FIN), window (2),
//   checksum (2), urgent pointer (2), options up to data offset × 4 bytes.
import type { ByteReader } from './bytes.ts';
import { skip, type FieldList, type Skip } from './layer.ts';

export interface TcpFlags {
	readonly cwr: boolean;
	readonly ece: boolean;
	readonly urg: boolean;
	readonly ack: boolean;
	readonly psh: boolean;
	readonly rst: boolean;
	readonly syn: boolean;
	readonly fin: boolean;
}

// Names in Wireshark's order (lowest bit first), so a SYN-ACK reads "SYN, ACK".
const FLAG_NAMES = [
	['fin', 'FIN'],
	['syn', 'SYN'],
	['rst', 'RST'],
	['psh', 'PSH'],
	['ack', 'ACK'],
	['urg', 'URG'],
	['ece', 'ECE'],
	['cwr', 'CWR'],
] as const;

/** Names of the set control bits, e.g. `['SYN', 'ACK']`. */
export function flagNames(flags: TcpFlags): string[] {
	return FLAG_NAMES.filter(([key]) => flags[key]).map(([, name]) => name);
}

export interface SackBlock {
	readonly left: number;
	readonly right: number;
}

/**
 * One TCP option. `unknown` keeps the value bytes of a kind this reader does
 * not interpret; `malformed` holds the rest of the option area from an option
 * whose length byte is missing, too small, overruns the header, or does not
 * fit its kind; reading stops there.
 */
export type TcpOption =
	| { readonly kind: 0; readonly name: 'eol' }
	| { readonly kind: 1; readonly name: 'nop' }
	| { readonly kind: 2; readonly name: 'mss'; readonly mss: number }
	| { readonly kind: 3; readonly name: 'window_scale'; readonly shift: number }
	| { readonly kind: 4; readonly name: 'sack_permitted' }
	| { readonly kind: 5; readonly name: 'sack'; readonly blocks: SackBlock[] }
	| { readonly kind: 8; readonly name: 'timestamps'; readonly value: number; readonly echoReply: number }
	| { readonly kind: number; readonly name: 'unknown'; readonly data: Uint8Array }
	| { readonly kind: number; readonly name: 'malformed'; readonly data: Uint8Array };

export interface TcpSegment {
	readonly srcPort: number;
	readonly dstPort: number;
	readonly seq: number;
	readonly ack: number;
	/** Header length in 32-bit words, as on the wire. */
	readonly dataOffset: number;
	/** Header length in bytes (dataOffset × 4). */
	readonly headerLength: number;
	/** The four bits between data offset and control bits. */
	readonly reserved: number;
	readonly flags: TcpFlags;
	/** The control-bits byte as on the wire. */
	readonly flagsByte: number;
	readonly window: number;
	readonly checksum: number;
	readonly urgentPointer: number;
	readonly options: TcpOption[];
	/** Payload length from the IP lengths; may exceed `payload.length` if the capture was cut short. */
	readonly payloadLength: number;
	/** The captured payload bytes (a view, not a copy). */
	readonly payload: Uint8Array;
}

const TCP_MIN_HEADER = 20;

/** Decodes the TCP header at `at`; `segmentLength` is what IP says the TCP segment spans. */
export function decodeTcp(data: ByteReader, at: number, segmentLength: number, fields: FieldList): TcpSegment | Skip {
	if (segmentLength < TCP_MIN_HEADER) return skip('malformed', `IP leaves ${segmentLength} bytes for TCP`);
	if (!data.has(at, TCP_MIN_HEADER)) return skip('truncated', 'TCP header needs 20 bytes');
	fields.add('tcp.src_port', at, 2);
	fields.add('tcp.dst_port', at + 2, 2);
	fields.add('tcp.seq', at + 4, 4);
	fields.add('tcp.ack', at + 8, 4);
	fields.add('tcp.data_offset', at + 12, 1);
	fields.add('tcp.flags', at + 13, 1);
	fields.add('tcp.window', at + 14, 2);
	fields.add('tcp.checksum', at + 16, 2);
	fields.add('tcp.urgent_pointer', at + 18, 2);
	const dataOffset = data.u8(at + 12) >> 4;
	const headerLength = dataOffset * 4;
	if (headerLength < TCP_MIN_HEADER || headerLength > segmentLength) {
		return skip('malformed', `TCP data offset ${dataOffset} in a ${segmentLength}-byte segment`);
	}
	if (!data.has(at, headerLength)) return skip('truncated', `TCP header needs ${headerLength} bytes`);
	const flagsByte = data.u8(at + 13);
	const payloadStart = at + headerLength;
	const payloadLength = segmentLength - headerLength;
	const captured = Math.min(payloadLength, data.length - payloadStart);
	const options = decodeOptions(data, at + TCP_MIN_HEADER, payloadStart, fields);
	if (captured > 0) fields.add('tcp.payload', payloadStart, captured);
	return {
		srcPort: data.u16(at),
		dstPort: data.u16(at + 2),
		seq: data.u32(at + 4),
		ack: data.u32(at + 8),
		dataOffset,
		headerLength,
		reserved: data.u8(at + 12) & 0x0f,
		flags: {
			cwr: (flagsByte & 0x80) !== 0,
			ece: (flagsByte & 0x40) !== 0,
			urg: (flagsByte & 0x20) !== 0,
			ack: (flagsByte & 0x10) !== 0,
			psh: (flagsByte & 0x08) !== 0,
			rst: (flagsByte & 0x04) !== 0,
			syn: (flagsByte & 0x02) !== 0,
			fin: (flagsByte & 0x01) !== 0,
		},
		flagsByte,
		window: data.u16(at + 14),
		checksum: data.u16(at + 16),
		urgentPointer: data.u16(at + 18),
		options,
		payloadLength,
		payload: data.slice(payloadStart, captured),
	};
}

// Lengths (kind and length bytes included) that each interpreted kind must have.
const MSS_LENGTH = 4; // RFC 6691 / RFC 9293 §3.2
const WINDOW_SCALE_LENGTH = 3; // RFC 7323 §2.2
const SACK_PERMITTED_LENGTH = 2; // RFC 2018 §2
const TIMESTAMPS_LENGTH = 10; // RFC 7323 §3.2

/** Options between `start` and `end`: kind (1), then for kinds other than EOL and NOP, length (1) and value. */
function decodeOptions(data: ByteReader, start: number, end: number, fields: FieldList): TcpOption[] {
	const options: TcpOption[] = [];
	let at = start;
	const malformed = () => {
		options.push({ kind: data.u8(at), name: 'malformed', data: data.slice(at, end - at) });
		fields.add('tcp.option.malformed', at, end - at);
	};
	while (at < end) {
		const kind = data.u8(at);
		if (kind === 0) {
			// End of option list; what follows up to the data offset is padding.
			options.push({ kind: 0, name: 'eol' });
			fields.add('tcp.option.eol', at, 1);
			if (at + 1 < end) fields.add('tcp.option.padding', at + 1, end - at - 1);
			break;
		}
		if (kind === 1) {
			options.push({ kind: 1, name: 'nop' });
			fields.add('tcp.option.nop', at, 1);
			at += 1;
			continue;
		}
		const length = at + 1 < end ? data.u8(at + 1) : 0;
		const option = length >= 2 && at + length <= end ? decodeOption(data, at, kind, length) : null;
		if (option === null) {
			malformed();
			break;
		}
		options.push(option);
		fields.add(`tcp.option.${option.name}`, at, length);
		at += length;
	}
	return options;
}

/** The option of `kind` and total `length` at `at`, or null if the length does not fit the kind. */
function decodeOption(data: ByteReader, at: number, kind: number, length: number): TcpOption | null {
	switch (kind) {
		case 2:
			return length === MSS_LENGTH ? { kind, name: 'mss', mss: data.u16(at + 2) } : null;
		case 3:
			return length === WINDOW_SCALE_LENGTH ? { kind, name: 'window_scale', shift: data.u8(at + 2) } : null;
		case 4:
			return length === SACK_PERMITTED_LENGTH ? { kind, name: 'sack_permitted' } : null;
		case 5: {
			// RFC 2018 §3: blocks of left and right edge, 8 bytes each; at
			// most 4 fit in the 40 bytes of option space.
			const count = (length - 2) / 8;
			if (!Number.isInteger(count) || count < 1) return null;
			const blocks = Array.from({ length: count }, (_, i) => ({
				left: data.u32(at + 2 + 8 * i),
				right: data.u32(at + 6 + 8 * i),
			}));
			return { kind, name: 'sack', blocks };
		}
		case 8:
			return length === TIMESTAMPS_LENGTH
				? { kind, name: 'timestamps', value: data.u32(at + 2), echoReply: data.u32(at + 6) }
				: null;
		default:
			return { kind, name: 'unknown', data: data.slice(at + 2, length - 2) };
	}
}
