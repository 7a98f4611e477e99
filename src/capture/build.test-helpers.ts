// Test-only writers of capture files and packets, so tests state exactly
// which bytes they feed the reader.
import type { PacketRecord } from './record.ts';

/** Appends integers in a fixed byte order. */
export class ByteWriter {
	private readonly parts: number[] = [];
	private readonly littleEndian: boolean;

	constructor(littleEndian = false) {
		this.littleEndian = littleEndian;
	}

	u8(...values: number[]): this {
		for (const value of values) this.parts.push(value & 0xff);
		return this;
	}

	u16(value: number): this {
		const bytes = [(value >>> 8) & 0xff, value & 0xff];
		return this.u8(...(this.littleEndian ? bytes.reverse() : bytes));
	}

	u32(value: number): this {
		const bytes = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
		return this.u8(...(this.littleEndian ? bytes.reverse() : bytes));
	}

	u64(value: bigint): this {
		const high = Number((BigInt.asUintN(64, value) >> 32n) & 0xffffffffn);
		const low = Number(BigInt.asUintN(64, value) & 0xffffffffn);
		return this.littleEndian ? this.u32(low).u32(high) : this.u32(high).u32(low);
	}

	bytes(bytes: ArrayLike<number>): this {
		return this.u8(...Array.from(bytes));
	}

	/** Zero bytes up to a multiple of four. */
	pad4(): this {
		while (this.parts.length % 4 !== 0) this.parts.push(0);
		return this;
	}

	get length(): number {
		return this.parts.length;
	}

	done(): Uint8Array {
		return Uint8Array.from(this.parts);
	}
}

export const concat = (...arrays: Uint8Array[]): Uint8Array => Uint8Array.from(arrays.flatMap((a) => Array.from(a)));

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

// --- TCP options (RFC 9293 §3.2, RFC 6691, RFC 7323, RFC 2018) ---

export const option = {
	eol: () => [0],
	nop: () => [1],
	mss: (mss: number) => [2, 4, mss >> 8, mss & 0xff],
	windowScale: (shift: number) => [3, 3, shift],
	sackPermitted: () => [4, 2],
	sack: (...blocks: [number, number][]) => {
		const writer = new ByteWriter().u8(5, 2 + 8 * blocks.length);
		for (const [left, right] of blocks) writer.u32(left).u32(right);
		return Array.from(writer.done());
	},
	timestamps: (value: number, echoReply: number) => Array.from(new ByteWriter().u8(8, 10).u32(value).u32(echoReply).done()),
};

export interface TcpSpec {
	srcPort?: number;
	dstPort?: number;
	seq?: number;
	ack?: number;
	/** Control-bits byte, e.g. SYN | ACK. */
	flags?: number;
	window?: number;
	checksum?: number;
	urgentPointer?: number;
	/** Raw option bytes; padded with zeros to a multiple of four. */
	options?: number[];
	payload?: Uint8Array;
	/** Overrides the data offset computed from the options. */
	dataOffset?: number;
	/** Low four bits of the data-offset byte. */
	reserved?: number;
}

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;
export const URG = 0x20;
export const ECE = 0x40;
export const CWR = 0x80;

export function tcp(spec: TcpSpec = {}): Uint8Array {
	const options = new ByteWriter().bytes(spec.options ?? []).pad4().done();
	const dataOffset = spec.dataOffset ?? 5 + options.length / 4;
	return new ByteWriter()
		.u16(spec.srcPort ?? 40000)
		.u16(spec.dstPort ?? 80)
		.u32(spec.seq ?? 1000)
		.u32(spec.ack ?? 0)
		.u8((dataOffset << 4) | (spec.reserved ?? 0))
		.u8(spec.flags ?? SYN)
		.u16(spec.window ?? 65535)
		.u16(spec.checksum ?? 0)
		.u16(spec.urgentPointer ?? 0)
		.bytes(options)
		.bytes(spec.payload ?? [])
		.done();
}

// --- IP ---

