import { describe, expect, it } from 'vitest';
import { defaultLocalPort, parseScenario, type ScenarioInput } from './scenario.ts';

const minimal: ScenarioInput = {
	name: 'closed-port',
	title: 'A SYN to a port nobody listens on',
	steps: [{ do: 'connect' }, { do: 'await', side: 'client', event: 'error', code: 'ECONNREFUSED' }],
	shape: ['c>s SYN seq=0 ack=- len=0', 's>c RST,ACK seq=1 ack=1 len=0'],
};
const file = 'scripts/lab/scenarios/closed-port.ts';

describe('parseScenario', () => {
	it('fills in the defaults', () => {
		const scenario = parseScenario(minimal, file);
		expect(scenario).toMatchObject({ topology: 'veth', port: 8080, drops: [], settleMs: 300, sysctls: { client: {}, server: {} } });
		expect(scenario.steps[0]).toEqual({ do: 'connect', conn: 'a' });
		expect(scenario.steps[1]).toMatchObject({ timeoutMs: 5000 });
	});

	it('names the file and the field that is wrong', () => {
		expect(() => parseScenario({ ...minimal, steps: [{ do: 'conect' }] }, file)).toThrow(/^scripts\/lab\/scenarios\/closed-port\.ts: steps\[0\]\.do: /);
		expect(() => parseScenario({ ...minimal, shape: ['c>s SYN seq=0'] }, file)).toThrow(/shape\[0\]: a shape line/);
		expect(() => parseScenario({ ...minimal, drops: [{ dir: 'c2s', flags: 'FIN,ACK' }] }, file)).toThrow(/drops\[0\]\.flags: flag names joined by ", "/);
		expect(() => parseScenario({ ...minimal, steps: [{ do: 'wait', ms: 10, side: 'client' }] }, file)).toThrow(/steps\[0\]: .*side/);
	});

	it('wants the name of the file', () => {
		expect(() => parseScenario(minimal, 'scripts/lab/scenarios/refused.ts')).toThrow('name: "closed-port" must be the file\'s name, "refused"');
	});

	it('keeps sysctls and drops out of loopback scenarios, which have one namespace', () => {
		expect(() => parseScenario({ ...minimal, topology: 'loopback', sysctls: { client: { 'ipv4.tcp_syn_retries': 1 } } }, file)).toThrow(/sysctls\.client: a loopback scenario runs in one namespace/);
		expect(() => parseScenario({ ...minimal, topology: 'loopback', drops: [{ dir: 'c2s' }] }, file)).toThrow(/drops: drops need two namespaces/);
	});

	it('refuses a snapshot expectation that is not a regular expression', () => {
		const snapshot = { do: 'snapshot', label: 'x', side: 'client', commands: ['ss -tan'], expect: { client: ['(FIN'] } };
		expect(() => parseScenario({ ...minimal, steps: [snapshot] } as ScenarioInput, file)).toThrow(/steps\[0\]\.expect\.client\[0\]: a regular expression/);
	});
});

describe('defaultLocalPort', () => {
	it('gives each connection letter its own client port', () => {
		expect(['a', 'b', 'z'].map(defaultLocalPort)).toEqual([40001, 40002, 40026]);
	});
});
