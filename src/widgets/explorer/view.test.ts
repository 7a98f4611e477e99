import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, type ScenarioName } from '../../tcp';
import { widgetStrings } from '../i18n';
import { runExplorer } from './run';
import { announce, both, clock, lanes, parseIsn, retransmissions, tableRows, timeline, whyKeys, whyText, type ClientStrings } from './view';

const isn = { client: 100, server: 300 };
const strings = (lang: string): ClientStrings => {
	const t = widgetStrings(lang);
	return { ...t.explorer, sides: { client: t.common.client, server: t.common.server } };
};
const en = strings('en');
const zh = strings('zh-CN');

describe('explorer view logic', () => {
	it('finds a specific why sentence for every step of every scenario, with and without a drop, in both languages', () => {
		for (const name of SCENARIO_NAMES) {
			for (const drops of [[], [{ dir: 'c2s' as const, index: 0 }], [{ dir: 's2c' as const, index: 1 }]]) {
				const run = runExplorer({ scenario: name, isn, drops });
				for (const step of run.steps) {
					const key = whyKeys(step).find((k) => k in en.why);
					expect(key, `${name} ${JSON.stringify(drops)} ${step.flags} ${whyKeys(step)}`).toBeDefined();
					for (const t of [en, zh]) expect(whyText(step, t)).not.toMatch(/[{}]/);
				}
			}
		}
		expect(Object.keys(zh.why).sort()).toEqual(Object.keys(en.why).sort());
	});

	it('explains the handshake in the model’s terms', () => {
		const run = runExplorer({ scenario: 'handshake', isn });
		expect(run.steps.map((s) => whyKeys(s)[0])).toEqual([
			'syn:rcv-syn:LISTEN',
			'syn-ack:rcv-syn-ack:SYN-SENT',
			'ack:rcv-ack-of-syn:SYN-RECEIVED',
		]);
		expect(whyText(run.steps[1]!, en)).toMatch(/^The server acknowledges the SYN .* the client is now ESTABLISHED\.$/);
		expect(whyText(null, en)).toMatch(/^Nothing has been sent yet/);
	});

	it('builds table rows with relative and absolute numbers', () => {
		const rows = tableRows(runExplorer({ scenario: 'lost-syn', isn }), en);
		expect(rows[0]).toMatchObject({ step: '1', direction: 'client → server', flags: 'SYN ✗ lost', seq: '0 (100)', ack: '(none)', lost: true });
		expect(rows[2]).toMatchObject({ flags: 'SYN, ACK', seq: '0 (300)', ack: '1 (101)', client: 'ESTABLISHED', server: 'SYN-RECEIVED' });
		const half = tableRows(runExplorer({ scenario: 'half-close', isn, fromMs: 200 }), zh);
		expect(half[2]!.flags).toBe('PSH, ACK, 100 字节数据');
	});

	it('announces a step and the start', () => {
		const run = runExplorer({ scenario: 'handshake', isn });
		expect(announce(run, 0, en)).toBe(
			'Step 0 of 3. Client CLOSED, server LISTEN. Nothing has been sent yet. Choose Next, or press →, to follow the first segment.',
		);
		expect(announce(run, 2, en)).toMatch(/^Step 2 of 3: server → client, SYN, ACK, seq 0 \(300\), ack 1 \(101\)\. Client ESTABLISHED, server SYN-RECEIVED\. /);
	});

	it('lists retransmissions after 1 s, then 2 s, and places them on the timeline', () => {
		const run = runExplorer({ scenario: 'lost-syn', isn, drops: [{ dir: 'c2s', index: 1 }] });
		expect(retransmissions(run, en)).toEqual(['Client: SYN again at 1 s, after an RTO of 1 s', 'Client: SYN again at 3 s, after an RTO of 2 s']);
		expect(retransmissions(run, zh)[1]).toBe('客户端：3 秒时再次发送 SYN，此前 2 秒的 RTO 到期');
		const tl = timeline(run, en);
		expect(tl.bars.map((b) => [b.start, b.end, b.label])).toEqual([
			[0, 1000, 'RTO 1 s'],
			[1000, 3000, 'RTO 2 s'],
		]);
		expect(tl.max).toBeGreaterThanOrEqual(3000);
	});

	it('lays the timeline out as one lane per side, in percent of its scale', () => {
		const run = runExplorer({ scenario: 'lost-syn', isn, drops: [{ dir: 'c2s', index: 1 }] });
		const tl = timeline(run, en);
		const [client, server] = lanes(tl);
		expect([client!.side, server!.side]).toEqual(['client', 'server']);
		expect(client!.bars[0]).toEqual({ label: 'RTO 1 s', left: '0%', width: `${(1000 / tl.max) * 100}%` });
		expect(server!.bars).toEqual([]);
		expect([...client!.marks, ...server!.marks].map((m) => m.step).sort((a, b) => a - b)).toEqual(run.steps.map((_, i) => i + 1));
	});

	it('parses ISNs strictly', () => {
		expect(parseIsn('0')).toBe(0);
		expect(parseIsn(' 4294967295 ')).toBe(4294967295);
		for (const bad of ['-1', '4294967296', '1.5', 'abc', '', '1e3', '0x10']) expect(parseIsn(bad), bad).toBeNull();
	});

	it('formats numbers and clocks', () => {
		expect(both(1, 101, '-')).toBe('1 (101)');
		expect(both(null, null, '-')).toBe('-');
		expect(clock(240_000)).toBe('4:00');
		expect(clock(59_001)).toBe('1:00');
		expect(clock(-5)).toBe('0:00');
	});

	it('names every scenario in both languages', () => {
		for (const name of SCENARIO_NAMES as readonly ScenarioName[]) {
			expect(en.scenarios[name]).toBeTruthy();
			expect(zh.scenarios[name]).toBeTruthy();
		}
	});
});
