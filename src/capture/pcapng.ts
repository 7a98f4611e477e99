// pcapng (draft-ietf-opsawg-pcapng): a sequence of blocks, each
//   type (4) | total length (4) | body | total length again (4),
// lengths multiple of 4. A Section Header Block starts every section and
// fixes its byte order; Interface Description Blocks give each interface a
// link type, snapshot length and timestamp unit; packets come in Enhanced
// (EPB), Simple (SPB) or obsolete Packet Blocks (PB). Other blocks are skipped.
import { ByteReader } from './bytes.ts';
import { CaptureError } from './errors.ts';
import { checkCapturedLength, timestampFrom, type PacketRecord, type RecordFile } from './record.ts';

const SECTION_HEADER_BLOCK = 0x0a0d0d0a; // reads the same in both byte orders
const INTERFACE_DESCRIPTION_BLOCK = 1;
const OBSOLETE_PACKET_BLOCK = 2;
const SIMPLE_PACKET_BLOCK = 3;
const ENHANCED_PACKET_BLOCK = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const MIN_BLOCK_LENGTH = 12;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;

interface Interface {
	readonly linkType: number;
	readonly snapLength: number;
	readonly unitsPerSecond: bigint;
	readonly offsetSeconds: bigint;
}

/** Where a block lies: `body` and `end` (the trailing length) are file offsets. */
interface Block {
	readonly type: number;
	readonly offset: number;
	readonly body: number;
	readonly end: number;
	/** 1-based number of the packet in this block, or null for non-packet blocks. */
	readonly packet: number | null;
}

export function isPcapng(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && new ByteReader(bytes, true).u32(0) === SECTION_HEADER_BLOCK;
}

const isPacketBlock = (type: number) =>
	type === ENHANCED_PACKET_BLOCK || type === SIMPLE_PACKET_BLOCK || type === OBSOLETE_PACKET_BLOCK;

export function readPcapng(bytes: Uint8Array): RecordFile {
	const probe = new ByteReader(bytes, true);
	let reader = probe;
	let interfaces: Interface[] = [];
	const records: PacketRecord[] = [];

	for (let offset = 0; offset < bytes.length; ) {
		if (probe.has(offset, 4) && probe.u32(offset) === SECTION_HEADER_BLOCK) {
			reader = sectionReader(bytes, offset);
			interfaces = [];
		} else if (offset === 0) {
			throw new CaptureError('bad-magic', 'pcapng must start with a section header block', { offset, packet: null });
		}
		const block = readBlock(reader, offset, records.length + 1);
		if (block.type === SECTION_HEADER_BLOCK) {
			readSectionHeader(reader, block);
		} else if (block.type === INTERFACE_DESCRIPTION_BLOCK) {
			interfaces.push(readInterface(reader, block));
		} else if (block.packet !== null) {
			const packet =
				block.type === SIMPLE_PACKET_BLOCK
					? readSimplePacket(reader, block, interfaces)
					: readEnhancedPacket(reader, block, interfaces);
			records.push({
				index: block.packet,
				offset: block.offset,
				dataOffset: packet.dataOffset,
				timestamp: timestampFrom(packet.units, packet.iface.unitsPerSecond, packet.iface.offsetSeconds),
				linkType: packet.iface.linkType,
				capturedLength: packet.capturedLength,
				originalLength: packet.originalLength,
				data: reader.slice(packet.dataOffset, packet.capturedLength),
			});
		}
		offset = block.end + 4;
	}
	return { format: 'pcapng', records };
}

/** The reader for the section whose header starts at `offset`, in the byte order its magic announces. */
function sectionReader(bytes: Uint8Array, offset: number): ByteReader {
	const littleEndian = new ByteReader(bytes, true);
	littleEndian.need(offset, 12, 'pcapng section header');
	if (littleEndian.u32(offset + 8) === BYTE_ORDER_MAGIC) return littleEndian;
	const bigEndian = new ByteReader(bytes, false);
	if (bigEndian.u32(offset + 8) === BYTE_ORDER_MAGIC) return bigEndian;
	throw new CaptureError('bad-magic', 'unknown pcapng byte-order magic', { offset: offset + 8, packet: null });
}

/** Checks the block's framing; the body is then known to lie inside the file. */
function readBlock(reader: ByteReader, offset: number, nextPacket: number): Block {
	reader.need(offset, 8, 'pcapng block header');
	const type = reader.u32(offset);
	const packet = isPacketBlock(type) ? nextPacket : null;
	const length = reader.u32(offset + 4);
	if (length < MIN_BLOCK_LENGTH || length % 4 !== 0) {
		throw new CaptureError('bad-length', `pcapng block length ${length} is not a multiple of 4 of at least 12`, {
			offset: offset + 4,
			packet,
		});
	}
	reader.need(offset, length, 'pcapng block', packet);
	const end = offset + length - 4;
	const trailer = reader.u32(end);
	if (trailer !== length) {
		throw new CaptureError('bad-length', `pcapng block length ${length} differs from trailing copy ${trailer}`, {
			offset: end,
			packet,
		});
	}
	return { type, offset, body: offset + 8, end, packet };
}

