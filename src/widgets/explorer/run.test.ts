import { describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTATIONS, SCENARIO_NAMES } from '../../tcp';
import { runExplorer } from './run';

const isn = { client: 100, server: 300 };

describe('runExplorer', () => {
	it('has the steps SCENARIO_EXPECTATIONS names, in order, for every scenario', () => {
		for (const name of SCENARIO_NAMES) {
			const run = runExplorer({ scenario: name, isn });
			const { steps } = SCENARIO_EXPECTATIONS[name];
			expect(
				run.steps.map((s) => ({
					from: s.from,
					flags: s.flags,
					seq: s.relSeq,
					ack: s.relAck,
					...(s.len && { len: s.len }),
					...(s.lost && { lost: true }),
					clientState: s.states.client,
					serverState: s.states.server,
				})),
				name,
			).toEqual(steps);
		}
	});

	it('keeps absolute numbers beside relative ones and starts from the states before the first segment', () => {
		const run = runExplorer({ scenario: 'handshake', isn: { client: 4294967295, server: 7 } });
		expect(run.start).toEqual({ client: 'CLOSED', server: 'LISTEN' });
		expect(run.steps.map((s) => [s.seq, s.ack, s.relSeq, s.relAck])).toEqual([
			[4294967295, null, 0, null],
			[7, 0, 0, 1],
			[0, 8, 1, 1],
		]);
		expect(run.steps[0]!.changes).toEqual([{ side: 'server', from: 'LISTEN', to: 'SYN-RECEIVED', event: 'rcv-syn', at: { t: 50, k: 0 } }]);
		expect(run.steps.map((s) => s.reason)).toEqual(['syn', 'syn-ack', 'ack']);
		// Every state change, the client's own active OPEN included, at the moment it happened.
		expect(run.changes.map((c) => [c.side, c.to, c.at.t])).toEqual([
			['client', 'SYN-SENT', 0],
			['server', 'SYN-RECEIVED', 50],
			['client', 'ESTABLISHED', 100],
			['server', 'ESTABLISHED', 150],
		]);
	});

	it('a reader’s drop re-runs the model: the SYN is retransmitted after 1 s, then 2 s, each expiry counted', () => {
		const run = runExplorer({ scenario: 'handshake', isn, faults: [{ kind: 'drop', dir: 'c2s', index: 0 }, { kind: 'drop', dir: 'c2s', index: 1 }] });
		expect(run.steps.slice(0, 3).map((s) => [s.flags, s.fate, s.sent.t, s.at.t, s.reason, s.fault])).toEqual([
			['SYN', 'lost', 0, 50, 'syn', 'drop'],
			['SYN', 'lost', 1000, 1050, 'retransmit', 'drop'],
			['SYN', 'delivered', 3000, 3050, 'retransmit', null],
		]);
		expect(run.timers.map((t) => [t.side, t.timer, t.start.t, t.ms, t.end.t, t.tries])).toEqual([
			['client', 'rtx', 0, 1000, 1000, 1],
			['client', 'rtx', 1000, 2000, 3000, 2],
		]);
	});

	it('a delayed segment arrives 1.5 s late and its sender retransmits first; a duplicated one arrives twice', () => {
		const late = runExplorer({ scenario: 'handshake', isn, faults: [{ kind: 'delay', dir: 'c2s', index: 0 }] });
		expect(late.steps[0]).toMatchObject({ flags: 'SYN', fate: 'delivered', reason: 'retransmit', sent: { t: 1000 } });
		expect(late.steps.find((s) => s.fate === 'delayed')).toMatchObject({ flags: 'SYN', sent: { t: 0 }, at: { t: 1550 }, fault: 'delay' });
		const twice = runExplorer({ scenario: 'handshake', isn, faults: [{ kind: 'duplicate', dir: 's2c', index: 0 }] });
		const copies = twice.steps.filter((s) => s.flags === 'SYN, ACK');
		expect(copies.map((s) => [s.fate, s.copy, s.at])).toEqual([
			['duplicated', false, { t: 100, k: 0 }],
			['duplicated', true, { t: 100, k: 1 }],
		]);
		expect(copies[0]!.id).toBe(copies[1]!.id);
	});

	it('teardowns start at ESTABLISHED, mirror with closer, and run on to TIME-WAIT’s expiry, whose length can be set', () => {
		const run = runExplorer({ scenario: 'teardown', isn, fromMs: 200 });
		expect(run.start).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
		expect(run.steps).toHaveLength(4);
		const tw = run.timers.find((t) => t.timer === 'time-wait')!;
		expect(tw).toMatchObject({ side: 'client', ms: 240_000 });
		expect(tw.end.t).toBe(tw.start.t + 240_000);
		expect(run.changes.at(-1)).toMatchObject({ side: 'client', to: 'CLOSED', at: tw.end });
		const linux = runExplorer({ scenario: 'teardown', isn, fromMs: 200, profile: 'linux', closer: 'server' });
		expect(linux.timers.find((t) => t.timer === 'time-wait')).toMatchObject({ side: 'server', ms: 60_000 });
		expect(linux.steps[0]!.from).toBe('server');
		const short = runExplorer({ scenario: 'teardown', isn, fromMs: 200, timeWaitMs: 1000 });
		expect(short.timers.find((t) => t.timer === 'time-wait')).toMatchObject({ ms: 1000 });
	});

	it('the profile sets the SYN retransmission schedule: RFC 6298 doubles from 1 s, Linux waits 1 s while its linear timeouts last', () => {
		// The first SYN is the scenario's own loss; the reader loses the next two.
		const faults = [1, 2].map((index) => ({ kind: 'drop' as const, dir: 'c2s' as const, index }));
		const schedule = (profile: 'rfc9293' | 'linux') => {
			const run = runExplorer({ scenario: 'lost-syn', isn, profile, faults });
			return {
				syns: run.steps.filter((s) => s.flags === 'SYN').map((s) => s.sent.t),
				rto: run.timers.filter((t) => t.timer === 'rtx').map((t) => [t.ms, t.tries]),
			};
		};
		// Written out by hand: RFC 6298 §5.5 doubles; Linux ≥ 6.5 keeps 1 s for tcp_syn_linear_timeouts (4) tries.
		expect(schedule('rfc9293')).toEqual({ syns: [0, 1000, 3000, 7000], rto: [[1000, 1], [2000, 2], [4000, 3]] });
		expect(schedule('linux')).toEqual({ syns: [0, 1000, 2000, 3000], rto: [[1000, 1], [1000, 2], [1000, 3]] });
	});

	it('the scenario’s own faults and injected segments are fixed; the others carry their selector', () => {
		const dup = runExplorer({ scenario: 'old-duplicate-syn', isn });
		expect(dup.steps.map((s) => [s.flags, s.selector, s.fixed, s.fate])).toEqual([
			['SYN', null, true, 'delivered'],
			['SYN, ACK', { dir: 's2c', index: 0 }, false, 'delivered'],
			['RST', { dir: 'c2s', index: 1 }, false, 'delivered'],
			// The real SYN, held back 150 ms by the scenario so that the old one arrives first.
			['SYN', { dir: 'c2s', index: 0 }, true, 'delayed'],
			['SYN, ACK', { dir: 's2c', index: 1 }, false, 'delivered'],
			['ACK', { dir: 'c2s', index: 2 }, false, 'delivered'],
		]);
		const lost = runExplorer({ scenario: 'lost-syn', isn });
		expect(lost.steps.map((s) => s.fixed)).toEqual([true, false, false, false]);
	});
});
