import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, type ScenarioName } from '../../tcp';
import { widgetStrings } from '../i18n';
import { runExplorer } from './run';
import { announce, both, clock, fateText, ladderText, parseIsn, segmentName, tableRows, whyKeys, whyText, type ClientStrings } from './view';

const isn = { client: 100, server: 300 };
const strings = (lang: string): ClientStrings => {
	const t = widgetStrings(lang);
	return { ...t.explorer, sides: { client: t.common.client, server: t.common.server } };
};
const en = strings('en');
const zh = strings('zh-CN');

describe('explorer view logic', () => {
	it('finds a specific why sentence for every step of every scenario, with each fault a reader can make, in both languages', () => {
		const faults = (['drop', 'delay', 'duplicate'] as const).flatMap((kind) =>
			([['c2s', 0], ['s2c', 0], ['c2s', 1], ['s2c', 1], ['c2s', 2]] as const).map(([dir, index]) => [{ kind, dir, index }]),
		);
		for (const name of SCENARIO_NAMES) {
			for (const f of [[], ...faults]) {
				const run = runExplorer({ scenario: name, isn, faults: f });
				for (const step of run.steps) {
					const key = whyKeys(step).find((k) => k in en.why);
					expect(key, `${name} ${JSON.stringify(f)} ${step.flags} ${whyKeys(step)}`).toBeDefined();
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
		expect(rows[0]).toMatchObject({ step: '1', direction: 'client → server', flags: 'SYN', seq: '0 (100)', ack: '(none)', lost: true });
		expect(rows[2]).toMatchObject({ flags: 'SYN, ACK', seq: '0 (300)', ack: '1 (101)', client: 'ESTABLISHED', server: 'SYN-RECEIVED' });
		const half = tableRows(runExplorer({ scenario: 'half-close', isn, fromMs: 200 }), zh);
		expect(half[2]!.flags).toBe('PSH, ACK, 100 字节数据');
	});

	it('announces a step and the start', () => {
		const run = runExplorer({ scenario: 'handshake', isn });
		expect(announce(run, 0, en)).toBe(
			'Step 0 of 3. Client CLOSED, server LISTEN. Nothing has been sent yet. Choose Next, or press →, to follow the first segment.',
		);
		expect(announce(run, 2, en)).toBe(
			'Segment 2 of 3: server → client, SYN, ACK, seq 0 (300), ack 1 (101), arrives at 0.1 s. After it: client ESTABLISHED, server SYN-RECEIVED. ' +
				whyText(run.steps[1]!, en),
		);
	});

	it('names a segment in words: direction, flags, both numbers, its fate and the states after it', () => {
		const run = runExplorer({ scenario: 'handshake', isn, faults: [{ kind: 'drop', dir: 's2c', index: 0 }] });
		expect(segmentName(run, 1, en)).toBe(
			'Segment 2 of 6: server → client, SYN, ACK, seq 0 (300), ack 1 (101), lost. After it: client SYN-SENT, server SYN-RECEIVED.',
		);
		expect(segmentName(run, 0, zh)).toBe('第 1 个报文段，共 6 个：客户端 → 服务器，SYN，seq 0 (100)，ack （无），在 0.05 秒到达。之后：客户端 SYN-SENT，服务器 SYN-RECEIVED。');
		const late = runExplorer({ scenario: 'handshake', isn, faults: [{ kind: 'delay', dir: 'c2s', index: 0 }] });
		expect(fateText(late.steps.find((s) => s.fate === 'delayed')!, en)).toBe('delayed, arrives at 1.55 s');
	});

	it('puts every word a segment’s label shows into its name, in order (WCAG 2.5.3, as axe’s label-content-name-mismatch reads it)', () => {
		// Like axe: brackets and punctuation out, the rest split into words (Intl.Segmenter splits Chinese).
		const words = (text: string) =>
			[...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text.replace(/\([^()]*\)/g, '').replace(/[^\p{L}\p{N}]+/gu, ' '))]
				.map((w) => w.segment.trim().toLowerCase())
				.filter(Boolean);
		const within = (hay: string[], needle: string[]) => hay.some((_, i) => needle.every((w, j) => hay[i + j] === w));
		for (const t of [en, zh]) {
			for (const absolute of [false, true]) {
				for (const [scenario, fromMs] of [['half-close', 200], ['old-duplicate-syn', 0], ['refused', 0]] as const) {
					const run = runExplorer({ scenario, isn: { client: 4_000_000_000, server: 7 }, fromMs, faults: [{ kind: 'duplicate', dir: 's2c', index: 1 }] });
					for (const [i, s] of run.steps.entries()) {
						const label = ladderText(t, absolute).arrow(s).join(' ');
						expect(within(words(segmentName(run, i, t, absolute)), words(label)), `${label} in ${segmentName(run, i, t, absolute)}`).toBe(true);
					}
				}
			}
		}
	});

	it('labels the ladder’s arrows with relative or absolute numbers, on two lines when they would not fit on one', () => {
		const run = runExplorer({ scenario: 'handshake', isn: { client: 4294967290, server: 3_000_000_000 } });
		expect(run.steps.map((s) => ladderText(en, false).arrow(s))).toEqual([
			['SYN', 'seq=0'],
			['SYN, ACK', 'seq=0 ack=1'],
			['ACK', 'seq=1 ack=1'],
		]);
		expect(run.steps.map((s) => ladderText(en, true).arrow(s))).toEqual([
			['SYN', 'seq=4294967290'],
			['SYN, ACK', 'seq=3000000000', 'ack=4294967291'],
			['ACK', 'seq=4294967291', 'ack=3000000001'],
		]);
		const half = runExplorer({ scenario: 'half-close', isn, fromMs: 200 });
		expect(ladderText(zh, false).arrow(half.steps[2]!)).toEqual(['PSH, ACK', 'seq=1 ack=2', '100 字节数据']);
		const lost = runExplorer({ scenario: 'lost-syn', isn });
		expect(ladderText(en, false).timer(lost.timers[0]!)).toEqual(['RTO 1 s', 'retry 1']);
		expect(ladderText(zh, false).timer(lost.timers[0]!)).toEqual(['RTO 1 秒', '第 1 次重传']);
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
