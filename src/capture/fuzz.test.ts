// Random damage to valid files: the reader must either read them or throw a
// CaptureError; any other exception, or a hang, is a bug.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	concat,
	ETHERTYPE_IPV6,
	ethernet,
	extension,
	ipv4,
	ipv6,
	linuxSll2,
	option,
	pcap,
	pcapngBlocks,
	sampleFrame,
	tcp,
} from './build.test-helpers.ts';
import { groupConnections } from './connections.ts';
import { CaptureError } from './errors.ts';
import { readCapture } from './index.ts';

const load = (path: string) => new Uint8Array(readFileSync(join(import.meta.dirname, path)));
const sackSegment = tcp({ options: [...option.nop(), ...option.nop(), ...option.sack([1, 2])], payload: new Uint8Array(5) });

function pcapngSample(littleEndian: boolean): Uint8Array {
	const b = pcapngBlocks(littleEndian);
	return concat(
		b.sectionHeader(),
		b.interface(1, 0, [[9, [9]]]),
		b.interface(276),
		b.enhancedPacket(0, 123n, sampleFrame({ options: [...option.mss(1460), ...option.windowScale(7)] })),
		b.block(0x0bad, new Uint8Array(7)),
		b.enhancedPacket(1, 456n, linuxSll2(ipv6(sackSegment, { nextHeader: 60, extensions: extension(60, 6, 8) }), ETHERTYPE_IPV6)),
		b.simplePacket(ethernet(ipv4(sackSegment))),
	);
}

const samples = {
	'tcpdump pcap': load('../../content/captures/half-close.pcap'),
	'dumpcap pcapng': load('testdata/dumpcap-lo-half-close.pcapng'),
	'big-endian nanosecond pcap': pcap({
		littleEndian: false,
		nanoseconds: true,
		linkType: 101,
		packets: [{ data: ipv4(sackSegment) }, { data: ipv6(sackSegment) }],
	}),
	'little-endian pcapng': pcapngSample(true),
	'big-endian pcapng': pcapngSample(false),
};

/** Reads `bytes` and walks the result; returns the error if one was thrown. */
function readDamaged(bytes: Uint8Array): unknown {
	try {
		const { packets } = readCapture(bytes);
		groupConnections(packets);
		for (const packet of packets) {
			for (const field of packet.fields) {
				expect(0 <= field.start && field.start < field.end && field.end <= packet.data.length).toBe(true);
			}
		}
		return null;
	} catch (error) {
		return error;
	}
}

const damage = fc.record({
	writes: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
	keep: fc.option(fc.nat(), { nil: undefined }),
});

describe.each(Object.entries(samples))('%s under random damage', (_, sample) => {
	it('reads intact', () => {
		expect(readDamaged(sample)).toBeNull();
	});

	it('reads or throws CaptureError after byte changes and truncation', () => {
		fc.assert(
			fc.property(damage, ({ writes, keep }) => {
				const bytes = sample.slice(0, keep === undefined ? sample.length : keep % (sample.length + 1));
				for (const { at, value } of writes) {
					if (bytes.length > 0) bytes[at % bytes.length] = value;
				}
				const error = readDamaged(bytes);
				expect(error === null || error instanceof CaptureError, String(error)).toBe(true);
			}),
			{ numRuns: 2000 },
		);
	});
});

it('reads or throws CaptureError on random bytes behind each magic number', () => {
	const magics = [
		[0xd4, 0xc3, 0xb2, 0xa1],
		[0xa1, 0xb2, 0x3c, 0x4d],
		[0x0a, 0x0d, 0x0d, 0x0a],
	];
	fc.assert(
		fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 300 }), (magic, rest) => {
			const error = readDamaged(Uint8Array.from([...magic, ...rest]));
			expect(error === null || error instanceof CaptureError, String(error)).toBe(true);
		}),
		{ numRuns: 2000 },
	);
});
