import { describe, expect, it } from 'vitest';
import { ethernet, ETHERTYPE_IPV6, extension, ipv4, ipv6, ipv6Address, packetRecord, tcp } from './build.test-helpers.ts';
import { formatIpv6 } from './ip.ts';
import { decodePacket } from './packet.ts';

const RAW = 101;
const segment = tcp({ payload: new Uint8Array([1, 2, 3]) });
const decode = (data: Uint8Array, linkType = RAW) => decodePacket(packetRecord(data, linkType));
const reason = (data: Uint8Array, linkType = RAW) => {
	const packet = decode(data, linkType);
	return packet.kind === 'skipped' ? packet.reason : 'tcp';
};

describe('IPv4', () => {
	it('decodes addresses, lengths and header fields', () => {
		const packet = decode(ipv4(segment, { src: [127, 0, 0, 1], dst: [10, 1, 2, 3] }));
		expect(packet.kind === 'tcp' && packet.ip).toEqual({
			version: 4,
			src: '127.0.0.1',
			dst: '10.1.2.3',
			headerLength: 20,
			totalLength: 43,
			protocol: 6,
			ttl: 64,
			identification: 0x1234,
			dontFragment: true,
			checksum: 0xbeef,
		});
		expect(packet.fields.slice(0, 10).map((f) => `${f.name} ${f.start}-${f.end}`)).toEqual([
			'ipv4.version_ihl 0-1',
			'ipv4.dscp_ecn 1-2',
			'ipv4.total_length 2-4',
			'ipv4.identification 4-6',
			'ipv4.flags_fragment_offset 6-8',
			'ipv4.ttl 8-9',
			'ipv4.protocol 9-10',
			'ipv4.checksum 10-12',
			'ipv4.src 12-16',
			'ipv4.dst 16-20',
		]);
	});

	it('steps over IP options to the TCP header', () => {
		const packet = decode(ipv4(segment, { options: [1, 1, 1, 0] }));
		expect(packet.kind === 'tcp' && packet.ip.headerLength).toBe(24);
		expect(packet.fields.find((f) => f.name === 'ipv4.options')).toEqual({ name: 'ipv4.options', start: 20, end: 24 });
		expect(packet.fields.find((f) => f.name === 'tcp.src_port')?.start).toBe(24);
	});

	it('takes the payload length from the IP total length, not from Ethernet padding', () => {
		const padded = new Uint8Array(100);
		padded.set(ethernet(ipv4(segment)));
		const packet = decode(padded, 1);
		expect(packet.kind === 'tcp' && packet.tcp.payloadLength).toBe(3);
	});

	it('skips other protocols, fragments and broken headers', () => {
		expect(reason(ipv4(new Uint8Array(8), { protocol: 17 }))).toBe('not-tcp');
		expect(reason(ipv4(segment, { flagsAndOffset: 0x2000 }))).toBe('ip-fragment'); // more fragments
		expect(reason(ipv4(segment, { flagsAndOffset: 0x0010 }))).toBe('ip-fragment'); // later fragment
		expect(reason(ipv4(segment).subarray(0, 19))).toBe('truncated');
		expect(reason(ipv4(segment, { options: [1, 1, 1, 0] }).subarray(0, 22))).toBe('truncated');
		expect(reason(ipv4(segment, { ihl: 4 }))).toBe('malformed');
		expect(reason(ipv4(segment, { totalLength: 16 }))).toBe('malformed');
		expect(reason(ethernet(ipv4(segment, { version: 6 })), 1)).toBe('malformed');
	});
});

describe('IPv6', () => {
	it('decodes addresses, traffic class, flow label and hop limit', () => {
		const packet = decode(ipv6(segment, { src: ipv6Address(0, 0, 0, 0, 0, 0, 0, 1), dst: ipv6Address(0xfe80, 0, 0, 0, 0x1, 0, 0, 0x2) }));
		expect(packet.kind === 'tcp' && packet.ip).toEqual({
			version: 6,
			src: '::1',
			dst: 'fe80::1:0:0:2',
			headerLength: 40,
			totalLength: 40 + segment.length,
			protocol: 6,
			ttl: 63,
			trafficClass: 0x12,
			flowLabel: 0x34567,
			extensionHeaders: [],
		});
		expect(packet.fields.slice(0, 6).map((f) => `${f.name} ${f.start}-${f.end}`)).toEqual([
			'ipv6.version_class_flow 0-4',
			'ipv6.payload_length 4-6',
			'ipv6.next_header 6-7',
			'ipv6.hop_limit 7-8',
			'ipv6.src 8-24',
			'ipv6.dst 24-40',
		]);
	});

	it('skips hop-by-hop, routing, destination options and AH headers', () => {
		const extensions = [...extension(0, 43, 8), ...extension(43, 51, 24), ...extension(51, 60, 12), ...extension(60, 6, 16)];
		const packet = decode(ipv6(segment, { nextHeader: 0, extensions }));
		expect(packet.kind === 'tcp' && packet.ip).toMatchObject({ headerLength: 40 + 60, extensionHeaders: [0, 43, 51, 60] });
		expect(packet.fields.slice(6, 10).map((f) => `${f.name} ${f.start}-${f.end}`)).toEqual([
			'ipv6.hop_by_hop 40-48',
			'ipv6.routing 48-72',
			'ipv6.authentication 72-84',
			'ipv6.destination_options 84-100',
		]);
		expect(packet.kind === 'tcp' && packet.tcp.payloadLength).toBe(3);
	});

	it('skips other protocols, fragments, ESP and broken headers', () => {
		expect(reason(ipv6(new Uint8Array(8), { nextHeader: 17 }))).toBe('not-tcp');
		expect(reason(ipv6(new Uint8Array(0), { nextHeader: 59 }))).toBe('not-tcp');
		expect(reason(ipv6(segment, { nextHeader: 44, extensions: [6, 0, 0, 0, 0, 0, 0, 0] }))).toBe('ip-fragment');
		expect(reason(ipv6(new Uint8Array(16), { nextHeader: 50 }))).toBe('unsupported-ip');
		expect(reason(ipv6(segment).subarray(0, 39))).toBe('truncated');
		expect(reason(ipv6(segment, { nextHeader: 0, extensions: extension(0, 6, 16) }).subarray(0, 41))).toBe('truncated');
		expect(reason(ipv6(segment, { nextHeader: 0, extensions: extension(0, 6, 16) }).subarray(0, 50))).toBe('truncated');
		expect(reason(ipv6(segment, { nextHeader: 0, extensions: extension(0, 6, 16), payloadLength: 8 }))).toBe('malformed');
		expect(reason(ethernet(ipv6(segment, { version: 4 }), ETHERTYPE_IPV6), 1)).toBe('malformed');
	});
});

describe('formatIpv6', () => {
	it.each([
		[[0, 0, 0, 0, 0, 0, 0, 0], '::'],
		[[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
		[[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
		[[0x2001, 0xdb8, 0, 1, 0, 0, 0, 1], '2001:db8:0:1::1'], // a single zero group stays
		[[0x2001, 0, 0, 1, 0, 0, 0, 1], '2001:0:0:1::1'], // the longest run is compressed
		[[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'], // the first of equal runs
		[[0xfe80, 0, 0, 0, 0, 0, 0, 0], 'fe80::'],
		[[0x2001, 0xdb8, 1, 2, 3, 4, 5, 6], '2001:db8:1:2:3:4:5:6'],
	])('%j is %s', (groups, text) => {
		expect(formatIpv6(Uint8Array.from(ipv6Address(...groups)))).toBe(text);
	});
});
