// From a stored packet record to decoded link, IP and TCP layers.
import { ByteReader } from './bytes.ts';
import { decodeIp, type IpLayer } from './ip.ts';
import { FieldList, isSkip, type FieldRange, type Skip, type SkipReason } from './layer.ts';
import { decodeLink, type LinkLayer } from './link.ts';
import type { PacketRecord } from './record.ts';
import { decodeTcp, type TcpSegment } from './tcp.ts';

interface DecodedPacket extends PacketRecord {
	/** Header fields found, with byte ranges within `data`; add `dataOffset` for file offsets. */
	readonly fields: FieldRange[];
}

export interface TcpPacket extends DecodedPacket {
	readonly kind: 'tcp';
	readonly link: LinkLayer;
	readonly ip: IpLayer;
	readonly tcp: TcpSegment;
}

/** A packet that is not (readable) TCP; `fields` still covers the headers decoded before the reason was found. */
export interface SkippedPacket extends DecodedPacket {
	readonly kind: 'skipped';
	readonly reason: SkipReason;
	/** English, for developers; UI localises by `reason`. */
	readonly detail: string;
}

export type Packet = TcpPacket | SkippedPacket;

export function decodePacket(record: PacketRecord): Packet {
	const fields = new FieldList();
	const skipped = (result: Skip): SkippedPacket => ({
		...record,
		fields: fields.ranges,
		kind: 'skipped',
		reason: result.skip,
		detail: result.detail,
	});
	// Packet bytes are in network byte order, whatever the file's order.
	const data = new ByteReader(record.data, false, record.dataOffset);
	const link = decodeLink(data, record.linkType, fields);
	if (isSkip(link)) return skipped(link);
	const ip = decodeIp(data, link.headerLength, link.ipVersion, fields);
	if (isSkip(ip)) return skipped(ip);
	const tcp = decodeTcp(data, link.headerLength + ip.headerLength, ip.totalLength - ip.headerLength, fields);
	if (isSkip(tcp)) return skipped(tcp);
	return { ...record, fields: fields.ranges, kind: 'tcp', link, ip, tcp };
}