export interface Ipv4Spec {
	src?: [number, number, number, number];
	dst?: [number, number, number, number];
	protocol?: number;
	/** Flags and fragment offset field; 0x4000 is DF. */
	flagsAndOffset?: number;
	/** Option bytes, a multiple of four. */
	options?: number[];
	/** Overrides the header-length nibble (in words). */
	ihl?: number;
	/** Overrides the total length. */
	totalLength?: number;
	version?: number;
}

export function ipv4(payload: Uint8Array, spec: Ipv4Spec = {}): Uint8Array {
	const options = spec.options ?? [];
	const ihl = spec.ihl ?? 5 + options.length / 4;
	return new ByteWriter()
		.u8(((spec.version ?? 4) << 4) | ihl, 0)
		.u16(spec.totalLength ?? 20 + options.length + payload.length)
		.u16(0x1234)
		.u16(spec.flagsAndOffset ?? 0x4000)
		.u8(64, spec.protocol ?? 6)
		.u16(0xbeef)
		.bytes(spec.src ?? [192, 0, 2, 1])
		.bytes(spec.dst ?? [198, 51, 100, 2])
		.bytes(options)
		.bytes(payload)
		.done();
}

/** An IPv6 extension header carrying `next`, of `length` bytes (a multiple of 8; AH: of 4). */
export function extension(type: number, next: number, length: number): number[] {
	const lengthByte = type === 51 ? length / 4 - 2 : length / 8 - 1;
	return [next, lengthByte, ...new Array<number>(length - 2).fill(0)];
}

export interface Ipv6Spec {
	src?: number[];
	dst?: number[];
	nextHeader?: number;
	/** Extension header bytes placed before the payload. */
	extensions?: number[];
	payloadLength?: number;
	version?: number;
}

export const ipv6Address = (...groups: number[]): number[] =>
	groups.flatMap((group) => [group >> 8, group & 0xff]);

export function ipv6(payload: Uint8Array, spec: Ipv6Spec = {}): Uint8Array {
	const extensions = spec.extensions ?? [];
	return new ByteWriter()
		.u32(((spec.version ?? 6) << 28) | (0x12 << 20) | 0x34567)
		.u16(spec.payloadLength ?? extensions.length + payload.length)
		.u8(spec.nextHeader ?? 6, 63)
		.bytes(spec.src ?? ipv6Address(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1))
		.bytes(spec.dst ?? ipv6Address(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2))
		.bytes(extensions)
		.bytes(payload)
		.done();
}

// --- link layers ---

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;

export function ethernet(payload: Uint8Array, etherType = ETHERTYPE_IPV4, vlanTags: number[] = []): Uint8Array {
	const writer = new ByteWriter().u8(2, 0, 0, 0, 0, 2).u8(2, 0, 0, 0, 0, 1);
	for (const tci of vlanTags) writer.u16(0x8100).u16(tci);
	return writer.u16(etherType).bytes(payload).done();
}

export function linuxSll(payload: Uint8Array, protocol = ETHERTYPE_IPV4): Uint8Array {
	return new ByteWriter()
		.u16(4) // sent by us
		.u16(1) // ARPHRD_ETHER
		.u16(6)
		.u8(2, 0, 0, 0, 0, 1, 0, 0)
		.u16(protocol)
		.bytes(payload)
		.done();
}

export function linuxSll2(payload: Uint8Array, protocol = ETHERTYPE_IPV4): Uint8Array {
	return new ByteWriter()
		.u16(protocol)
		.u16(0)
		.u32(3) // interface index
		.u16(1) // ARPHRD_ETHER
		.u8(0, 6) // to us, address length
		.u8(2, 0, 0, 0, 0, 1, 0, 0)
		.bytes(payload)
		.done();
}

export function nullLink(payload: Uint8Array, family: number, littleEndian: boolean): Uint8Array {
	return concat(new ByteWriter(littleEndian).u32(family).done(), payload);
}

// --- files ---

