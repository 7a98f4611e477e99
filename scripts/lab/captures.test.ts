// The committed captures, checked without root and without recording anything: each scenario file
// is valid, each capture has the shape its scenario declares, and each sidecar is valid and agrees
// with its capture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_CAPTURES, loadScenario, PINNED_CAPTURES, scenarioNames } from './scenario.ts';
import { readSidecar } from '../../src/schemas/sidecar.ts';
import { dropSelectors, shapeMismatch, shapeOf } from './shape.ts';

const scenarios = await Promise.all(scenarioNames().map(loadScenario));
const recorded = scenarios.filter((s) => !s.pinned);
const pinned = scenarios.filter((s) => s.pinned);
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

describe('scenario files', () => {
	it('at least ten lab scenarios, and the three pinned loopback captures of the real-capture lesson', () => {
		expect(recorded.length).toBeGreaterThanOrEqual(10);
		expect(pinned.map((s) => s.name)).toEqual(['fin-ack', 'half-close', 'refused']);
	});

	it('the README lists every scenario and links every lab capture', () => {
		const readme = readFileSync(join(PINNED_CAPTURES, 'README.md'), 'utf8');
		for (const s of recorded) expect(readme, s.name).toContain(`[\`${s.name}\`](lab/${s.name}.pcap)`);
		for (const s of pinned) expect(readme, s.name).toContain(`\`${s.name}.pcap\``);
	});

	it('every lab capture and sidecar in content/captures/lab/ belongs to a scenario', () => {
		const names = new Set(recorded.map((s) => s.name));
		for (const file of readdirSync(LAB_CAPTURES)) expect(names, file).toContain(file.replace(/\.(pcap|json)$/, ''));
	});
});

describe.each(recorded.map((s) => [s.name, s] as const))('%s', (name, scenario) => {
	const pcap = join(LAB_CAPTURES, `${name}.pcap`);
	const json = join(LAB_CAPTURES, `${name}.json`);
	// Read and parsed once for both tests that look at it, on first use: a missing file fails the
	// test that needs it (and the one above names it), not the whole file's collection.
	let shape: ReturnType<typeof shapeOf> | undefined;
	const captured = () => (shape ??= shapeOf(bytesOf(pcap), scenario.drops));

	it('is committed with its sidecar', () => {
		expect(existsSync(pcap), pcap).toBe(true);
		expect(existsSync(json), json).toBe(true);
	});

	it('has the shape its scenario declares', () => {
		expect(shapeMismatch(scenario.shape, captured())).toBeNull();
	});

	it('has a valid sidecar that names its scenario, its capture and the segments dropped', () => {
		const sidecar = readSidecar(json);
		expect(sidecar).toMatchObject({ scenario: name, title: scenario.title, topology: scenario.topology, capture: { file: `${name}.pcap` } });
		expect(sidecar.drops).toEqual(dropSelectors(captured().segments, scenario.drops));
		// The backlog npm run compare models the accept queue with: the scenario's own.
		const listen = scenario.steps.flatMap((s) => (s.do === 'listen' ? [s] : []));
		expect(sidecar.actions.filter((a) => a.call === 'listen').map((a) => a.backlog)).toEqual(listen.map((s) => s.backlog));
		for (const side of ['client', 'server'] as const) {
			for (const [key, value] of Object.entries(scenario.sysctls[side])) expect(sidecar.sysctls[side][key], `${side} ${key}`).toBe(String(value));
		}
	});
});

describe.each(pinned.map((s) => [s.name, s] as const))('pinned %s', (name, scenario) => {
	it('is kept in content/captures/ with the shape its scenario declares', () => {
		expect(shapeMismatch(scenario.shape, shapeOf(bytesOf(join(PINNED_CAPTURES, `${name}.pcap`))))).toBeNull();
	});
});

describe('what the captures show beyond their shape', () => {
	it('time-wait-new-syn: the server answers the new SYN with ISN = its TIME-WAIT’s SND.NXT + 65537 (tcp_timewait_state_process)', () => {
		const segments = shapeOf(bytesOf(join(LAB_CAPTURES, 'time-wait-new-syn.pcap'))).segments;
		const first = segments.filter((s) => s.connection === 1 && s.dir === 's2c');
		const sndNxt = first.find((s) => s.flags === 'FIN, ACK')!.packet.tcp.seq + 1;
		const newIsn = segments.find((s) => s.connection === 2 && s.flags === 'SYN, ACK')!.packet.tcp.seq;
		expect((newIsn - sndNxt) >>> 0).toBe(65_537);
		// And the client's new SYN is above the old connection's numbers, with a later timestamp.
		const oldClient = segments.filter((s) => s.connection === 1 && s.dir === 'c2s').at(-1)!.packet.tcp;
		const newSyn = segments.find((s) => s.connection === 2)!.packet.tcp;
		expect((newSyn.seq - oldClient.seq) >>> 0).toBeGreaterThan(0);
		expect((newSyn.seq - oldClient.seq) >>> 0).toBeLessThan(2 ** 31);
		const tsval = (tcp: typeof newSyn) => tcp.options.flatMap((o) => (o.name === 'timestamps' ? [o.value] : []))[0];
		expect(tsval(newSyn)).toBeGreaterThan(tsval(oldClient)!);
	});
});
