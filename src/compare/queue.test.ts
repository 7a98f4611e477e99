import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections, readCapture } from '../capture/index.ts';
import { observedSegments } from './observed.ts';
import { acceptQueue, queueFullFor, type ListenerConnection } from './queue.ts';

// accept-overflow-abort: backlog 1, the application never accepts, the lab drops connection 2's first
// ACK. Times read off `tcpdump -nr accept-overflow-abort.pcap -tt`, from its first packet (…164.329180):
// connection 1's ACK at .329247, connection 2's at .608200 (dropped) and 165.623945 (answered by a
// RST), connection 3's at .881190.
const capture = readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../content/captures/lab/accept-overflow-abort.pcap'))));
const listener = (acceptedAt: Record<number, number> = {}): ListenerConnection[] =>
	groupConnections(capture.packets).map((c, i) => ({
		number: i + 1,
		segments: observedSegments(c, capture.packets[0]!.timestamp),
		drops: i === 1 ? [{ dir: 'c2s', flags: 'ACK', index: 0 }] : [],
		acceptedAt: acceptedAt[i + 1] ?? null,
	}));
const rounded = (queue: ReturnType<typeof acceptQueue>) => queue.map((q) => ({ ...q, from: Math.round(q.from * 1000) / 1000 }));

describe('acceptQueue', () => {
	it('accept-overflow-abort: connections 1 and 3 complete and wait; 2’s ACK is lost, then finds two waiting, more than the backlog of 1', () => {
		expect(rounded(acceptQueue(listener(), 1))).toEqual([
			{ number: 1, from: 0.067, to: null },
			{ number: 3, from: 552.01, to: null },
		]);
	});

	it('an accept() makes room: had connection 1 been accepted at 600 ms, 2’s second ACK would have completed it', () => {
		expect(rounded(acceptQueue(listener({ 1: 600 }), 1))).toEqual([
			{ number: 1, from: 0.067, to: 600 },
			{ number: 3, from: 552.01, to: null },
			{ number: 2, from: 1294.765, to: null },
		]);
	});

	it('a larger backlog holds all three', () => {
		expect(acceptQueue(listener(), 2).map((q) => q.number)).toEqual([1, 3, 2]);
	});
});

describe('queueFullFor', () => {
	const queue = acceptQueue(listener(), 1);

	it('full for connection 2 once connection 3 has joined 1, not before', () => {
		const full = queueFullFor(queue, [2], 1);
		expect([279.02, 552.0, 552.02, 1294.765].map(full)).toEqual([false, false, true, true]);
	});

	it('never full for connection 3 itself: only connection 1 waits besides it', () => {
		expect([552.01, 5000].map(queueFullFor(queue, [3], 1))).toEqual([false, false]);
	});
});
