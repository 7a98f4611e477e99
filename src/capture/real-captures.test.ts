// The committed loopback captures, decoded in detail. Their segment shapes
// are checked in scripts/lab/captures.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ascii } from './build.test-helpers.ts';
import { readCapture, type TcpPacket } from './index.ts';

const read = (name: string) =>
	readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../content/captures', `${name}.pcap`))));

function tcpPackets(name: string): TcpPacket[] {
	return read(name).packets.map((packet) => {
		if (packet.kind !== 'tcp') throw new Error(`packet ${packet.index} skipped: ${packet.reason}`);
		return packet;
	});
}

describe.each(['half-close', 'fin-ack', 'refused'])('%s.pcap', (name) => {
	const packets = tcpPackets(name);

	it('is classic pcap from Linux loopback: Ethernet with zero MACs, IPv4 127.0.0.1', () => {
		expect(read(name).format).toBe('pcap');
		for (const packet of packets) {
			expect(packet.link).toMatchObject({ name: 'ethernet', src: '00:00:00:00:00:00', dst: '00:00:00:00:00:00' });
			expect(packet.ip).toMatchObject({ version: 4, src: '127.0.0.1', dst: '127.0.0.1' });
		}
	});

	it('numbers records consecutively, each starting where the last ended', () => {
		let offset = 24;
		packets.forEach((packet, i) => {
			expect(packet).toMatchObject({ index: i + 1, offset, dataOffset: offset + 16 });
			offset = packet.dataOffset + packet.capturedLength;
		});
	});

	it('annotates every byte of every packet exactly once', () => {
		for (const packet of packets) {
			let at = 0;
			for (const field of packet.fields) {
				expect(field.start, `${field.name} in packet ${packet.index}`).toBe(at);
				at = field.end;
			}
			expect(at).toBe(packet.capturedLength);
		}
	});

	it('opens with a SYN carrying the options Linux sends', () => {
		const syn = packets[0]?.tcp;
		expect(syn?.flags.syn).toBe(true);
		expect(syn?.options.map((o) => o.name)).toEqual(['mss', 'sack_permitted', 'timestamps', 'nop', 'window_scale']);
		// Loopback MTU 65536 minus IPv4 and TCP headers (RFC 6691).
		expect(syn?.options[0]).toEqual({ kind: 2, name: 'mss', mss: 65495 });
	});
});

describe('the conversations', () => {
	it('carry the request, the reply and, in CLOSE-WAIT, the last message', () => {
		const payloads = (name: string) => tcpPackets(name).flatMap((p) => (p.tcp.payloadLength > 0 ? [p.tcp.payload] : []));
		expect(payloads('half-close')).toEqual([ascii('HI\n'), ascii('HELLO\n'), ascii('BYE\n')]);
		expect(payloads('fin-ack')).toEqual([ascii('HI\n'), ascii('HELLO\n')]);
	});

	it('echo timestamps after the handshake (RFC 7323)', () => {
		const [, synAck, ack] = tcpPackets('half-close');
		const value = (packet: TcpPacket | undefined) => packet?.tcp.options.find((o) => o.name === 'timestamps');
		const synAckTimestamps = value(synAck);
		expect(value(ack)).toMatchObject({ echoReply: synAckTimestamps?.name === 'timestamps' ? synAckTimestamps.value : -1 });
	});

	it('refuses with a bare RST,ACK and a zero window', () => {
		const rst = tcpPackets('refused')[1]?.tcp;
		expect(rst).toMatchObject({ seq: 0, window: 0, options: [], flags: { rst: true, ack: true, syn: false } });
	});
});
