import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections, readCapture, type TcpPacket } from '../../capture';
import en from '../i18n/en';
import { inferStates } from './infer';
import { observedSegments } from './observed';
import { fieldRows, groupOf, hexRows, lessonFor, windowShifts } from './walkthrough';

const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../content/captures/half-close.pcap')));
const connection = groupConnections(readCapture(bytes).packets)[0]!;
const packet = (i: number): TcpPacket => connection.segments[i]!.packet;

describe('hexRows', () => {
	it('lays out every byte once, 16 to a row, in runs that never cross a TCP field', () => {
		const rows = hexRows(packet(0));
		expect(rows.map((r) => r.offset)).toEqual(['0000', '0010', '0020', '0030', '0040']);
		const all = rows.flatMap((r) => r.runs.flatMap((run) => run.hex.split(' ')));
		expect(all).toHaveLength(packet(0).data.length);
		// Ethernet and IPv4 fill the first row as one run; TCP starts at byte 34 with its ports.
		expect(rows[0]?.runs.map((r) => r.group)).toEqual(['lower']);
		expect(rows[2]?.runs.map((r) => r.field)).toEqual(['ipv4.dst', 'tcp.src_port', 'tcp.dst_port', 'tcp.seq', 'tcp.ack', 'tcp.data_offset', 'tcp.flags']);
		// The sequence number (frame bytes 38–41) straddles no row here but is one run.
		const seq = rows.flatMap((r) => r.runs).find((r) => r.field === 'tcp.seq');
		expect(seq?.hex.split(' ')).toHaveLength(4);
	});

	it('splits a field that crosses a row boundary into two runs of the same field', () => {
		const rows = hexRows(packet(0), 8);
		const seqRuns = rows.flatMap((r) => r.runs).filter((r) => r.field === 'tcp.seq');
		expect(seqRuns.map((r) => r.hex.split(' ').length)).toEqual([2, 2]);
	});
});

describe('fieldRows', () => {
	const shift = windowShifts(connection);

	it('reads the window scale both SYNs announced', () => {
		expect(shift).toEqual({ client: 10, server: 10 });
	});

	it('annotates the SYN: ports, absolute and relative seq, no ACK, options', () => {
		const rows = fieldRows(connection.segments[0]!, shift?.client ?? null, en.capture);
		const by = (f: string) => rows.find((r) => r.field === f)!;
		expect(by('tcp.dst_port').value).toBe('40001');
		expect(by('tcp.seq').value).toBe(`${packet(0).tcp.seq} (absolute) · 0 (relative)`);
		expect(by('tcp.ack').value).toMatch(/ACK bit off/);
		expect(by('tcp.flags').value).toBe('0x02 = SYN');
		expect(by('tcp.data_offset').value).toBe('10 × 4 = 40-byte header');
		expect(by('tcp.option.mss').value).toBe('65495 bytes per segment at most');
		expect(by('tcp.option.window_scale').value).toBe('shift 10: multiply windows by 1024');
		expect(by('tcp.window').value).toMatch(/never scaled/);
		expect(rows.map((r) => r.field).filter((f) => groupOf(f) === 'options')).toHaveLength(5);
	});

	it('scales the window after the SYNs and shows the payload as text', () => {
		const rows = fieldRows(connection.segments[3]!, shift?.client ?? null, en.capture);
		const window = packet(3).tcp.window;
		expect(rows.find((r) => r.field === 'tcp.window')?.value).toBe(`${window} × 1024 = ${window * 1024} bytes (scale from the SYNs)`);
		expect(rows.find((r) => r.field === 'tcp.payload')).toMatchObject({ hex: '48 49 0a', value: '3 bytes: “HI\\n”' });
		expect(rows.find((r) => r.field === 'tcp.flags')?.value).toBe('0x18 = PSH, ACK');
	});
});

describe('lessonFor', () => {
	it('ties each segment of the half-close capture to the lesson that explains it', () => {
		const steps = inferStates(observedSegments(connection)).steps;
		expect(steps.map(lessonFor)).toEqual([
			'handshake',
			'handshake',
			'handshake',
			'sequence-numbers',
			'sequence-numbers',
			'sequence-numbers',
			'sequence-numbers',
			'teardown',
			'teardown',
			'why-four',
			'why-four',
			'teardown',
			'time-wait',
		]);
	});
});
