import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkAction } from './network.ts';
import { PROFILE_NAMES, PROFILES, type ProfileName } from './profile.ts';
import { parseFlags, segLen } from './segment.ts';
import { SEQ_MOD, seqAdd, seqGt, seqLeq } from './sequence.ts';
import { simulate, type SimulationConfig, type UserAction } from './simulate.ts';
import { LINUX_TRANSITIONS, OTHER_TRANSITIONS, TRANSITIONS } from './states.ts';
import { otherSide, traceSteps, type Trace } from './trace.ts';

const legal = (rows: typeof TRANSITIONS) => new Set(rows.map((r) => `${r.from} ${r.event} ${r.to}`));
const LEGAL = { rfc9293: legal([...TRANSITIONS, ...OTHER_TRANSITIONS]), linux: legal([...TRANSITIONS, ...OTHER_TRANSITIONS, ...LINUX_TRANSITIONS]) };

const dir = fc.constantFrom('c2s' as const, 's2c' as const);
const what = fc.constantFrom('drop' as const, 'duplicate' as const, 'reorder' as const);
const networkAction: fc.Arbitrary<NetworkAction> = fc.oneof(
	fc.record({ do: what, dir, index: fc.nat({ max: 12 }) }),
	fc.record({ do: fc.constant('delay' as const), dir, index: fc.nat({ max: 12 }), extraMs: fc.nat({ max: 3000 }) }),
	fc.record({ do: what, dir, index: fc.nat({ max: 2 }), flags: fc.constantFrom('SYN', 'SYN, ACK', 'ACK', 'FIN, ACK', 'PSH, ACK') }),
);
const isn = fc.oneof(fc.integer({ min: 0, max: SEQ_MOD - 1 }), fc.integer({ min: SEQ_MOD - 10, max: SEQ_MOD - 1 }));
const time = fc.nat({ max: 5000 });

