// Reads classic pcap and pcapng captures into decoded TCP packets. Pure: it
// works on a Uint8Array, in the browser and at build time alike.
import { decodePacket, type Packet } from './packet.ts';
import { isPcapng, readPcapng } from './pcapng.ts';
import { readPcap } from './pcap.ts';
import type { CaptureFormat } from './record.ts';

export interface Capture {
	readonly format: CaptureFormat;
	/** Every packet record in file order, TCP or skipped. */
	readonly packets: Packet[];
}

/** Throws CaptureError if the file's structure is broken; packets that are not TCP are returned as skipped. */
export function readCapture(bytes: Uint8Array): Capture {
	const file = isPcapng(bytes) ? readPcapng(bytes) : readPcap(bytes);
	return { format: file.format, packets: file.records.map(decodePacket) };
}

export { CaptureError, type CaptureErrorCode } from './errors.ts';
export type { FieldRange, SkipReason } from './layer.ts';
export type { LinkLayer, LinkName } from './link.ts';
export type { IpLayer, Ipv4Layer, Ipv6Layer } from './ip.ts';
export { flagNames, type TcpFlags, type TcpOption, type TcpSegment, type SackBlock } from './tcp.ts';
export type { Packet, TcpPacket, SkippedPacket } from './packet.ts';
export type { CaptureFormat, Timestamp } from './record.ts';
export { groupConnections, type Connection, type ConnectionSegment, type Direction, type Endpoint } from './connections.ts';
