import { CaptureError, type CaptureErrorPlace } from './errors.ts';

/** When a packet was captured, as seconds since 1970 plus nanoseconds. */
export interface Timestamp {
	readonly seconds: number;
	readonly nanoseconds: number;
}

/** One packet as stored in a capture file, before any protocol is decoded. */
export interface PacketRecord {
	/** 1-based packet number, as Wireshark counts. */
	readonly index: number;
	/** Byte offset of the record (pcap) or block (pcapng) in the file. */
	readonly offset: number;
	/** Byte offset in the file of the packet's first byte. */
	readonly dataOffset: number;
	readonly timestamp: Timestamp;
	/** LINKTYPE_* value of the interface the packet was captured on. */
	readonly linkType: number;
	readonly capturedLength: number;
	readonly originalLength: number;
	/** The captured bytes: a view into the file, not a copy. */
	readonly data: Uint8Array;
}

export type CaptureFormat = 'pcap' | 'pcapng';

export interface RecordFile {
	readonly format: CaptureFormat;
	readonly records: PacketRecord[];
}

/**
 * libpcap's MAXIMUM_SNAPLEN: no link type this reader decodes allows a longer
 * packet, so a longer captured length means a corrupt length field.
 */
export const MAX_CAPTURED_LENGTH = 262144;

/** Throws `bad-length` if a captured length exceeds the snapshot length (0: none) or any sane size. */
export function checkCapturedLength(length: number, snapLength: number, place: CaptureErrorPlace): void {
	if (snapLength > 0 && length > snapLength) {
		throw new CaptureError('bad-length', `captured length ${length} exceeds snapshot length ${snapLength}`, place);
	}
	if (length > MAX_CAPTURED_LENGTH) {
		throw new CaptureError('bad-length', `captured length ${length} exceeds ${MAX_CAPTURED_LENGTH}`, place);
	}
}

const NANOS_PER_SECOND = 1_000_000_000n;

/** `units` counted at `unitsPerSecond` since 1970, shifted by `offsetSeconds` (pcapng if_tsoffset). */
export function timestampFrom(units: bigint, unitsPerSecond: bigint, offsetSeconds = 0n): Timestamp {
	return {
		seconds: Number(units / unitsPerSecond + offsetSeconds),
		nanoseconds: Number(((units % unitsPerSecond) * NANOS_PER_SECOND) / unitsPerSecond),
	};
}
