import { describe, expect, it } from 'vitest';
import { LINUX_CONFIG } from './config.ts';
import { createEndpoint, type Effect, type Endpoint, type EndpointConfig } from './endpoint.ts';
import { TcpError } from './errors.ts';
import { flagText, parseFlags, type Segment } from './segment.ts';
import { seqAdd } from './sequence.ts';
import { OTHER_TRANSITIONS, TCP_STATES, TRANSITIONS, type TcpState, type Transition, type TransitionEvent } from './states.ts';

const ISS = 2 ** 32 - 3; // our ISN sits just below the wrap
const PEER = 5000;
const seg = (flags: string, seq: number, ack = 0, len = 0): Segment => ({
	flags: parseFlags(flags),
	seq,
	ack,
	wnd: 65_535,
	len,
});

function harness(config: Partial<EndpointConfig> = {}) {
	const effects: Effect[] = [];
	const ep = createEndpoint({ isn: ISS, ...config }, (e) => effects.push(e));
	const sent = () => effects.flatMap((e) => (e.type === 'send' ? [e.seg] : []));
	const timers = () => effects.flatMap((e) => (e.type === 'timer' ? [e] : []));
	const clear = () => void (effects.length = 0);
	return { ep, effects, sent, timers, clear };
}

/** Each event as the endpoint would meet it, the peer's segments built from our TCB. */
const apply: Record<TransitionEvent, (ep: Endpoint) => void> = {
	'passive-open': (ep) => ep.listen(true),
	'active-open': (ep) => ep.open(),
	send: (ep) => ep.send(10),
	close: (ep) => ep.close(),
	abort: (ep) => ep.abort(),
	'rcv-syn': (ep) =>
		// In SYN-RECEIVED a *new* SYN (not a repeat of the first) inside the window.
		ep.receive(seg('SYN', ep.state === 'SYN-RECEIVED' ? seqAdd(ep.tcb().rcvNxt, 10) : PEER)),
	'rcv-syn-ack': (ep) => ep.receive(seg('SYN, ACK', PEER, seqAdd(ep.tcb().iss, 1))),
	'rcv-ack-of-syn': (ep) => ep.receive(seg('ACK', ep.tcb().rcvNxt, ep.tcb().sndNxt)),
	'rcv-fin': (ep) => ep.receive(seg('FIN, ACK', ep.tcb().rcvNxt, ep.tcb().sndUna)),
	'rcv-ack-of-fin': (ep) => ep.receive(seg('ACK', ep.tcb().rcvNxt, ep.tcb().sndNxt)),
	'rcv-rst': (ep) =>
		ep.receive(ep.state === 'SYN-SENT' ? seg('RST, ACK', 0, seqAdd(ep.tcb().iss, 1)) : seg('RST', ep.tcb().rcvNxt)),
	'timeout-2msl': (ep) => ep.fire('time-wait'),
	'timeout-retries': (ep) => {
		if (ep.state === 'ESTABLISHED' || ep.state === 'CLOSE-WAIT') ep.send(10);
		for (let i = 0; i < 100 && ep.state !== 'CLOSED'; i++) ep.fire('rtx');
	},
};

const ES: TransitionEvent[] = ['active-open', 'rcv-syn-ack'];
const FW1: TransitionEvent[] = [...ES, 'close'];
const FW2: TransitionEvent[] = [...FW1, 'rcv-ack-of-fin'];
const CW: TransitionEvent[] = [...ES, 'rcv-fin'];
const PATH: Record<TcpState, TransitionEvent[]> = {
	CLOSED: [],
	LISTEN: ['passive-open'],
	'SYN-SENT': ['active-open'],
	'SYN-RECEIVED': ['passive-open', 'rcv-syn'],
	ESTABLISHED: ES,
	'FIN-WAIT-1': FW1,
	'FIN-WAIT-2': FW2,
	'CLOSE-WAIT': CW,
	CLOSING: [...FW1, 'rcv-fin'],
	'LAST-ACK': [...CW, 'close'],
	'TIME-WAIT': [...FW2, 'rcv-fin'],
};

function reach(state: TcpState, origin?: Transition['origin']) {
	const h = harness();
	for (const e of origin === 'active' ? ['active-open' as const, 'rcv-syn' as const] : PATH[state]) apply[e](h.ep);
	expect(h.ep.state).toBe(state);
	h.clear();
	return h;
}

