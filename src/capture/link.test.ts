import { describe, expect, it } from 'vitest';
import {
	ETHERTYPE_IPV4,
	ETHERTYPE_IPV6,
	ethernet,
	ipv4,
	ipv6,
	linuxSll,
	linuxSll2,
	nullLink,
	packetRecord,
	tcp,
} from './build.test-helpers.ts';
import { decodePacket } from './packet.ts';

const segment = tcp({ srcPort: 1234, dstPort: 80 });
const v4 = ipv4(segment);
const v6 = ipv6(segment);

/** The decoded packet, which these tests expect to be TCP. */
function decodeTcp(data: Uint8Array, linkType: number) {
	const packet = decodePacket(packetRecord(data, linkType));
	if (packet.kind !== 'tcp') throw new Error(`skipped: ${packet.reason} ${packet.detail}`);
	return packet;
}

const names = (data: Uint8Array, linkType: number) =>
	decodePacket(packetRecord(data, linkType)).fields.map((f) => `${f.name} ${f.start}-${f.end}`);

describe('link layers', () => {
	it('Ethernet (1), as Linux loopback writes it', () => {
		const packet = decodeTcp(ethernet(v4), 1);
		expect(packet.link).toEqual({
			type: 1,
			name: 'ethernet',
			headerLength: 14,
			src: '02:00:00:00:00:01',
			dst: '02:00:00:00:00:02',
			ipVersion: 4,
		});
		expect(names(ethernet(v4), 1).slice(0, 4)).toEqual(['eth.dst 0-6', 'eth.src 6-12', 'eth.type 12-14', 'ipv4.version_ihl 14-15']);
	});

	it('Ethernet with IPv6 and with 802.1Q tags', () => {
		expect(decodeTcp(ethernet(v6, ETHERTYPE_IPV6), 1).ip.version).toBe(6);
		const tagged = ethernet(v4, ETHERTYPE_IPV4, [0x0064, 0x0065]);
		expect(decodeTcp(tagged, 1).link.headerLength).toBe(22);
		expect(names(tagged, 1).slice(2, 7)).toEqual([
			'vlan.tpid 12-14',
			'vlan.tci 14-16',
			'vlan.tpid 16-18',
			'vlan.tci 18-20',
			'eth.type 20-22',
		]);
	});

	it('Linux cooked v1 (113)', () => {
		const packet = decodeTcp(linuxSll(v4), 113);
		expect(packet.link).toMatchObject({ name: 'linux-sll', headerLength: 16, src: '02:00:00:00:00:01', dst: null });
		expect(decodeTcp(linuxSll(v6, ETHERTYPE_IPV6), 113).ip.version).toBe(6);
		expect(names(linuxSll(v4), 113).slice(0, 5)).toEqual([
			'sll.packet_type 0-2',
			'sll.arphrd_type 2-4',
			'sll.address_length 4-6',
			'sll.address 6-14',
			'sll.protocol 14-16',
		]);
	});

	it('Linux cooked v2 (276)', () => {
		const packet = decodeTcp(linuxSll2(v6, ETHERTYPE_IPV6), 276);
		expect(packet.link).toMatchObject({ name: 'linux-sll2', headerLength: 20, src: '02:00:00:00:00:01', ipVersion: 6 });
		expect(names(linuxSll2(v4), 276).slice(0, 7)).toEqual([
			'sll2.protocol 0-2',
			'sll2.reserved 2-4',
			'sll2.interface_index 4-8',
			'sll2.arphrd_type 8-10',
			'sll2.packet_type 10-11',
			'sll2.address_length 11-12',
			'sll2.address 12-20',
		]);
	});

	it.each([
		{ family: 2, littleEndian: true, version: 4 },
		{ family: 2, littleEndian: false, version: 4 },
		{ family: 24, littleEndian: false, version: 6 },
		{ family: 28, littleEndian: true, version: 6 },
		{ family: 30, littleEndian: true, version: 6 },
	])('BSD loopback (0): family $family, little-endian $littleEndian', ({ family, littleEndian, version }) => {
		const packet = decodeTcp(nullLink(version === 4 ? v4 : v6, family, littleEndian), 0);
		expect(packet.link).toMatchObject({ name: 'null', headerLength: 4, ipVersion: version });
		expect(packet.ip.version).toBe(version);
	});

	it.each([
		{ linkType: 101, ip: v4, version: 4 },
		{ linkType: 101, ip: v6, version: 6 },
		{ linkType: 228, ip: v4, version: 4 },
		{ linkType: 229, ip: v6, version: 6 },
	])('raw IP ($linkType), IPv$version', ({ linkType, ip, version }) => {
		const packet = decodeTcp(ip, linkType);
		expect(packet.link).toMatchObject({ name: 'raw', type: linkType, headerLength: 0, ipVersion: version });
		expect(packet.fields[0]?.start).toBe(0);
	});

	describe('skipped packets', () => {
		const reason = (data: Uint8Array, linkType: number) => {
			const packet = decodePacket(packetRecord(data, linkType));
			return packet.kind === 'skipped' ? packet.reason : 'tcp';
		};

		it('an unknown link type', () => {
			expect(reason(v4, 147)).toBe('unsupported-link');
		});

		it('a payload that is not IP', () => {
			expect(reason(ethernet(new Uint8Array(28), 0x0806), 1)).toBe('not-ip');
			expect(reason(linuxSll(v4, 0x0806), 113)).toBe('not-ip');
			expect(reason(linuxSll2(v4, 0x0806), 276)).toBe('not-ip');
			expect(reason(nullLink(v4, 7, true), 0)).toBe('not-ip');
			expect(reason(v6, 228)).toBe('not-ip');
			expect(reason(v4, 229)).toBe('not-ip');
			expect(reason(new Uint8Array([0x50]), 101)).toBe('not-ip');
		});

		it('link headers cut short', () => {
			expect(reason(ethernet(v4).subarray(0, 13), 1)).toBe('truncated');
			expect(reason(ethernet(v4, ETHERTYPE_IPV4, [1]).subarray(0, 17), 1)).toBe('truncated');
			expect(reason(linuxSll(v4).subarray(0, 15), 113)).toBe('truncated');
			expect(reason(linuxSll2(v4).subarray(0, 19), 276)).toBe('truncated');
			expect(reason(new Uint8Array(3), 0)).toBe('truncated');
			expect(reason(new Uint8Array(0), 101)).toBe('truncated');
		});

		it('keeps the fields decoded before the reason was found', () => {
			const packet = decodePacket(packetRecord(ethernet(new Uint8Array(28), 0x0806), 1));
			expect(packet).toMatchObject({ kind: 'skipped', reason: 'not-ip', detail: 'EtherType 0x0806' });
			expect(packet.fields.map((f) => f.name)).toEqual(['eth.dst', 'eth.src', 'eth.type']);
		});
	});
});
