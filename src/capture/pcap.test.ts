import { describe, expect, it } from 'vitest';
import { pcap, sampleFrame } from './build.test-helpers.ts';
import { expectCaptureError } from './errors.test-helpers.ts';
import { readPcap } from './pcap.ts';

describe('readPcap', () => {
	const frame = sampleFrame();

	describe.each([
		{ littleEndian: true, nanoseconds: false },
		{ littleEndian: false, nanoseconds: false },
		{ littleEndian: true, nanoseconds: true },
		{ littleEndian: false, nanoseconds: true },
	])('little-endian $littleEndian, nanoseconds $nanoseconds', ({ littleEndian, nanoseconds }) => {
		const fraction = nanoseconds ? 123_456_789 : 123_456;
		const bytes = pcap({
			littleEndian,
			nanoseconds,
			linkType: 1,
			packets: [
				{ data: frame, seconds: 1_700_000_000, fraction, originalLength: 1500 },
				{ data: frame.subarray(0, 10), seconds: 1_700_000_001, fraction: 0 },
			],
		});

		it('reads every record with its offsets, lengths and link type', () => {
			const { format, records } = readPcap(bytes);
			expect(format).toBe('pcap');
			expect(records.map(({ index, offset, dataOffset, capturedLength, originalLength, linkType }) => ({
				index, offset, dataOffset, capturedLength, originalLength, linkType,
			}))).toEqual([
				{ index: 1, offset: 24, dataOffset: 40, capturedLength: frame.length, originalLength: 1500, linkType: 1 },
				{ index: 2, offset: 40 + frame.length, dataOffset: 56 + frame.length, capturedLength: 10, originalLength: 10, linkType: 1 },
			]);
			expect(records[0]?.data).toEqual(frame);
		});

		it('converts the timestamp fraction by the magic number', () => {
			const { records } = readPcap(bytes);
			expect(records[0]?.timestamp).toEqual({
				seconds: 1_700_000_000,
				nanoseconds: nanoseconds ? 123_456_789 : 123_456_000,
			});
		});
	});

	it('keeps only the low 16 bits of the link type field (the rest is FCS information)', () => {
		const { records } = readPcap(pcap({ linkType: 0x1000_0001, packets: [{ data: frame }] }));
		expect(records[0]?.linkType).toBe(1);
	});

	it('carries an out-of-range fraction into the seconds', () => {
		const { records } = readPcap(pcap({ packets: [{ data: frame, seconds: 5, fraction: 1_500_000 }] }));
		expect(records[0]?.timestamp).toEqual({ seconds: 6, nanoseconds: 500_000_000 });
	});

	it('reads a header-only file as no packets', () => {
		expect(readPcap(pcap()).records).toEqual([]);
	});

	describe('malformed files', () => {
		it('rejects a wrong magic number', () => {
			expectCaptureError(() => readPcap(pcap({ magic: 0x12345678 })), { code: 'bad-magic', offset: 0, packet: null });
		});

		it('rejects a file too short for the magic number', () => {
			expectCaptureError(() => readPcap(new Uint8Array([0xd4, 0xc3])), { code: 'truncated', offset: 0, packet: null });
		});

		it('rejects a truncated file header', () => {
			expectCaptureError(() => readPcap(pcap().subarray(0, 20)), { code: 'truncated', offset: 0, packet: null });
		});

		it('rejects another major version', () => {
			expectCaptureError(() => readPcap(pcap({ major: 3 })), { code: 'unsupported-version', offset: 4, packet: null });
		});

		it('rejects a truncated record header, naming the packet', () => {
			const bytes = pcap({ packets: [{ data: frame }, { data: frame }] });
			const secondRecord = 24 + 16 + frame.length;
			expectCaptureError(() => readPcap(bytes.subarray(0, secondRecord + 10)), {
				code: 'truncated',
				offset: secondRecord,
				packet: 2,
			});
		});

		it('rejects a captured length larger than the bytes left (a cut-off packet)', () => {
			const bytes = pcap({ packets: [{ data: frame }] });
			expectCaptureError(() => readPcap(bytes.subarray(0, bytes.length - 1)), { code: 'truncated', offset: 40, packet: 1 });
		});

		it('rejects a captured length above the snapshot length', () => {
			const bytes = pcap({ snapLength: frame.length - 1, packets: [{ data: frame }] });
			expectCaptureError(() => readPcap(bytes), { code: 'bad-length', offset: 32, packet: 1 });
		});

		it('rejects an absurd captured length even without a snapshot length', () => {
			const bytes = pcap({ snapLength: 0, packets: [{ data: frame, capturedLength: 0xffff_fff0 }] });
			expectCaptureError(() => readPcap(bytes), { code: 'bad-length', offset: 32, packet: 1 });
		});
	});
});
