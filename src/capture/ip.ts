// IPv4 (RFC 791) and IPv6 (RFC 8200) headers, as far as needed to reach TCP.
import type { ByteReader } from './bytes.ts';
import { skip, type FieldList, type Skip } from './layer.ts';

const PROTOCOL_TCP = 6;

interface IpCommon {
	readonly src: string;
	readonly dst: string;
	/** Bytes from the IP header's start to the upper-layer header (IPv6: including extension headers). */
	readonly headerLength: number;
	/** IPv4 total length, or 40 + IPv6 payload length: the packet's length without link padding. */
	readonly totalLength: number;
	/** Upper-layer protocol: 6 for TCP. */
	readonly protocol: number;
	/** IPv4 TTL or IPv6 hop limit. */
	readonly ttl: number;
}

export interface Ipv4Layer extends IpCommon {
	readonly version: 4;
	readonly identification: number;
	readonly dontFragment: boolean;
	readonly checksum: number;
}

export interface Ipv6Layer extends IpCommon {
	readonly version: 6;
	readonly trafficClass: number;
	readonly flowLabel: number;
	/** Next-header values of the extension headers that were skipped, in order. */
	readonly extensionHeaders: number[];
}

export type IpLayer = Ipv4Layer | Ipv6Layer;

export function decodeIp(data: ByteReader, at: number, version: 4 | 6, fields: FieldList): IpLayer | Skip {
	return version === 4 ? decodeIpv4(data, at, fields) : decodeIpv6(data, at, fields);
}

function decodeIpv4(data: ByteReader, at: number, fields: FieldList): Ipv4Layer | Skip {
	if (!data.has(at, 20)) return skip('truncated', 'IPv4 header needs 20 bytes');
	const version = data.u8(at) >> 4;
	const headerLength = (data.u8(at) & 0x0f) * 4;
	const totalLength = data.u16(at + 2);
	const flagsAndOffset = data.u16(at + 6);
	fields.add('ipv4.version_ihl', at, 1);
	fields.add('ipv4.dscp_ecn', at + 1, 1);
	fields.add('ipv4.total_length', at + 2, 2);
	fields.add('ipv4.identification', at + 4, 2);
	fields.add('ipv4.flags_fragment_offset', at + 6, 2);
	fields.add('ipv4.ttl', at + 8, 1);
	fields.add('ipv4.protocol', at + 9, 1);
	fields.add('ipv4.checksum', at + 10, 2);
	fields.add('ipv4.src', at + 12, 4);
	fields.add('ipv4.dst', at + 16, 4);
	if (version !== 4) return skip('malformed', `IP version ${version} where 4 was announced`);
	if (headerLength < 20 || headerLength > totalLength) {
		return skip('malformed', `IPv4 header length ${headerLength} with total length ${totalLength}`);
	}
	if (!data.has(at, headerLength)) return skip('truncated', `IPv4 header needs ${headerLength} bytes`);
	if (headerLength > 20) fields.add('ipv4.options', at + 20, headerLength - 20);
	// More-fragments set or a non-zero offset: TCP is spread over several packets.
	if ((flagsAndOffset & 0x3fff) !== 0) return skip('ip-fragment', 'IPv4 fragment');
	const protocol = data.u8(at + 9);
	if (protocol !== PROTOCOL_TCP) return skip('not-tcp', `IP protocol ${protocol}`);
	return {
		version: 4,
		src: formatIpv4(data.slice(at + 12, 4)),
		dst: formatIpv4(data.slice(at + 16, 4)),
		headerLength,
		totalLength,
		protocol,
		ttl: data.u8(at + 8),
		identification: data.u16(at + 4),
		dontFragment: (flagsAndOffset & 0x4000) !== 0,
		checksum: data.u16(at + 10),
	};
}

// IPv6 extension headers that only need skipping to reach TCP. Each starts
// with next header (1) and a length byte; AH counts 4-byte words minus 2,
// the others 8-byte units beyond the first 8 bytes (RFC 8200 §4, RFC 4302 §2.2).
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTHENTICATION = 51;
const DESTINATION_OPTIONS = 60;
const extensionNames = new Map([
	[HOP_BY_HOP, 'hop_by_hop'],
	[ROUTING, 'routing'],
	[AUTHENTICATION, 'authentication'],
	[DESTINATION_OPTIONS, 'destination_options'],
]);
// Encapsulating Security Payload encrypts whatever follows it.
const ENCAPSULATING_SECURITY_PAYLOAD = 50;

function decodeIpv6(data: ByteReader, at: number, fields: FieldList): Ipv6Layer | Skip {
	if (!data.has(at, 40)) return skip('truncated', 'IPv6 header needs 40 bytes');
	const first = data.u32(at);
	const version = first >>> 28;
	fields.add('ipv6.version_class_flow', at, 4);
	fields.add('ipv6.payload_length', at + 4, 2);
	fields.add('ipv6.next_header', at + 6, 1);
	fields.add('ipv6.hop_limit', at + 7, 1);
	fields.add('ipv6.src', at + 8, 16);
	fields.add('ipv6.dst', at + 24, 16);
	if (version !== 6) return skip('malformed', `IP version ${version} where 6 was announced`);
	const totalLength = 40 + data.u16(at + 4);
	let next = data.u8(at + 6);
	let headerLength = 40;
	const extensionHeaders: number[] = [];
	for (let name = extensionNames.get(next); name !== undefined; name = extensionNames.get(next)) {
		const start = at + headerLength;
		if (!data.has(start, 2)) return skip('truncated', `IPv6 ${name} header cut off`);
		const length = next === AUTHENTICATION ? (data.u8(start + 1) + 2) * 4 : (data.u8(start + 1) + 1) * 8;
		if (headerLength + length > totalLength) return skip('malformed', `IPv6 ${name} header overruns the payload`);
		if (!data.has(start, length)) return skip('truncated', `IPv6 ${name} header cut off`);
		fields.add(`ipv6.${name}`, start, length);
		extensionHeaders.push(next);
		next = data.u8(start);
		headerLength += length;
	}
	if (next === FRAGMENT) return skip('ip-fragment', 'IPv6 fragment header');
	if (next === ENCAPSULATING_SECURITY_PAYLOAD) return skip('unsupported-ip', `IPv6 next header ${next}`);
	if (next !== PROTOCOL_TCP) return skip('not-tcp', `IP protocol ${next}`);
	return {
		version: 6,
		src: formatIpv6(data.slice(at + 8, 16)),
		dst: formatIpv6(data.slice(at + 24, 16)),
		headerLength,
		totalLength,
		protocol: next,
		ttl: data.u8(at + 7),
		trafficClass: (first >>> 20) & 0xff,
		flowLabel: first & 0xfffff,
		extensionHeaders,
	};
}

function formatIpv4(bytes: Uint8Array): string {
	return Array.from(bytes).join('.');
}

/** RFC 5952 text form: lower-case hex, the longest run of two or more zero groups as `::`. */
export function formatIpv6(bytes: Uint8Array): string {
	const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
	let bestStart = -1;
	let bestLength = 1;
	for (let i = 0; i < 8; ) {
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLength) {
			bestStart = i;
			bestLength = j - i;
		}
		i = j === i ? i + 1 : j;
	}
	const text = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
	return bestStart < 0 ? text(0, 8) : `${text(0, bestStart)}::${text(bestStart + bestLength, 8)}`;
}
