import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections, readCapture } from '../capture/index.ts';
import { compareConnection } from './compare.ts';
import { describeRun } from './describe.ts';
import { observedSegments, type CapturedSegment } from './observed.ts';

const segmentsOf = (name: string): CapturedSegment[] => {
	const capture = readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../content/captures', name))));
	return observedSegments(groupConnections(capture.packets)[0]!, capture.packets[0]!.timestamp);
};

describe('compareConnection on the half-close capture (Linux loopback, 13 segments)', () => {
	const captured = segmentsOf('half-close.pcap');

	it('agrees under the Linux profile, and reads the story off the capture', () => {
		const c = compareConnection(captured, { profile: 'linux' });
		expect(c.agree).toBe(true);
		expect(c.rows).toHaveLength(13);
		expect(c.calls.map((k) => `${k.side} ${k.call}${k.bytes ? ` ${k.bytes}` : ''}`)).toEqual([
			'server listen',
			'client open',
			'client send 3',
			'server send 6',
			'client close',
			'server send 4',
			'server close',
		]);
		expect(describeRun(c.trace)).toBe('half-close');
		// The server's ACK of the FIN waited for its delayed-ACK timer.
		expect(c.rows[8]!.model).toMatchObject({ reason: 'delayed-ack', relSeq: 7, relAck: 5, states: { client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' } });
	});

	it('names a changed acknowledgment number at its segment', () => {
		const changed = captured.map((s, i) => (i === 8 ? { ...s, ack: s.ack! + 1 } : s));
		const c = compareConnection(changed, { profile: 'linux', drops: [] });
		expect(c.first).toBe(8);
		expect(c.rows[8]!.differences).toEqual(['ack']);
	});

	it('names a segment 30 ms later than the model allows (5 ms + the 40 ms delayed-ACK timer’s 12 ms slack)', () => {
		const late = captured.map((s, i) => (i === 8 ? { ...s, t: s.t + 30 } : s));
		const c = compareConnection(late, { profile: 'linux', drops: [] });
		expect(c.first).toBe(8);
		expect(c.rows[8]!.differences).toEqual(['time']);
		expect(c.rows[8]!.model!.toleranceMs).toBeCloseTo(5.012 + 12, 3);
	});

	it('under RFC 9293 the ACK of the FIN is not delayed', () => {
		const c = compareConnection(captured, { profile: 'rfc9293' });
		expect(c.first).toBe(8);
		expect(c.rows[8]).toMatchObject({ differences: ['time'], model: { reason: 'ack' } });
	});
});

describe('state readings (ss) against the model', () => {
	const captured = segmentsOf('half-close.pcap');
	const reading = (state: 'FIN-WAIT-2' | 'TIME-WAIT') => ({ t: 600, end: 700, side: 'client' as const, state, label: 'after the FIN' });

	it('agree when the model held that state while ss read it', () => {
		const c = compareConnection(captured, { profile: 'linux', readings: [reading('FIN-WAIT-2')] });
		expect(c.states).toEqual([{ reading: reading('FIN-WAIT-2'), model: ['FIN-WAIT-2'], agree: true }]);
		expect(c.agree).toBe(true);
	});

	it('a state the model did not hold makes the connection disagree, though every segment agrees', () => {
		const c = compareConnection(captured, { profile: 'linux', readings: [reading('TIME-WAIT')], drops: [] });
		expect(c.first).toBe(-1);
		expect(c.states[0]).toMatchObject({ model: ['FIN-WAIT-2'], agree: false });
		expect(c.agree).toBe(false);
	});
});

describe('describeRun', () => {
	it.each([
		['fin-ack.pcap', 'teardown-fin-ack'],
		['refused.pcap', 'refused'],
	])('%s shows %s', (file, name) => {
		expect(describeRun(compareConnection(segmentsOf(file), { profile: 'linux' }).trace)).toBe(name);
	});
});
