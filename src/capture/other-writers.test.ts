// Captures written by dumpcap and by tcpdump on the "any" interface (see
// testdata/README.md) must decode to the same conversations as the committed
// ones, whatever the container and link type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections } from './connections.ts';
import { readCapture } from './index.ts';
import { flagNames } from './tcp.ts';

const load = (path: string) => readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, path))));

/** Direction, flags, relative numbers and payload length of every segment. */
function conversation(path: string): string[] {
	const connections = groupConnections(load(path).packets);
	expect(connections).toHaveLength(1);
	return (connections[0]?.segments ?? []).map(
		(s) =>
			`${s.direction} ${flagNames(s.packet.tcp.flags).join(',')} ${s.relativeSeq} ${s.relativeAck} ${s.packet.tcp.payloadLength}`,
	);
}

describe('captures from other writers', () => {
	it('reads dumpcap pcapng with options and a statistics block', () => {
		const capture = load('testdata/dumpcap-lo-half-close.pcapng');
		expect(capture.format).toBe('pcapng');
		expect(capture.packets.every((p) => p.kind === 'tcp' && p.link.name === 'ethernet')).toBe(true);
		// dumpcap records nanoseconds (if_tsresol 9).
		expect(capture.packets.some((p) => p.timestamp.nanoseconds % 1000 !== 0)).toBe(true);
		expect(conversation('testdata/dumpcap-lo-half-close.pcapng')).toEqual(
			conversation('../../content/captures/half-close.pcap'),
		);
	});

	it('reads tcpdump -i any, in Linux cooked v2 framing', () => {
		const capture = load('testdata/tcpdump-any-fin-ack.pcap');
		expect(capture.packets.every((p) => p.kind === 'tcp' && p.link.name === 'linux-sll2')).toBe(true);
		expect(conversation('testdata/tcpdump-any-fin-ack.pcap')).toEqual(conversation('../../content/captures/fin-ack.pcap'));
	});
});
