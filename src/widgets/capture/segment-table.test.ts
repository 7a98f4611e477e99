import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../capture';
import { segmentRows, sliceRows, type DroppedSegment } from './segment-table';

const lab = (name: string) => readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../content/captures/lab', `${name}.pcap`)))).packets;
const dropsOf = (name: string): DroppedSegment[] =>
	JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/captures/lab', `${name}.json`), 'utf8')).drops;

describe('segmentRows', () => {
	it('reads lost-syn as tcpdump -ttttt shows it: the same SYN 11 times, 1 s apart four times, then doubling', () => {
		// tcpdump -nn -ttttt -r content/captures/lab/lost-syn.pcap: 00:00:00.000000, 00:00:01.005052, …
		const rows = segmentRows(lab('lost-syn'), dropsOf('lost-syn'));
		expect(rows.map((r) => r.time)).toEqual(['0.000', '1.005', '2.030', '3.054', '4.077', '5.101', '7.117', '11.309', '19.501', '35.629', '69.677']);
		expect(rows[0]).toEqual({ n: 1, connection: 1, time: '0.000', dir: 'c2s', flags: 'SYN', seq: 0, ack: null, len: 0, lost: true });
		expect(rows.every((r) => r.flags === 'SYN' && r.seq === 0 && r.lost)).toBe(true);
	});

	it('marks only the dropped SYN,ACK of lost-syn-ack, counting by flags within its direction', () => {
		// tcpdump: S, S. (dropped), S at 1.001916, S., ., S., .
		const rows = segmentRows(lab('lost-syn-ack'), dropsOf('lost-syn-ack'));
		expect(rows.map((r) => [r.time, r.dir, r.flags, r.seq, r.ack, r.len, r.lost])).toEqual([
			['0.000', 'c2s', 'SYN', 0, null, 0, false],
			['0.000', 's2c', 'SYN, ACK', 0, 1, 0, true],
			['1.002', 'c2s', 'SYN', 0, null, 0, false],
			['1.002', 's2c', 'SYN, ACK', 0, 1, 0, false],
			['1.002', 'c2s', 'ACK', 1, 1, 0, false],
			['1.002', 's2c', 'SYN, ACK', 0, 1, 0, false],
			['1.002', 'c2s', 'ACK', 1, 1, 0, false],
		]);
	});

	it('counts a drop with flags among the segments with those flags only (lost-final-ack)', () => {
		// tcpdump: the client's ACKs at 0.599707 and 0.806231 are its 2nd and 3rd bare ACKs, but its
		// 4th and 5th segments (the FIN, ACK comes between); each makes the server send its FIN again.
		const rows = segmentRows(lab('lost-final-ack'), dropsOf('lost-final-ack'));
		expect(rows.filter((r) => r.lost).map((r) => [r.n, r.time, r.flags, r.seq, r.ack])).toEqual([
			[7, '0.600', 'ACK', 2, 2],
			[9, '0.806', 'ACK', 2, 2],
		]);
	});

	it('counts a drop without flags among all segments of its direction (keepalive-dead-peer)', () => {
		const rows = segmentRows(lab('keepalive-dead-peer'), [{ connection: 1, dir: 'c2s', index: 2 }]);
		const c2s = rows.filter((r) => r.dir === 'c2s');
		expect(c2s.map((r) => r.lost)).toEqual(c2s.map((_, i) => i === 2));
	});

	it('numbers connections in order of first appearance and keeps rows in capture order', () => {
		const rows = segmentRows(lab('syn-flood-cookies'));
		expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
		expect(rows[0]?.connection).toBe(1);
		expect(Math.max(...rows.map((r) => r.connection))).toBeGreaterThan(16);
	});
});

describe('sliceRows', () => {
	const rows = segmentRows(lab('lost-syn'));
	it('takes from/to inclusive and at most `count` rows', () => {
		expect(sliceRows(rows, { from: 6, to: 8 }).map((r) => r.time)).toEqual(['5.101', '7.117', '11.309']);
		expect(sliceRows(rows, { from: 10, count: 5 }).map((r) => r.n)).toEqual([10, 11]);
		expect(sliceRows(rows, {})).toHaveLength(11);
	});
	it('refuses a slice outside the capture, naming its size', () => {
		expect(() => sliceRows(rows, { from: 12 })).toThrow('segments 12–11 are not in a capture of 11 segments');
		expect(() => sliceRows(rows, { from: 5, to: 3 })).toThrow(/not in a capture of 11/);
	});
});
