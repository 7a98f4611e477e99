import { describe, expect, it } from 'vitest';
import { ByteReader } from './bytes.ts';
import { CaptureError } from './errors.ts';
import { expectCaptureError } from './errors.test-helpers.ts';

describe('ByteReader', () => {
	const bytes = Uint8Array.from([0x01, 0x02, 0x03, 0x04, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]);

	it('reads in either byte order', () => {
		expect(new ByteReader(bytes, false).u16(0)).toBe(0x0102);
		expect(new ByteReader(bytes, true).u16(0)).toBe(0x0201);
		expect(new ByteReader(bytes, false).u32(0)).toBe(0x01020304);
		expect(new ByteReader(bytes, true).u32(0)).toBe(0x04030201);
		expect(new ByteReader(bytes, false).i64(4)).toBe(-2n);
	});

	it('reads within a view of a larger buffer', () => {
		const view = bytes.subarray(2, 6);
		expect(new ByteReader(view, false).u16(0)).toBe(0x0304);
		expect(new ByteReader(view, false).slice(1, 2)).toEqual(Uint8Array.from([0x04, 0xff]));
	});

	it('says whether bytes are there', () => {
		const reader = new ByteReader(bytes, false);
		expect(reader.has(8, 4)).toBe(true);
		expect(reader.has(9, 4)).toBe(false);
		expect(reader.has(-1, 1)).toBe(false);
	});

	it('throws truncated with the file offset and packet', () => {
		const reader = new ByteReader(bytes.subarray(0, 6), false, 100);
		expectCaptureError(() => reader.need(4, 4, 'field', 7), { code: 'truncated', offset: 104, packet: 7 });
		expectCaptureError(() => reader.u32(4), { code: 'truncated', offset: 104, packet: null });
		expectCaptureError(() => reader.slice(5, 2), { code: 'truncated', offset: 105, packet: null });
	});

	it('gives developers an English message with the place', () => {
		const error = new CaptureError('bad-length', 'length 3 is too short', { offset: 40, packet: 2 });
		expect(error.message).toBe('length 3 is too short (packet 2, offset 40)');
		expect(error.name).toBe('CaptureError');
		expect(error).toBeInstanceOf(Error);
	});
});
