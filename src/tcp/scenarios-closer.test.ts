import { describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTATIONS } from './expectations.ts';
import { runScenario, scenario } from './scenarios.ts';
import { traceSteps, type Step } from './trace.ts';

const TEARDOWNS = ['teardown', 'teardown-fin-ack', 'half-close', 'lost-final-ack', 'simultaneous-close', 'time-wait-expiry'] as const;
const mirror = (s: Step): Step => ({
	...s,
	from: s.from === 'client' ? 'server' : 'client',
	clientState: s.serverState,
	serverState: s.clientState,
});

describe('scenario option closer', () => {
	it("'client' is the default", () => {
		for (const name of TEARDOWNS) expect(scenario(name, { closer: 'client' })).toEqual(scenario(name));
	});

	it("'server' mirrors every teardown from the first close on", () => {
		for (const name of TEARDOWNS) {
			const { steps, final } = SCENARIO_EXPECTATIONS[name];
			const trace = runScenario(name, { closer: 'server' });
			expect(traceSteps(trace), name).toEqual([...steps.slice(0, 3), ...steps.slice(3).map(mirror)]);
			expect(trace.final, name).toEqual({ client: final.server, server: final.client });
		}
	});

	it('leaves the handshakes alone and rejects other values', () => {
		expect(scenario('lost-ack', { closer: 'server' })).toEqual(scenario('lost-ack'));
		expect(() => scenario('teardown', { closer: 'both' as 'client' })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
	});
});