/** Both ends open (listen/open, or a simultaneous open), may send, and close at random times. */
const run = (maxActions: number) =>
	fc
		.record({
			isn: fc.record({ client: isn, server: isn }),
			script: fc.array(networkAction, { maxLength: maxActions }),
			delay: fc.record({ c2s: fc.integer({ min: 1, max: 400 }), s2c: fc.integer({ min: 1, max: 400 }) }),
			simultaneous: fc.boolean(),
			sends: fc.array(fc.record({ at: time, who: fc.constantFrom('client' as const, 'server' as const), bytes: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 3 }),
			closes: fc.record({ client: time, server: time }),
			profile: fc.constantFrom(...PROFILE_NAMES),
		})
		.map((r): SimulationConfig & { profile: ProfileName } => {
			const actions: UserAction[] = [
				{ at: 0, who: 'server', call: r.simultaneous ? 'open' : 'listen' },
				{ at: 0, who: 'client', call: 'open' },
				...r.sends.map((s) => ({ ...s, call: 'send' as const })),
				{ at: r.closes.client, who: 'client', call: 'close' },
				{ at: r.closes.server, who: 'server', call: 'close' },
			];
			const timing = PROFILES[r.profile].config;
			return {
				profile: r.profile,
				client: { isn: r.isn.client, ...timing },
				server: { isn: r.isn.server, ...timing },
				network: { delayMs: r.delay, script: r.script },
				actions,
			};
		});

/** The invariants every trace must satisfy, whatever the network did. */
function checkInvariants(trace: Trace, profile: ProfileName) {
	const state = { client: 'CLOSED', server: 'CLOSED' };
	const sentUpTo: Record<string, number | undefined> = {};
	const synSeq: Record<string, number | undefined> = {};
	let t = 0;
	for (const e of trace.events) {
		expect(e.t).toBeGreaterThanOrEqual(t);
		t = e.t;
		if (e.kind === 'state') {
			// no state the RFC forbids from where the endpoint was
			expect(LEGAL[profile].has(`${e.from} ${e.event} ${e.to}`), `${e.from} ${e.event} ${e.to}`).toBe(true);
			expect(e.from).toBe(state[e.side]);
			state[e.side] = e.to;
		}
		if (e.kind === 'send' && e.reason !== 'injected') {
			// every acknowledged byte (or SYN/FIN) was sent by the peer
			if (e.seg.flags.ack) {
				const peer = sentUpTo[otherSide(e.side)];
				expect(peer).toBeDefined();
				expect(seqLeq(e.seg.ack, peer!)).toBe(true);
			}
			const end = seqAdd(e.seg.seq, segLen(e.seg));
			const prev = sentUpTo[e.side];
			// a SYN with a new ISN starts a new incarnation; otherwise keep the highest end sent
			const fresh = e.seg.flags.syn && e.seg.seq !== synSeq[e.side];
			if (e.seg.flags.syn) synSeq[e.side] = e.seg.seq;
			if (!e.seg.flags.rst && (fresh || prev === undefined || seqGt(end, prev))) sentUpTo[e.side] = end;
		}
	}
	expect(trace.final).toEqual(state);
}

// Linux's SYN-RECEIVED that runs out of SYN,ACK retransmissions leaves the listener as it was.
const listenerLeft = (trace: Trace) => trace.final.server === 'LISTEN' && trace.events.some((e) => e.kind === 'state' && e.from === 'SYN-RECEIVED' && e.to === 'LISTEN' && e.event === 'timeout-retries');

const gaveUp = (trace: Trace, side: 'client' | 'server') =>
	trace.events.some((e) => e.kind === 'state' && e.side === side && e.event === 'timeout-retries');

describe('simulation properties (fast-check)', () => {
	it('with a few losses, both ends always reach CLOSED by legal moves (a Linux listener that gave up on a SYN still listens)', () => {
		fc.assert(
			fc.property(run(4), (config) => {
				const trace = simulate(config);
				checkInvariants(trace, config.profile);
				expect(trace.final).toEqual({ client: 'CLOSED', server: listenerLeft(trace) ? 'LISTEN' : 'CLOSED' });
			}),
			{ numRuns: 1000 },
		);
	}, 60_000);

	it('with heavy losses, each end is CLOSED or waits in FIN-WAIT-2 for a peer that gave up (RFC 9293 sets no FIN-WAIT-2 timer)', () => {
		fc.assert(
			fc.property(run(30), (config) => {
				const trace = simulate(config);
				checkInvariants(trace, config.profile);
				for (const side of ['client', 'server'] as const) {
					if (trace.final[side] === 'CLOSED' || (side === 'server' && listenerLeft(trace))) continue;
					expect(trace.final[side]).toBe('FIN-WAIT-2');
					expect(gaveUp(trace, otherSide(side))).toBe(true);
				}
			}),
			{ numRuns: 1000 },
		);
	}, 60_000);

	it('is deterministic', () => {
		fc.assert(
			fc.property(run(8), (config) => {
				expect(simulate(config)).toEqual(simulate(config));
			}),
			{ numRuns: 100 },
		);
	});
});

const OPEN: UserAction[] = [
	{ at: 0, who: 'server', call: 'listen' },
	{ at: 0, who: 'client', call: 'open' },
];
const base = (extra: Partial<SimulationConfig> = {}): SimulationConfig => ({
	client: { isn: 100 },
	server: { isn: 300 },
	actions: OPEN,
	...extra,
});

describe('simulator', () => {
	it('records illegal user calls as RFC errors and carries on', () => {
		const t = simulate(base({ actions: [...OPEN, { at: 0, who: 'server', call: 'send', bytes: 5 }] }));
		expect(t.events.find((e) => e.kind === 'user-call' && e.call === 'send')).toMatchObject({
			error: 'foreign-socket-unspecified',
			before: { server: 'LISTEN' },
			states: { server: 'LISTEN' },
		});
		expect(t.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
	});

	it('a duplicated SYN in SYN-RECEIVED is answered by an ACK and does no harm', () => {
		const t = simulate(base({ network: { script: [{ do: 'duplicate', dir: 'c2s', index: 0 }] } }));
		expect(traceSteps(t).map((s) => `${s.from} ${s.flags}`)).toEqual([
			'client SYN',
			'client SYN',
			'server SYN, ACK',
			'server ACK',
			'client ACK',
		]);
		expect(t.final).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
	});

	it('a segment overtaken by the next one is acknowledged on arrival; the early one, not held (§3.10.7.4 allows that), is retransmitted', () => {
		const actions: UserAction[] = [...OPEN, { at: 200, who: 'client', call: 'send', bytes: 10 }, { at: 201, who: 'client', call: 'send', bytes: 20 }];
		const t = simulate(base({ actions, network: { script: [{ do: 'reorder', dir: 'c2s', flags: 'PSH, ACK' }] } }));
		const data = traceSteps(t).filter((s) => s.from === 'client' && s.len);
		expect(data.map((s) => [s.seq, s.len])).toEqual([
			[11, 20],
			[1, 10],
			[11, 20],
		]);
		expect(traceSteps(t).at(-1)).toMatchObject({ from: 'server', flags: 'ACK', ack: 31 });
	});

	it('an injected segment is delivered, and selectors do not count it', () => {
		const seg = { flags: parseFlags('ACK'), seq: 1, ack: 1, wnd: 0, len: 0 };
		const t = simulate(base({ actions: [], network: { script: [{ do: 'inject', dir: 's2c', at: 5, seg }, { do: 'drop', dir: 's2c' }] } }));
		expect(traceSteps(t)).toEqual([
			{ from: 'server', flags: 'ACK', seq: 1, ack: 1, clientState: 'CLOSED', serverState: 'CLOSED' },
			{ from: 'client', flags: 'RST', seq: 1, ack: null, clientState: 'CLOSED', serverState: 'CLOSED' },
		]);
	});

	it('stops at untilMs', () => {
		const t = simulate(base({ untilMs: 60 }));
		expect(t.events.at(-1)!.t).toBeLessThanOrEqual(60);
		expect(t.final).toEqual({ client: 'SYN-SENT', server: 'SYN-RECEIVED' });
	});

	it.each<[string, Partial<SimulationConfig>, string]>([
		['a negative delay', { network: { delayMs: { c2s: -1, s2c: 5 } } }, 'invalid-delay'],
		['a NaN delay', { network: { delayMs: { c2s: 5, s2c: Number.NaN } } }, 'invalid-delay'],
		['a negative extra delay', { network: { script: [{ do: 'delay', dir: 'c2s', extraMs: -3 }] } }, 'invalid-delay'],
		['an action at a negative time', { actions: [{ at: -1, who: 'client', call: 'open' }] }, 'invalid-delay'],
		['a negative untilMs', { untilMs: -1 }, 'invalid-delay'],
		['an unknown call', { actions: [{ at: 0, who: 'client', call: 'connect' as 'open' }] }, 'invalid-argument'],
		['a negative selector index', { network: { script: [{ do: 'drop', dir: 'c2s', index: -1 }] } }, 'invalid-argument'],
		['an unknown flag in a selector', { network: { script: [{ do: 'drop', dir: 'c2s', flags: 'SYN, ECE' }] } }, 'invalid-argument'],
		['an unknown direction', { network: { script: [{ do: 'drop', dir: 'up' as 'c2s' }] } }, 'invalid-argument'],
		['an injected segment with a bad seq', { network: { script: [{ do: 'inject', dir: 'c2s', at: 0, seg: { flags: parseFlags('SYN'), seq: -1, ack: 0, wnd: 0, len: 0 } }] } }, 'invalid-argument'],
		['an invalid ISN', { client: { isn: 2 ** 32 } }, 'invalid-isn'],
		['a send of no bytes', { actions: [...OPEN, { at: 500, who: 'client', call: 'send', bytes: 0 }] }, 'invalid-argument'],
	])('rejects %s with a typed error', (_, bad, code) => {
		expect(() => simulate(base(bad))).toThrow(expect.objectContaining({ code }));
	});
});
