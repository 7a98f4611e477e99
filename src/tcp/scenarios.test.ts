import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTATIONS } from './expectations.ts';
import { seededIsn } from './isn.ts';
import { runScenario, SCENARIO_NAMES, scenario } from './scenarios.ts';
import { SEQ_MOD } from './sequence.ts';
import { traceSteps, type Trace } from './trace.ts';

const fires = (t: Trace, timer: string) => t.events.filter((e) => e.kind === 'timer-fire' && e.timer === timer);

describe('named scenarios match the lessons’ facts', () => {
	it.each(SCENARIO_NAMES)('%s', (name) => {
		const trace = runScenario(name);
		expect(traceSteps(trace)).toEqual(SCENARIO_EXPECTATIONS[name].steps);
		expect(trace.final).toEqual(SCENARIO_EXPECTATIONS[name].final);
	});

	it('hold for any ISNs, including within 10 of 2^32 (wraparound)', () => {
		const isn = fc.oneof(fc.integer({ min: 0, max: SEQ_MOD - 1 }), fc.integer({ min: SEQ_MOD - 10, max: SEQ_MOD - 1 }));
		fc.assert(
			fc.property(fc.constantFrom(...SCENARIO_NAMES), isn, isn, (name, client, server) => {
				const trace = runScenario(name, { isn: { client, server } });
				expect(traceSteps(trace)).toEqual(SCENARIO_EXPECTATIONS[name].steps);
				expect(trace.final).toEqual(SCENARIO_EXPECTATIONS[name].final);
			}),
			{ numRuns: 500 },
		);
	});

	it('hold for seeded (RFC 9293 §3.4.1-style) ISNs', () => {
		for (const name of SCENARIO_NAMES) {
			const trace = runScenario(name, { isn: { client: seededIsn(1), server: seededIsn(2) } });
			if (name !== 'old-duplicate-syn') expect(traceSteps(trace)).toEqual(SCENARIO_EXPECTATIONS[name].steps);
			expect(trace.final).toEqual(SCENARIO_EXPECTATIONS[name].final);
		}
	});

	it('hold under the Linux profile too, but where Linux departs from RFC 9293 (profile.test.ts)', () => {
		const departs = ['lost-syn-ack', 'teardown-fin-ack'];
		for (const name of SCENARIO_NAMES) {
			const trace = runScenario(name, { profile: 'linux' });
			if (!departs.includes(name)) expect(traceSteps(trace), name).toEqual(SCENARIO_EXPECTATIONS[name].steps);
			else expect(traceSteps(trace), name).not.toEqual(SCENARIO_EXPECTATIONS[name].steps);
			expect(trace.final).toEqual(SCENARIO_EXPECTATIONS[name].final);
		}
	});
});

describe('scenario details', () => {
	it('a lost SYN is retransmitted when the 1 s RTO fires', () => {
		const t = runScenario('lost-syn');
		expect(fires(t, 'rtx').map((e) => [e.t, e.side])).toEqual([[1000, 'client']]);
		expect(t.events.find((e) => e.kind === 'send' && e.reason === 'retransmit')).toMatchObject({ t: 1000, side: 'client' });
	});

	it('TIME-WAIT lasts 2×MSL (RFC) or 60 s (Linux)', () => {
		const rfc = fires(runScenario('time-wait-expiry'), 'time-wait');
		const linux = fires(runScenario('time-wait-expiry', { profile: 'linux' }), 'time-wait');
		// the client enters TIME-WAIT at 450 ms
		expect(rfc.map((e) => e.t)).toEqual([450 + 240_000]);
		expect(linux.map((e) => e.t)).toEqual([450 + 60_000]);
		expect(rfc[0]).toMatchObject({ side: 'client', before: { client: 'TIME-WAIT' }, states: { client: 'CLOSED' } });
	});

	it('a retransmitted FIN in TIME-WAIT restarts the 2MSL timer', () => {
		const t = runScenario('lost-final-ack');
		const starts = t.events.filter((e) => e.kind === 'timer-start' && e.timer === 'time-wait');
		expect(starts.map((e) => e.t)).toEqual([450, 1450]);
	});

	it('the old duplicate SYN is reset by the client and the server returns to LISTEN (§3.5 Figure 8)', () => {
		const t = runScenario('old-duplicate-syn');
		const moves = t.events.flatMap((e) => (e.kind === 'state' && e.side === 'server' ? [`${e.from}>${e.to}`] : []));
		expect(moves).toEqual(['CLOSED>LISTEN', 'LISTEN>SYN-RECEIVED', 'SYN-RECEIVED>LISTEN', 'LISTEN>SYN-RECEIVED', 'SYN-RECEIVED>ESTABLISHED']);
		expect(t.events.find((e) => e.kind === 'send' && e.reason === 'rst-bad-ack')).toMatchObject({ side: 'client' });
		// with a clock-driven ISN the second SYN,ACK (150 ms later) uses an ISN 150 × 250 ticks later
		const seeded = runScenario('old-duplicate-syn', { isn: { client: seededIsn(7), server: seededIsn(8) } });
		expect(traceSteps(seeded)[1]).toMatchObject({ flags: 'SYN, ACK', seq: -150 * 250, ack: -9 });
	});

	it('refused: the closed port never chose an ISN, and its RST,ACK has absolute seq 0', () => {
		const t = runScenario('refused');
		expect(t.isn).toEqual({ client: 100, server: null });
		expect(t.events.find((e) => e.kind === 'deliver' && e.side === 'client')).toMatchObject({ seg: { seq: 0, ack: 101 } });
	});

	it('re-running with an extra drop is deterministic and shows what TCP would do', () => {
		const extra = [{ do: 'drop' as const, dir: 's2c' as const, index: 0 }];
		const a = runScenario('handshake', { extra });
		expect(runScenario('handshake', { extra })).toEqual(a);
		expect(traceSteps(a)).toEqual(SCENARIO_EXPECTATIONS['lost-syn-ack'].steps);
	});

	it('unknown names give a typed error', () => {
		expect(() => scenario('three-way-hug')).toThrow(expect.objectContaining({ code: 'unknown-scenario' }));
		expect(() => runScenario('')).toThrow(expect.objectContaining({ code: 'unknown-scenario' }));
	});
});