const label = (r: Transition) => `${r.from} --${r.event}${r.origin ? ` (${r.origin})` : ''}--> ${r.to}`;

describe('RFC 9293 Figure 5: every arrow, driven through the real endpoint', () => {
	it.each(TRANSITIONS.map((r) => [label(r), r] as const))('%s', (_, row) => {
		const h = reach(row.from, row.origin);
		apply[row.event](h.ep);
		expect(h.ep.state).toBe(row.to);
		const moves = h.effects.flatMap((e) => (e.type === 'state' ? [[e.from, e.event, e.to]] : []));
		expect(moves).toEqual([[row.from, row.event, row.to]]);
		expect(h.sent().map(flagText)).toEqual(row.send ? [row.send] : []);
	});

	it('covers all eleven states, each of which has a way out', () => {
		expect(TRANSITIONS).toHaveLength(20);
		for (const s of TCP_STATES) expect(TRANSITIONS.some((r) => r.from === s || r.to === s)).toBe(true);
	});
});

describe('RFC 9293 §3.10 transitions the figure leaves out', () => {
	it.each(OTHER_TRANSITIONS.map((r) => [label(r), r] as const))('%s', (_, row) => {
		const h = reach(row.from, row.origin);
		apply[row.event](h.ep);
		expect(h.ep.state).toBe(row.to);
		const last = h.effects.filter((e) => e.type === 'state').at(-1);
		expect(last).toMatchObject({ from: row.from, event: row.event, to: row.to });
		if (row.event !== 'timeout-retries') expect(h.sent().map(flagText)).toEqual(row.send ? [row.send] : []);
	});
});

describe('user calls that are illegal in the current state (§3.10.1–3.10.5)', () => {
	const cases: Array<[TcpState, (ep: Endpoint) => void, string]> = [
		['CLOSED', (ep) => ep.send(1), 'connection-does-not-exist'],
		['CLOSED', (ep) => ep.close(), 'connection-does-not-exist'],
		['CLOSED', (ep) => ep.abort(), 'connection-does-not-exist'],
		['SYN-SENT', (ep) => ep.open(), 'connection-already-exists'],
		['ESTABLISHED', (ep) => ep.listen(), 'connection-already-exists'],
		['FIN-WAIT-1', (ep) => ep.send(1), 'connection-closing'],
		['FIN-WAIT-2', (ep) => ep.close(), 'connection-closing'],
		['CLOSING', (ep) => ep.close(), 'connection-closing'],
		['LAST-ACK', (ep) => ep.send(1), 'connection-closing'],
		['TIME-WAIT', (ep) => ep.close(), 'connection-closing'],
		['ESTABLISHED', (ep) => ep.send(0), 'invalid-argument'],
	];
	it.each(cases)('in %s → %s', (state, call, code) => {
		const h = reach(state);
		expect(() => call(h.ep)).toThrow(expect.objectContaining({ code, state }));
		expect(h.ep.state).toBe(state);
		expect(h.effects).toEqual([]);
	});

	it('SEND or OPEN on an unspecified passive OPEN → foreign-socket-unspecified', () => {
		const h = harness();
		h.ep.listen();
		expect(() => h.ep.send(1)).toThrow(expect.objectContaining({ code: 'foreign-socket-unspecified', state: 'LISTEN' }));
		expect(() => h.ep.open()).toThrow(TcpError);
		expect(h.ep.state).toBe('LISTEN');
	});
});

