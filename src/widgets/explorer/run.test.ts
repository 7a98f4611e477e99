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
		expect(run.steps[0]!.changes).toEqual([{ side: 'server', from: 'LISTEN', to: 'SYN-RECEIVED', event: 'rcv-syn' }]);
		expect(run.steps.map((s) => s.reason)).toEqual(['syn', 'syn-ack', 'ack']);
	});

	it('a reader’s drop re-runs the model: the SYN is retransmitted after 1 s, then 2 s', () => {
		const run = runExplorer({ scenario: 'handshake', isn, drops: [{ dir: 'c2s', index: 0 }, { dir: 'c2s', index: 1 }] });
		expect(run.steps.slice(0, 3).map((s) => [s.flags, s.lost, s.sentAt, s.reason])).toEqual([
			['SYN', true, 0, 'syn'],
			['SYN', true, 1000, 'retransmit'],
			['SYN', false, 3000, 'retransmit'],
		]);
		const fired = run.timers.filter((t) => t.timer === 'rtx' && t.fired);
		expect(fired.map((t) => [t.side, t.startMs, t.ms, t.endMs])).toEqual([
			['client', 0, 1000, 1000],
			['client', 1000, 2000, 3000],
		]);
	});

	it('teardowns start at ESTABLISHED, mirror with closer, and run on to TIME-WAIT’s expiry', () => {
		const run = runExplorer({ scenario: 'teardown', isn, fromMs: 200 });
		expect(run.start).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
		expect(run.steps).toHaveLength(4);
		const tw = run.timers.find((t) => t.timer === 'time-wait')!;
		expect(tw).toMatchObject({ side: 'client', ms: 240_000, fired: true });
		expect(run.endMs).toBe(tw.startMs + 240_000);
		const linux = runExplorer({ scenario: 'teardown', isn, fromMs: 200, profile: 'linux', closer: 'server' });
		expect(linux.timers.find((t) => t.timer === 'time-wait')).toMatchObject({ side: 'server', ms: 60_000 });
		expect(linux.steps[0]!.from).toBe('server');
	});

	it('injected segments cannot be dropped; others carry their selector', () => {
		const run = runExplorer({ scenario: 'old-duplicate-syn', isn });
		expect(run.steps[0]!.drop).toBeNull();
		expect(run.steps[1]!.drop).toEqual({ dir: 's2c', index: 0 });
	});
});