export interface PacketSpec {
	data: Uint8Array;
	seconds?: number;
	/** Microseconds or nanoseconds, per the file's magic. */
	fraction?: number;
	capturedLength?: number;
	originalLength?: number;
}

export interface PcapSpec {
	littleEndian?: boolean;
	nanoseconds?: boolean;
	linkType?: number;
	snapLength?: number;
	major?: number;
	magic?: number;
	packets?: PacketSpec[];
}

export function pcap(spec: PcapSpec = {}): Uint8Array {
	const writer = new ByteWriter(spec.littleEndian ?? true)
		.u32(spec.magic ?? (spec.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4))
		.u16(spec.major ?? 2)
		.u16(4)
		.u32(0)
		.u32(0)
		.u32(spec.snapLength ?? 262144)
		.u32(spec.linkType ?? 1);
	for (const packet of spec.packets ?? []) {
		writer
			.u32(packet.seconds ?? 0)
			.u32(packet.fraction ?? 0)
			.u32(packet.capturedLength ?? packet.data.length)
			.u32(packet.originalLength ?? packet.data.length)
			.bytes(packet.data);
	}
	return writer.done();
}

/** pcapng blocks in one byte order; `file` joins them. */
export function pcapngBlocks(littleEndian = true) {
	const block = (type: number, body: Uint8Array, totalLength?: number, trailer?: number) => {
		const padded = new ByteWriter(littleEndian).bytes(body).pad4().done();
		const length = totalLength ?? padded.length + 12;
		return new ByteWriter(littleEndian).u32(type).u32(length).bytes(padded).u32(trailer ?? length).done();
	};
	const options = (list: [number, number[]][]) => {
		const writer = new ByteWriter(littleEndian);
		for (const [code, value] of list) writer.u16(code).u16(value.length).bytes(value).pad4();
		return list.length > 0 ? writer.u16(0).u16(0).done() : writer.done();
	};
	const writer = () => new ByteWriter(littleEndian);
	return {
		block,
		sectionHeader: (major = 1) =>
			block(0x0a0d0d0a, writer().u32(0x1a2b3c4d).u16(major).u16(0).u64(-1n).done()),
		interface: (linkType: number, snapLength = 262144, opts: [number, number[]][] = []) =>
			block(1, concat(writer().u16(linkType).u16(0).u32(snapLength).done(), options(opts))),
		enhancedPacket: (iface: number, units: bigint, data: Uint8Array, originalLength = data.length, capturedLength = data.length) =>
			block(
				6,
				concat(
					writer()
						.u32(iface)
						.u32(Number(units >> 32n))
						.u32(Number(units & 0xffffffffn))
						.u32(capturedLength)
						.u32(originalLength)
						.done(),
					data,
				),
			),
		obsoletePacket: (iface: number, units: bigint, data: Uint8Array) =>
			block(
				2,
				concat(
					writer()
						.u16(iface)
						.u16(0)
						.u32(Number(units >> 32n))
						.u32(Number(units & 0xffffffffn))
						.u32(data.length)
						.u32(data.length)
						.done(),
					data,
				),
			),
		simplePacket: (data: Uint8Array, originalLength = data.length) =>
			block(3, concat(writer().u32(originalLength).done(), data)),
		/** The bytes of a 64-bit option value, in this section's byte order. */
		u64: (value: bigint) => Array.from(writer().u64(value).done()),
	};
}

/** A small valid TCP/IPv4 packet over Ethernet. */
export function sampleFrame(spec: TcpSpec = {}): Uint8Array {
	return ethernet(ipv4(tcp(spec)));
}

/** A packet record as a file reader would produce it, for decoding tests. */
export function packetRecord(data: Uint8Array, linkType = 1): PacketRecord {
	return {
		index: 1,
		offset: 24,
		dataOffset: 40,
		timestamp: { seconds: 0, nanoseconds: 0 },
		linkType,
		capturedLength: data.length,
		originalLength: data.length,
		data,
	};
}