describe('segment arrival details', () => {
	it('CLOSED answers a SYN with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> and an ACK with <SEQ=SEG.ACK><CTL=RST>', () => {
		const h = harness();
		h.ep.receive(seg('SYN', PEER));
		h.ep.receive(seg('ACK', PEER, 777));
		h.ep.receive(seg('RST', PEER));
		expect(h.sent()).toEqual([seg('RST, ACK', 0, PEER + 1), seg('RST', 777)]);
	});

	it('LISTEN resets an ACK and ignores a RST', () => {
		const h = harness();
		h.ep.listen();
		h.clear();
		h.ep.receive(seg('RST', PEER));
		h.ep.receive(seg('ACK', PEER, 9));
		expect(h.sent()).toEqual([seg('RST', 9)]);
		expect(h.ep.state).toBe('LISTEN');
	});

	it('SYN-SENT resets an unacceptable ACK (old duplicate) and ignores a RST whose ACK is not acceptable', () => {
		const h = reach('SYN-SENT');
		h.ep.receive(seg('SYN, ACK', PEER, 91));
		h.ep.receive(seg('RST, ACK', 0, 91));
		h.ep.receive(seg('RST', 0));
		expect(h.sent()).toEqual([seg('RST', 91)]);
		expect(h.ep.state).toBe('SYN-SENT');
	});

	it('an unacceptable segment is answered by <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and dropped', () => {
		const h = reach('ESTABLISHED');
		const { rcvNxt, sndNxt } = h.ep.tcb();
		h.ep.receive(seg('PSH, ACK', seqAdd(rcvNxt, 70_000), sndNxt, 5));
		h.ep.receive(seg('RST', seqAdd(rcvNxt, 70_000)));
		expect(h.sent()).toEqual([seg('ACK', sndNxt, rcvNxt)]);
		expect(h.ep.state).toBe('ESTABLISHED');
	});

	it('an in-window RST or SYN that is not exact gets a challenge ACK (RFC 5961 via §3.10.7.4)', () => {
		const h = reach('ESTABLISHED');
		const { rcvNxt, sndNxt } = h.ep.tcb();
		h.ep.receive(seg('RST', seqAdd(rcvNxt, 5)));
		h.ep.receive(seg('SYN', seqAdd(rcvNxt, 5)));
		expect(h.sent()).toEqual([seg('ACK', sndNxt, rcvNxt), seg('ACK', sndNxt, rcvNxt)]);
		expect(h.effects.filter((e) => e.type === 'send').map((e) => e.type === 'send' && e.reason)).toEqual([
			'challenge-ack',
			'challenge-ack',
		]);
		expect(h.ep.state).toBe('ESTABLISHED');
	});

	it('an ACK of data never sent is answered and dropped', () => {
		const h = reach('FIN-WAIT-1');
		const { rcvNxt, sndNxt } = h.ep.tcb();
		h.ep.receive(seg('ACK', rcvNxt, seqAdd(sndNxt, 1)));
		expect(h.sent()).toEqual([seg('ACK', sndNxt, rcvNxt)]);
		expect(h.ep.state).toBe('FIN-WAIT-1');
	});

	it('TIME-WAIT re-acknowledges a retransmitted FIN and restarts the 2MSL timer', () => {
		const h = reach('TIME-WAIT');
		const { rcvNxt, sndNxt } = h.ep.tcb();
		h.ep.receive(seg('FIN, ACK', seqAdd(rcvNxt, -1), sndNxt));
		expect(h.sent()).toEqual([seg('ACK', sndNxt, rcvNxt)]);
		expect(h.timers()).toEqual([{ type: 'timer', timer: 'time-wait', ms: 240_000 }]);
		expect(h.ep.state).toBe('TIME-WAIT');
	});

	it('FIN-WAIT-1 meeting FIN and the ACK of its FIN together goes through FIN-WAIT-2 to TIME-WAIT', () => {
		const h = reach('FIN-WAIT-1');
		const { rcvNxt, sndNxt } = h.ep.tcb();
		h.ep.receive(seg('FIN, ACK', rcvNxt, sndNxt));
		expect(h.effects.flatMap((e) => (e.type === 'state' ? [e.to] : []))).toEqual(['FIN-WAIT-2', 'TIME-WAIT']);
		expect(h.sent()).toEqual([seg('ACK', sndNxt, seqAdd(rcvNxt, 1))]);
	});

	it('data queued in SYN-SENT leaves with the ACK that completes the handshake', () => {
		const h = reach('SYN-SENT');
		h.ep.send(100);
		expect(h.sent()).toEqual([]);
		h.ep.receive(seg('SYN, ACK', PEER, seqAdd(ISS, 1)));
		expect(h.sent()).toEqual([seg('PSH, ACK', seqAdd(ISS, 1), PEER + 1, 100)]);
		h.ep.receive(seg('ACK', PEER + 1, seqAdd(ISS, 101)));
		expect(h.timers().at(-1)).toEqual({ type: 'timer', timer: 'rtx', ms: null });
	});

	it('received data is acknowledged, after the delayed-ACK timer when one is set', () => {
		const h = harness({ delayedAckMs: 40 });
		for (const e of ES) apply[e](h.ep);
		h.clear();
		h.ep.receive(seg('PSH, ACK', PEER + 1, seqAdd(ISS, 1), 10));
		expect(h.sent()).toEqual([]);
		expect(h.timers()).toEqual([{ type: 'timer', timer: 'delack', ms: 40 }]);
		h.ep.fire('delack');
		expect(h.sent()).toEqual([seg('ACK', seqAdd(ISS, 1), PEER + 11)]);
	});
});

