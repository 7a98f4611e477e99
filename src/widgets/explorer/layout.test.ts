import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { widgetStrings } from '../i18n';
import { EXPLORERS } from './config';
import { gapPx, LADDER, ladderLayout, textWidth, type Box } from './layout';
import { FAULTS, runExplorer, type Fault } from './run';
import { ladderText } from './view';

const isn = { client: 100, server: 300 };
const en = widgetStrings('en').explorer;
const zh = widgetStrings('zh-CN').explorer;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('ladderLayout', () => {
	it('draws the handshake as RFC 9293 Figure 6 does: three arrows, each 50 ms down, from lifeline to lifeline', () => {
		const run = runExplorer({ scenario: 'handshake', isn });
		const l = ladderLayout(run, ladderText(en, false));
		// Hand-computed: first moment at y = 66, 50 ms = 65 units (1.3 per ms), client at x = 92, server at x = 228.
		expect(l.arrows.map((a) => [a.x1, a.y1, a.x2, a.y2, a.lost])).toEqual([
			[92, 66, 228, 131, false],
			[228, 131, 92, 196, false],
			[92, 196, 228, 261, false],
		]);
		expect(l.arrows.map((a) => a.label.lines)).toEqual([
			['SYN', 'seq=0'],
			['SYN, ACK', 'seq=0 ack=1'],
			['ACK', 'seq=1 ack=1'],
		]);
		expect(l.notes.map((n) => [n.side, n.lines[0], n.y + LADDER.line / 2, n.from])).toEqual([
			['client', 'CLOSED', 42, 0],
			['client', 'SYN-SENT', 66, 1],
			['client', 'ESTABLISHED', 196, 2],
			['server', 'LISTEN', 42, 0],
			['server', 'SYN-RECEIVED', 131, 1],
			['server', 'ESTABLISHED', 261, 3],
		]);
		expect(l.breaks).toEqual([]);
		expect(l.brackets).toEqual([]);
	});

	it('ends a lost segment half-way, brackets the expired timer and breaks the long wait', () => {
		const run = runExplorer({ scenario: 'lost-syn', isn });
		const l = ladderLayout(run, ladderText(en, false));
		const lost = l.arrows[0]!;
		expect(lost).toMatchObject({ lost: true, x1: 92, y1: 66 });
		expect(lost.x2).toBeCloseTo(92 + 136 * 0.55);
		expect(lost.y2).toBeCloseTo(66 + 65 * 0.55);
		// The RTO bracket runs beside the client's lifeline from the SYN to its retransmission at 1 s.
		const retransmitted = l.arrows[1]!;
		expect(l.brackets).toEqual([{ side: 'client', kind: 'rtx', x: 92 - LADDER.noteGap / 2, y1: 66, y2: retransmitted.y1, from: 2 }]);
		expect(retransmitted.y1 - 66).toBeCloseTo(65 + gapPx(950));
		expect(l.breaks).toHaveLength(1);
		expect(l.notes.find((n) => n.kind === 'timer')!.lines).toEqual(['RTO 1 s', 'retry 1']);
	});

	it('compresses long gaps but keeps them growing: 1 s, 2 s and 4 s waits are drawn shorter than to scale, longer in turn', () => {
		expect(gapPx(50)).toBe(65);
		expect(gapPx(5)).toBe(LADDER.minGap);
		const [a, b, c, d] = [1000, 2000, 4000, 240_000].map(gapPx);
		expect(a).toBeLessThan(b!);
		expect(b).toBeLessThan(c!);
		expect(c).toBeLessThan(d!);
		expect(d).toBeLessThan(280);
	});

	it('for any scenario and faults, keeps time running down, labels apart and between the lifelines, notes on the page', () => {
		const scenarios = [...EXPLORERS.handshake.scenarios, ...EXPLORERS.teardown.scenarios];
		const fault = fc.record({ kind: fc.constantFrom(...FAULTS), dir: fc.constantFrom('c2s' as const, 's2c' as const), index: fc.nat(4) });
		fc.assert(
			fc.property(
				fc.constantFrom(...scenarios),
				fc.uniqueArray(fault, { maxLength: 3, selector: (f) => `${f.dir}${f.index}` }),
				fc.boolean(),
				fc.constantFrom('en', 'zh-CN'),
				(scenario, faults: Fault[], absolute, lang) => {
					const t = lang === 'en' ? en : zh;
					const fromMs = EXPLORERS.teardown.scenarios.includes(scenario) ? 200 : 0;
					const run = runExplorer({ scenario, isn: { client: 4_000_000_000, server: 7 }, faults, fromMs });
					const l = ladderLayout(run, ladderText(t, absolute));
					const labels = l.arrows.map((a) => a.label);
					for (const [i, a] of l.arrows.entries()) {
						expect(a.y2).toBeGreaterThanOrEqual(a.y1);
						expect(a.label.x).toBeGreaterThanOrEqual(LADDER.x.client);
						expect(a.label.x + a.label.w).toBeLessThanOrEqual(LADDER.x.server);
						for (const b of labels.slice(0, i)) expect(overlaps(a.label, b), `${scenario} ${JSON.stringify(faults)} label ${i}`).toBe(false);
						const s = run.steps[i]!;
						for (const [j, o] of run.steps.entries()) if (o.sent.t < s.sent.t) expect(l.arrows[j]!.y1).toBeLessThan(a.y1);
					}
					for (const n of l.notes) {
						const w = Math.max(...n.lines.map((x) => textWidth(x)));
						expect(n.side === 'client' ? n.x - w : n.x + w).toBeGreaterThanOrEqual(0);
						expect(n.side === 'client' ? n.x - w : n.x + w).toBeLessThanOrEqual(LADDER.width);
						expect(n.from).toBeLessThanOrEqual(run.steps.length);
					}
					for (const side of ['client', 'server'] as const) {
						const mine = l.notes.filter((n) => n.side === side).sort((a, b) => a.y - b.y);
						for (let k = 1; k < mine.length; k++) expect(mine[k]!.y).toBeGreaterThanOrEqual(mine[k - 1]!.y + mine[k - 1]!.lines.length * LADDER.line);
					}
					expect(l.height).toBeGreaterThan(Math.max(...l.arrows.map((a) => a.y2), ...labels.map((b) => b.y + b.h)));
				},
			),
			{ numRuns: 150 },
		);
	});
});