/** Throws `bad-length` if the block body is shorter than its fixed fields. */
function needBody(block: Block, length: number, what: string): void {
	if (block.end - block.body < length) {
		throw new CaptureError('bad-length', `${what} needs a body of ${length} bytes`, {
			offset: block.offset + 4,
			packet: block.packet,
		});
	}
}

function readSectionHeader(reader: ByteReader, block: Block): void {
	// byte-order magic (4), major (2), minor (2), section length (8)
	needBody(block, 16, 'section header block');
	const major = reader.u16(block.body + 4);
	if (major !== 1) {
		throw new CaptureError('unsupported-version', `pcapng version ${major} is not 1`, {
			offset: block.body + 4,
			packet: null,
		});
	}
}

function readInterface(reader: ByteReader, block: Block): Interface {
	// link type (2), reserved (2), snapshot length (4), options
	needBody(block, 8, 'interface description block');
	let unitsPerSecond = 1_000_000n; // if_tsresol absent: microseconds
	let offsetSeconds = 0n;
	// Options: code (2), length (2), value padded to 4 bytes; code 0 ends them.
	for (let at = block.body + 8; at + 4 <= block.end; ) {
		const code = reader.u16(at);
		const length = reader.u16(at + 2);
		if (code === 0) break;
		if (at + 4 + length > block.end) {
			throw new CaptureError('bad-length', `interface option ${code} overruns its block`, {
				offset: at + 2,
				packet: null,
			});
		}
		if (code === OPTION_TSRESOL && length >= 1) {
			// High bit clear: 10^-n seconds per unit; set: 2^-n.
			const resolution = reader.u8(at + 4);
			const exponent = BigInt(resolution & 0x7f);
			unitsPerSecond = resolution & 0x80 ? 1n << exponent : 10n ** exponent;
		} else if (code === OPTION_TSOFFSET && length >= 8) {
			offsetSeconds = reader.i64(at + 4);
		}
		at += 4 + Math.ceil(length / 4) * 4;
	}
	return {
		linkType: reader.u16(block.body),
		snapLength: reader.u32(block.body + 4),
		unitsPerSecond,
		offsetSeconds,
	};
}

function interfaceFor(interfaces: Interface[], id: number, block: Block, at: number): Interface {
	const found = interfaces[id];
	if (found === undefined) {
		throw new CaptureError('bad-interface', `no interface ${id} described before this packet`, {
			offset: at,
			packet: block.packet,
		});
	}
	return found;
}

/** What a packet block says about its packet, in the units of its interface. */
interface PacketFields {
	readonly iface: Interface;
	readonly units: bigint;
	readonly dataOffset: number;
	readonly capturedLength: number;
	readonly originalLength: number;
}

/** EPB, and the obsolete PB whose 32-bit interface ID was 16 bits plus a drop count. */
function readEnhancedPacket(reader: ByteReader, block: Block, interfaces: Interface[]): PacketFields {
	// interface ID (4), timestamp high (4) and low (4), captured length (4), original length (4), data
	needBody(block, 20, 'packet block');
	const id = block.type === OBSOLETE_PACKET_BLOCK ? reader.u16(block.body) : reader.u32(block.body);
	const iface = interfaceFor(interfaces, id, block, block.body);
	const capturedLength = reader.u32(block.body + 12);
	const place = { offset: block.body + 12, packet: block.packet };
	checkCapturedLength(capturedLength, iface.snapLength, place);
	const dataOffset = block.body + 20;
	if (dataOffset + capturedLength > block.end) {
		throw new CaptureError('bad-length', `captured length ${capturedLength} overruns its block`, place);
	}
	const units = (BigInt(reader.u32(block.body + 4)) << 32n) | BigInt(reader.u32(block.body + 8));
	return { iface, units, dataOffset, capturedLength, originalLength: reader.u32(block.body + 16) };
}

/** SPB: no interface ID (always the first), no timestamp, no captured length. */
function readSimplePacket(reader: ByteReader, block: Block, interfaces: Interface[]): PacketFields {
	// original length (4), data
	needBody(block, 4, 'simple packet block');
	const iface = interfaceFor(interfaces, 0, block, block.offset);
	const originalLength = reader.u32(block.body);
	const capturedLength = iface.snapLength > 0 ? Math.min(originalLength, iface.snapLength) : originalLength;
	const dataOffset = block.body + 4;
	if (dataOffset + capturedLength > block.end) {
		throw new CaptureError('bad-length', `original length ${originalLength} overruns its block`, {
			offset: block.body,
			packet: block.packet,
		});
	}
	return { iface, units: 0n, dataOffset, capturedLength, originalLength };
}
