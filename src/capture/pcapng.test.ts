import { describe, expect, it } from 'vitest';
import { ByteWriter, concat, pcapngBlocks, sampleFrame } from './build.test-helpers.ts';
import { expectCaptureError } from './errors.test-helpers.ts';
import { isPcapng, readPcapng } from './pcapng.ts';

const frame = sampleFrame();
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;

describe('readPcapng', () => {
	describe.each([{ littleEndian: true }, { littleEndian: false }])('little-endian $littleEndian', ({ littleEndian }) => {
		const b = pcapngBlocks(littleEndian);
		const header = b.sectionHeader();
		const ethernetInterface = b.interface(1);
		const rawInterface = b.interface(101, 0, [[OPTION_TSRESOL, [9]]]);
		const first = b.enhancedPacket(0, 1_700_000_000_123_456n, frame, 1500);
		const unknown = b.block(0x0bad, new Uint8Array([1, 2, 3, 4, 5]));
		const second = b.enhancedPacket(1, 1_700_000_000_123_456_789n, frame.subarray(14, 30));
		const bytes = concat(header, ethernetInterface, rawInterface, first, unknown, second);

		it('is recognised as pcapng', () => {
			expect(isPcapng(bytes)).toBe(true);
		});

		it('reads enhanced packet blocks on each interface and skips unknown blocks', () => {
			const { format, records } = readPcapng(bytes);
			expect(format).toBe('pcapng');
			const firstOffset = header.length + ethernetInterface.length + rawInterface.length;
			const secondOffset = firstOffset + first.length + unknown.length;
			expect(records.map(({ index, offset, dataOffset, linkType, capturedLength, originalLength }) => ({
				index, offset, dataOffset, linkType, capturedLength, originalLength,
			}))).toEqual([
				{ index: 1, offset: firstOffset, dataOffset: firstOffset + 28, linkType: 1, capturedLength: frame.length, originalLength: 1500 },
				{ index: 2, offset: secondOffset, dataOffset: secondOffset + 28, linkType: 101, capturedLength: 16, originalLength: 16 },
			]);
			expect(records[0]?.data).toEqual(frame);
			expect(records[1]?.data).toEqual(frame.subarray(14, 30));
		});

		it('counts timestamps in microseconds by default and in the unit if_tsresol gives', () => {
			const { records } = readPcapng(bytes);
			expect(records[0]?.timestamp).toEqual({ seconds: 1_700_000_000, nanoseconds: 123_456_000 });
			expect(records[1]?.timestamp).toEqual({ seconds: 1_700_000_000, nanoseconds: 123_456_789 });
		});

		it('reads simple packet blocks on the first interface, cut to its snapshot length', () => {
			const file = concat(header, b.interface(1, 20), b.simplePacket(frame.subarray(0, 20), frame.length));
			const [record] = readPcapng(file).records;
			expect(record).toMatchObject({ index: 1, capturedLength: 20, originalLength: frame.length, linkType: 1 });
			expect(record?.timestamp).toEqual({ seconds: 0, nanoseconds: 0 });
		});

		it('reads the obsolete packet block', () => {
			const file = concat(header, b.interface(1), b.obsoletePacket(0, 2_500_000n, frame));
			const [record] = readPcapng(file).records;
			expect(record).toMatchObject({ index: 1, capturedLength: frame.length, timestamp: { seconds: 2, nanoseconds: 500_000_000 } });
		});

		it('applies a power-of-two resolution and if_tsoffset', () => {
			const iface = b.interface(1, 0, [
				[OPTION_TSRESOL, [0x80 | 10]],
				[OPTION_TSOFFSET, b.u64(1_000n)],
			]);
			const file = concat(header, iface, b.enhancedPacket(0, 3n * 1024n + 512n, frame));
			expect(readPcapng(file).records[0]?.timestamp).toEqual({ seconds: 1_003, nanoseconds: 500_000_000 });
		});

		it('starts over at a new section, which may switch byte order', () => {
			const other = pcapngBlocks(!littleEndian);
			const file = concat(
				header,
				b.interface(1),
				b.enhancedPacket(0, 0n, frame),
				other.sectionHeader(),
				other.interface(101),
				other.enhancedPacket(0, 0n, frame.subarray(14)),
			);
			const { records } = readPcapng(file);
			expect(records.map((r) => [r.index, r.linkType, r.capturedLength])).toEqual([
				[1, 1, frame.length],
				[2, 101, frame.length - 14],
			]);
		});

		describe('malformed files', () => {
			const start = concat(header, ethernetInterface);
			const at = start.length;

			it('rejects an unknown byte-order magic', () => {
				const broken = header.slice();
				broken.set([1, 2, 3, 4], 8);
				expectCaptureError(() => readPcapng(broken), { code: 'bad-magic', offset: 8, packet: null });
			});

			it('rejects another major version', () => {
				expectCaptureError(() => readPcapng(b.sectionHeader(2)), { code: 'unsupported-version', offset: 12, packet: null });
			});

			it('rejects a zero block length instead of looping on it', () => {
				const zero = new ByteWriter(littleEndian).u32(6).u32(0).u32(0).done();
				expectCaptureError(() => readPcapng(concat(start, zero)), { code: 'bad-length', offset: at + 4, packet: 1 });
			});

			it('rejects a block length that is not a multiple of four', () => {
				const odd = b.block(0x0bad, new Uint8Array(4), 17);
				expectCaptureError(() => readPcapng(concat(start, odd)), { code: 'bad-length', offset: at + 4, packet: null });
			});

			it('rejects a trailing block length that differs from the leading one', () => {
				const mismatch = b.block(6, new Uint8Array(20), undefined, 36);
				expectCaptureError(() => readPcapng(concat(start, mismatch)), { code: 'bad-length', offset: at + 28, packet: 1 });
			});

			it('rejects a block that runs past the end of the file', () => {
				expectCaptureError(() => readPcapng(concat(start, first).subarray(0, at + first.length - 1)), {
					code: 'truncated',
					offset: at,
					packet: 1,
				});
			});

			it('rejects a file that ends inside a block header', () => {
				expectCaptureError(() => readPcapng(concat(start, first).subarray(0, at + 6)), {
					code: 'truncated',
					offset: at,
					packet: null,
				});
			});

			it('rejects a captured length that overruns its block', () => {
				const overrun = b.enhancedPacket(0, 0n, frame, frame.length, frame.length + 8);
				expectCaptureError(() => readPcapng(concat(start, overrun)), { code: 'bad-length', offset: at + 20, packet: 1 });
			});

			it('rejects a captured length above the snapshot length', () => {
				const file = concat(header, b.interface(1, 40), b.enhancedPacket(0, 0n, frame));
				expectCaptureError(() => readPcapng(file), {
					code: 'bad-length',
					offset: header.length + 20 + 20,
					packet: 1,
				});
			});

			it('rejects a packet block too short for its fixed fields', () => {
				const short = b.block(6, new Uint8Array(8));
				expectCaptureError(() => readPcapng(concat(start, short)), { code: 'bad-length', offset: at + 4, packet: 1 });
			});

			it('rejects a simple packet block whose length overruns it', () => {
				const overrun = b.simplePacket(frame, frame.length + 8);
				expectCaptureError(() => readPcapng(concat(start, overrun)), { code: 'bad-length', offset: at + 8, packet: 1 });
			});

			it('rejects a packet on an interface never described', () => {
				expectCaptureError(() => readPcapng(concat(start, b.enhancedPacket(1, 0n, frame))), {
					code: 'bad-interface',
					offset: at + 8,
					packet: 1,
				});
				expectCaptureError(() => readPcapng(concat(header, b.simplePacket(frame))), {
					code: 'bad-interface',
					offset: header.length,
					packet: 1,
				});
			});

			it('rejects an interface option that overruns its block', () => {
				const body = new ByteWriter(littleEndian).u16(1).u16(0).u32(0).u16(OPTION_TSRESOL).u16(40).u32(9).done();
				expectCaptureError(() => readPcapng(concat(header, b.block(1, body))), {
					code: 'bad-length',
					offset: header.length + 8 + 8 + 2,
					packet: null,
				});
			});

			it('rejects a file that does not start with a section header', () => {
				expectCaptureError(() => readPcapng(ethernetInterface), { code: 'bad-magic', offset: 0, packet: null });
			});
		});
	});
});
