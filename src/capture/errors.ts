/**
 * Why a capture file could not be read. The UI localises by `code`; `message`
 * is for developers and stays in English.
 *
 * - `bad-magic`: the file is neither classic pcap nor pcapng, or a pcapng
 *   section's byte-order magic is unknown.
 * - `unsupported-version`: a format version this reader does not know.
 * - `truncated`: the file ends inside a header, record or block.
 * - `bad-length`: a length field cannot be right (a packet longer than the
 *   snapshot length or than any link type allows, a pcapng block length that
 *   is too small, unaligned, or differs from its trailing copy).
 * - `bad-interface`: a pcapng packet names an interface no block described.
 */
export type CaptureErrorCode =
	| 'bad-magic'
	| 'unsupported-version'
	| 'truncated'
	| 'bad-length'
	| 'bad-interface';

export interface CaptureErrorPlace {
	/** Byte offset in the file where the problem was found. */
	readonly offset: number;
	/** 1-based number of the packet being read, or null outside packet records. */
	readonly packet: number | null;
}

export class CaptureError extends Error {
	readonly code: CaptureErrorCode;
	readonly offset: number;
	readonly packet: number | null;

	constructor(code: CaptureErrorCode, message: string, place: CaptureErrorPlace) {
		const where = place.packet === null ? '' : `packet ${place.packet}, `;
		super(`${message} (${where}offset ${place.offset})`);
		this.name = 'CaptureError';
		this.code = code;
		this.offset = place.offset;
		this.packet = place.packet;
	}
}