describe('retransmission timer (RFC 6298)', () => {
	const backoff = (config: Partial<EndpointConfig>, setup: (ep: Endpoint) => void) => {
		const h = harness(config);
		setup(h.ep);
		for (let i = 0; i < 100 && h.ep.state !== 'CLOSED'; i++) h.ep.fire('rtx');
		const starts = h.timers().flatMap((t) => (t.timer === 'rtx' && t.ms ? [t.ms] : []));
		return { h, starts, retransmits: h.effects.filter((e) => e.type === 'send' && e.reason === 'retransmit') };
	};

	it('Linux SYN (6.5 and later): 4 linear timeouts, then doubling; 6 + 4 retries, gives up after 131 s', () => {
		const { h, starts, retransmits } = backoff(LINUX_CONFIG, (ep) => ep.open());
		expect(starts).toEqual([1000, 1000, 1000, 1000, 1000, 2000, 4000, 8000, 16_000, 32_000, 64_000]);
		expect(starts.reduce((a, b) => a + b)).toBe(131_000);
		expect(retransmits).toHaveLength(10);
		expect(h.effects.at(-1)).toMatchObject({ type: 'state', from: 'SYN-SENT', to: 'CLOSED', event: 'timeout-retries' });
	});

	it('Linux before 6.5 (tcp_syn_linear_timeouts = 0): 1 s doubling, 6 retries, gives up after 127 s', () => {
		const { starts, retransmits } = backoff({ ...LINUX_CONFIG, synLinearTimeouts: 0 }, (ep) => ep.open());
		expect(starts).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000]);
		expect(retransmits).toHaveLength(6);
	});

	it('Linux SYN,ACK: 5 retries, doubling from 1 s; the listener then forgets the SYN and still listens', () => {
		const { h, starts, retransmits } = backoff(LINUX_CONFIG, (ep) => {
			ep.listen();
			ep.receive(seg('SYN', PEER));
		});
		expect(starts).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
		expect(retransmits).toHaveLength(5);
		expect(h.effects.at(-1)).toMatchObject({ type: 'state', from: 'SYN-RECEIVED', to: 'LISTEN', event: 'timeout-retries' });
		expect(retransmits.every((e) => e.type === 'send' && flagText(e.seg) === 'SYN, ACK')).toBe(true);
	});

	it('RFC preset: the RTO is capped at 60 s and a SYN is tried for at least 3 minutes', () => {
		const { starts } = backoff({}, (ep) => ep.open());
		expect(starts.at(-1)).toBe(60_000);
		expect(starts.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(180_000);
	});

	it('a retransmitted FIN carries the unacknowledged data before it', () => {
		const h = harness();
		for (const e of ES) apply[e](h.ep);
		h.ep.send(10);
		h.ep.close();
		h.clear();
		h.ep.fire('rtx');
		expect(h.sent()).toEqual([seg('FIN, PSH, ACK', seqAdd(ISS, 1), PEER + 1, 10)]);
	});
});

describe('bad input', () => {
	it('rejects invalid ISNs at creation or when one is drawn', () => {
		expect(() => createEndpoint({ isn: -1 }, () => {})).toThrow(expect.objectContaining({ code: 'invalid-isn' }));
		const ep = createEndpoint({ isn: () => 2 ** 32 }, () => {});
		expect(() => ep.open()).toThrow(expect.objectContaining({ code: 'invalid-isn' }));
		expect(ep.state).toBe('CLOSED');
	});

	it('rejects invalid timer configuration', () => {
		expect(() => createEndpoint({ isn: 0, rtoInitialMs: -5 }, () => {})).toThrow(
			expect.objectContaining({ code: 'invalid-config' }),
		);
	});
});
