import { CaptureError } from './errors.ts';

/**
 * Bounds-checked reads over a byte array. Offsets are relative to `bytes`;
 * `base` is where `bytes` starts in the file, so errors name file offsets.
 * Callers check with `has`/`need` before reading; the getters check again so
 * that a missed check surfaces as a CaptureError, not a RangeError.
 */
export class ByteReader {
	readonly bytes: Uint8Array;
	readonly littleEndian: boolean;
	readonly base: number;
	private readonly view: DataView;

	constructor(bytes: Uint8Array, littleEndian: boolean, base = 0) {
		this.bytes = bytes;
		this.littleEndian = littleEndian;
		this.base = base;
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	get length(): number {
		return this.bytes.length;
	}

	has(offset: number, length: number): boolean {
		return offset >= 0 && length >= 0 && offset + length <= this.bytes.length;
	}

	/** Throws `truncated` unless `length` bytes for `what` start at `offset`. */
	need(offset: number, length: number, what: string, packet: number | null = null): void {
		if (this.has(offset, length)) return;
		const have = Math.max(0, this.bytes.length - offset);
		throw new CaptureError('truncated', `${what} needs ${length} bytes, only ${have} left`, {
			offset: this.base + offset,
			packet,
		});
	}

	u8(offset: number): number {
		this.need(offset, 1, 'u8');
		return this.view.getUint8(offset);
	}

	u16(offset: number): number {
		this.need(offset, 2, 'u16');
		return this.view.getUint16(offset, this.littleEndian);
	}

	u32(offset: number): number {
		this.need(offset, 4, 'u32');
		return this.view.getUint32(offset, this.littleEndian);
	}

	i64(offset: number): bigint {
		this.need(offset, 8, 'i64');
		return this.view.getBigInt64(offset, this.littleEndian);
	}

	/** A view (not a copy) of `length` bytes at `offset`. */
	slice(offset: number, length: number): Uint8Array {
		this.need(offset, length, 'slice');
		return this.bytes.subarray(offset, offset + length);
	}
}
