import { describe, expect, it } from 'vitest';
import { inferCalls, inferKeepAlive, inferToCapture, incarnations } from './infer.ts';
import type { CapturedSegment } from './observed.ts';

let packet = 0;
const seg = (t: number, from: 'client' | 'server', flags: string, seq: number, ack: number | null, len = 0): CapturedSegment => ({
	packet: ++packet,
	t,
	from,
	flags,
	otherFlags: [],
	seq,
	ack,
	len,
	relSeq: 0,
	relAck: null,
});
const HANDSHAKE = [seg(0, 'client', 'SYN', 100, null), seg(30, 'server', 'SYN, ACK', 300, 101), seg(30.01, 'client', 'ACK', 101, 301)];

describe('where the capture point sat', () => {
	it('taken at the client: the SYN,ACK an RTT after the SYN, the ACK at once', () => {
		expect(inferToCapture(HANDSHAKE)).toEqual({ server: 15, client: expect.closeTo(0.005, 6) });
	});

	it('the SYN,ACK answers the latest SYN before it; the ACK, the latest SYN,ACK', () => {
		const lost = [seg(0, 'client', 'SYN', 100, null), seg(1000, 'client', 'SYN', 100, null), seg(1010, 'server', 'SYN, ACK', 300, 101), seg(1030, 'client', 'ACK', 101, 301)];
		expect(inferToCapture(lost)).toEqual({ server: 5, client: 10 });
	});

	it('nothing answered: no delay known', () => {
		expect(inferToCapture([seg(0, 'client', 'SYN', 1, null)])).toEqual({ client: 0, server: 0 });
	});
});

describe('the applications’ calls', () => {
	it('listen, open, send (new bytes only), close at the first FIN, abort at a RST with the next sequence number', () => {
		const segs = [
			...HANDSHAKE,
			seg(100, 'client', 'PSH, ACK', 101, 301, 10),
			seg(300, 'client', 'PSH, ACK', 101, 301, 10),
			seg(400, 'server', 'FIN, ACK', 301, 111),
			seg(500, 'client', 'RST, ACK', 111, 302),
		];
		expect(inferCalls(segs, { client: 0, server: 15 })).toEqual([
			{ t: 0, side: 'server', call: 'listen' },
			{ t: 0, side: 'client', call: 'open' },
			{ t: 100, side: 'client', call: 'send', bytes: 10 },
			{ t: 385, side: 'server', call: 'close' },
			{ t: 500, side: 'client', call: 'abort' },
		]);
	});

	it('a refused SYN: nobody listened; a SYN from the server: it opened too', () => {
		expect(inferCalls([seg(0, 'client', 'SYN', 1, null), seg(1, 'server', 'RST, ACK', 0, 2)], { client: 0, server: 0.5 })).toEqual([{ t: 0, side: 'client', call: 'open' }]);
		expect(inferCalls([seg(0, 'client', 'SYN', 1, null), seg(0.2, 'server', 'SYN', 9, null)], { client: 0, server: 0 }).map((c) => c.call)).toEqual(['open', 'open']);
	});

	it('a client SYN with a new ISN opens the 4-tuple again', () => {
		const again = [...HANDSHAKE, seg(50, 'client', 'FIN, ACK', 101, 301), seg(900, 'client', 'SYN', 5000, null)];
		expect(inferCalls(again, { client: 0, server: 0 }).map((c) => `${c.t} ${c.call}`)).toEqual(['0 listen', '0 open', '50 close', '900 open']);
		expect(incarnations(again, 'client')).toEqual([
			{ t: 0, isn: 100 },
			{ t: 900, isn: 5000 },
		]);
	});

	it('keep-alive: a bare ACK one below the sender’s next sequence number', () => {
		expect(inferKeepAlive([...HANDSHAKE, seg(2000, 'client', 'ACK', 100, 301), seg(2000.1, 'server', 'ACK', 301, 101)])).toEqual({ client: true, server: false });
		expect(inferKeepAlive(HANDSHAKE)).toEqual({ client: false, server: false });
	});
});
