// Classic libpcap format (draft-ietf-opsawg-pcap): a 24-byte file header,
// then per packet a 16-byte record header followed by the captured bytes.
// The magic number says the writer's byte order and whether the second
// timestamp field counts microseconds or nanoseconds.
import { ByteReader } from './bytes.ts';
import { CaptureError } from './errors.ts';
import { checkCapturedLength, timestampFrom, type PacketRecord, type RecordFile } from './record.ts';

const MAGIC_MICROSECONDS = 0xa1b2c3d4;
const MAGIC_NANOSECONDS = 0xa1b23c4d;
const FILE_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;

/** Byte order and timestamp unit announced by the magic number, given as read in each byte order. */
function decodeMagic(magicLE: number, magicBE: number): { littleEndian: boolean; unitsPerSecond: bigint } | null {
	if (magicLE === MAGIC_MICROSECONDS) return { littleEndian: true, unitsPerSecond: 1_000_000n };
	if (magicLE === MAGIC_NANOSECONDS) return { littleEndian: true, unitsPerSecond: 1_000_000_000n };
	if (magicBE === MAGIC_MICROSECONDS) return { littleEndian: false, unitsPerSecond: 1_000_000n };
	if (magicBE === MAGIC_NANOSECONDS) return { littleEndian: false, unitsPerSecond: 1_000_000_000n };
	return null;
}

export function readPcap(bytes: Uint8Array): RecordFile {
	const probe = new ByteReader(bytes, true);
	probe.need(0, 4, 'pcap magic number');
	const magic = decodeMagic(probe.u32(0), new ByteReader(bytes, false).u32(0));
	if (magic === null) {
		throw new CaptureError('bad-magic', 'not a pcap file', { offset: 0, packet: null });
	}
	const file = new ByteReader(bytes, magic.littleEndian);
	file.need(0, FILE_HEADER_LENGTH, 'pcap file header');
	const major = file.u16(4);
	if (major !== 2) {
		throw new CaptureError('unsupported-version', `pcap version ${major} is not 2`, { offset: 4, packet: null });
	}
	const snapLength = file.u32(16);
	// The upper bits of the link type field carry FCS information; the type
	// itself is the low 16 bits.
	const linkType = file.u32(20) & 0xffff;

	const records: PacketRecord[] = [];
	for (let offset = FILE_HEADER_LENGTH; offset < file.length; ) {
		const index = records.length + 1;
		file.need(offset, RECORD_HEADER_LENGTH, 'pcap record header', index);
		const capturedLength = file.u32(offset + 8);
		checkCapturedLength(capturedLength, snapLength, { offset: offset + 8, packet: index });
		const dataOffset = offset + RECORD_HEADER_LENGTH;
		file.need(dataOffset, capturedLength, 'packet data', index);
		records.push({
			index,
			offset,
			dataOffset,
			timestamp: timestampFrom(
				BigInt(file.u32(offset)) * magic.unitsPerSecond + BigInt(file.u32(offset + 4)),
				magic.unitsPerSecond,
			),
			linkType,
			capturedLength,
			originalLength: file.u32(offset + 12),
			data: file.slice(dataOffset, capturedLength),
		});
		offset = dataOffset + capturedLength;
	}
	return { format: 'pcap', records };
}
