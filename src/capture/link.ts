// Link-layer headers in front of IP, by LINKTYPE_* value
// (https://www.tcpdump.org/linktypes.html). Linux captures on `lo` use
// Ethernet framing with all-zero MAC addresses.
import type { ByteReader } from './bytes.ts';
import { skip, type FieldList, type Skip } from './layer.ts';

const LINKTYPE_NULL = 0;
const LINKTYPE_ETHERNET = 1;
const LINKTYPE_RAW = 101;
const LINKTYPE_LINUX_SLL = 113;
const LINKTYPE_IPV4 = 228;
const LINKTYPE_IPV6 = 229;
const LINKTYPE_LINUX_SLL2 = 276;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = 0x8100; // IEEE 802.1Q
const ETHERTYPE_QINQ = 0x88a8; // IEEE 802.1ad

// BSD loopback puts the socket address family first; AF_INET6 differs by OS.
const AF_INET = 2;
const AF_INET6 = [10, 24, 28, 30]; // Linux, NetBSD/OpenBSD, FreeBSD, macOS

export type LinkName = 'null' | 'ethernet' | 'raw' | 'linux-sll' | 'linux-sll2';

export interface LinkLayer {
	readonly type: number;
	readonly name: LinkName;
	readonly headerLength: number;
	/** Source link address (MAC for Ethernet, the one address SLL records), if the link has one. */
	readonly src: string | null;
	/** Destination MAC for Ethernet, else null. */
	readonly dst: string | null;
	/** IP version the link layer says follows. */
	readonly ipVersion: 4 | 6;
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

function formatLinkAddress(bytes: Uint8Array): string {
	return Array.from(bytes, hex).join(':');
}

function ipVersionOfEtherType(etherType: number): 4 | 6 | Skip {
	if (etherType === ETHERTYPE_IPV4) return 4;
	if (etherType === ETHERTYPE_IPV6) return 6;
	return skip('not-ip', `EtherType 0x${etherType.toString(16).padStart(4, '0')}`);
}

const tooShort = (what: string, length: number) => skip('truncated', `${what} needs ${length} bytes`);

export function decodeLink(data: ByteReader, linkType: number, fields: FieldList): LinkLayer | Skip {
	switch (linkType) {
		case LINKTYPE_ETHERNET:
			return decodeEthernet(data, fields);
		case LINKTYPE_LINUX_SLL:
			return decodeSll(data, fields);
		case LINKTYPE_LINUX_SLL2:
			return decodeSll2(data, fields);
		case LINKTYPE_NULL:
			return decodeNull(data, fields);
		case LINKTYPE_RAW:
		case LINKTYPE_IPV4:
		case LINKTYPE_IPV6:
			return decodeRaw(data, linkType);
		default:
			return skip('unsupported-link', `link type ${linkType}`);
	}
}

function decodeEthernet(data: ByteReader, fields: FieldList): LinkLayer | Skip {
	if (!data.has(0, 14)) return tooShort('Ethernet header', 14);
	fields.add('eth.dst', 0, 6);
	fields.add('eth.src', 6, 6);
	let typeAt = 12;
	// 802.1Q/802.1ad tags sit between the source MAC and the real EtherType.
	while (data.has(typeAt, 2) && (data.u16(typeAt) === ETHERTYPE_VLAN || data.u16(typeAt) === ETHERTYPE_QINQ)) {
		if (!data.has(typeAt, 6)) return tooShort('VLAN tag', 4);
		fields.add('vlan.tpid', typeAt, 2);
		fields.add('vlan.tci', typeAt + 2, 2);
		typeAt += 4;
	}
	fields.add('eth.type', typeAt, 2);
	const ipVersion = ipVersionOfEtherType(data.u16(typeAt));
	if (typeof ipVersion !== 'number') return ipVersion;
	return {
		type: LINKTYPE_ETHERNET,
		name: 'ethernet',
		headerLength: typeAt + 2,
		src: formatLinkAddress(data.slice(6, 6)),
		dst: formatLinkAddress(data.slice(0, 6)),
		ipVersion,
	};
}

/** Linux "cooked" header v1: packet type, ARPHRD type, address length, 8-byte address, protocol. */
function decodeSll(data: ByteReader, fields: FieldList): LinkLayer | Skip {
	if (!data.has(0, 16)) return tooShort('Linux cooked header', 16);
	fields.add('sll.packet_type', 0, 2);
	fields.add('sll.arphrd_type', 2, 2);
	fields.add('sll.address_length', 4, 2);
	fields.add('sll.address', 6, 8);
	fields.add('sll.protocol', 14, 2);
	const ipVersion = ipVersionOfEtherType(data.u16(14));
	if (typeof ipVersion !== 'number') return ipVersion;
	const addressLength = Math.min(data.u16(4), 8);
	return {
		type: LINKTYPE_LINUX_SLL,
		name: 'linux-sll',
		headerLength: 16,
		src: formatLinkAddress(data.slice(6, addressLength)),
		dst: null,
		ipVersion,
	};
}

/** Linux "cooked" header v2: protocol first, then interface index, ARPHRD type, packet type, address. */
function decodeSll2(data: ByteReader, fields: FieldList): LinkLayer | Skip {
	if (!data.has(0, 20)) return tooShort('Linux cooked v2 header', 20);
	fields.add('sll2.protocol', 0, 2);
	fields.add('sll2.reserved', 2, 2);
	fields.add('sll2.interface_index', 4, 4);
	fields.add('sll2.arphrd_type', 8, 2);
	fields.add('sll2.packet_type', 10, 1);
	fields.add('sll2.address_length', 11, 1);
	fields.add('sll2.address', 12, 8);
	const ipVersion = ipVersionOfEtherType(data.u16(0));
	if (typeof ipVersion !== 'number') return ipVersion;
	const addressLength = Math.min(data.u8(11), 8);
	return {
		type: LINKTYPE_LINUX_SLL2,
		name: 'linux-sll2',
		headerLength: 20,
		src: formatLinkAddress(data.slice(12, addressLength)),
		dst: null,
		ipVersion,
	};
}

/** BSD loopback: a 4-byte address family in the byte order of the machine that captured. */
function decodeNull(data: ByteReader, fields: FieldList): LinkLayer | Skip {
	if (!data.has(0, 4)) return tooShort('loopback header', 4);
	fields.add('null.family', 0, 4);
	// Families are small, so read in the wrong order the value is huge.
	const bigEndian = data.u32(0);
	const family = bigEndian > 0xffff ? swap32(bigEndian) : bigEndian;
	const ipVersion = family === AF_INET ? 4 : AF_INET6.includes(family) ? 6 : null;
	if (ipVersion === null) return skip('not-ip', `address family ${family}`);
	return { type: LINKTYPE_NULL, name: 'null', headerLength: 4, src: null, dst: null, ipVersion };
}

const swap32 = (value: number) =>
	(((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;

/** No link header: the IP version nibble (or the link type itself) says what follows. */
function decodeRaw(data: ByteReader, linkType: number): LinkLayer | Skip {
	if (!data.has(0, 1)) return tooShort('IP header', 1);
	const version = data.u8(0) >> 4;
	const expected = linkType === LINKTYPE_IPV4 ? 4 : linkType === LINKTYPE_IPV6 ? 6 : version;
	if ((version !== 4 && version !== 6) || version !== expected) {
		return skip('not-ip', `IP version ${version} on link type ${linkType}`);
	}
	return { type: linkType, name: 'raw', headerLength: 0, src: null, dst: null, ipVersion: version };
}
