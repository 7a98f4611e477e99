import { describe, expect, it } from 'vitest';
import { median, report, runFigures, spread, type RunFigures } from './lighthouse-report';
import type { Lhr } from './lighthouse-session';

const lhr = (score: number, tbt: number): Lhr => ({
	categories: { performance: { score: score / 100, auditRefs: [] } },
	audits: {
		'total-blocking-time': { score: 1, numericValue: tbt },
		'first-contentful-paint': { score: 1, numericValue: 900.4 },
		'largest-contentful-paint': { score: 1, numericValue: 1500 },
		'mainthread-work-breakdown': {
			score: 1,
			details: {
				items: [
					{ group: 'scriptEvaluation', duration: 310.2 },
					{ group: 'styleLayout', duration: 120 },
					{ group: 'other', duration: 40 },
				],
			},
		},
		'bootup-time': {
			score: 1,
			details: {
				items: [
					{ url: 'http://127.0.0.1:1/_astro/ui-core.js', total: 180 },
					{ url: 'http://127.0.0.1:1/en/', total: 220 },
				],
			},
		},
	},
});

describe('lighthouse report', () => {
	it('reads a run’s score, metrics, main-thread groups and costliest script', () => {
		expect(runFigures(lhr(97, 150))).toEqual({
			performance: 97,
			tbt: 150,
			fcp: 900.4,
			lcp: 1500,
			mainThread: { scriptEvaluation: 310.2, styleLayout: 120, paintCompositeRender: 0, scriptParseCompile: 0, parseHTML: 0, garbageCollection: 0, other: 40 },
			heaviestScript: { url: 'http://127.0.0.1:1/en/', ms: 220 },
		});
	});

	it('fails on a run without a metric rather than report 0', () => {
		const broken = lhr(97, 150);
		delete broken.audits['total-blocking-time'];
		expect(() => runFigures(broken)).toThrow('Lighthouse gave no total-blocking-time figure');
	});

	it('shows the median and the spread of the runs', () => {
		expect(spread([96, 99, 97, 98, 95])).toBe('97 (95–99)');
		expect(spread([100, 100, 100])).toBe('100');
		expect(spread([56.4, 357.2, 120])).toBe('120 (56–357)');
	});

	it('prints one row per page in each table', () => {
		const runs: RunFigures[] = [lhr(96, 200), lhr(98, 100), lhr(97, 150)].map(runFigures);
		const text = report([['/en/overview/', runs]]);
		expect(text).toContain('Median (min–max) of 3 runs per page');
		const rows = text.split('\n').filter((line) => line.startsWith('/en/overview/'));
		expect(rows).toHaveLength(2);
		expect(rows[0]!.split(/\s{2,}/)).toEqual(['/en/overview/', '97 (96–98)', '150 (100–200)', '900', '1500']);
		expect(rows[1]!.split(/\s{2,}/)).toEqual(['/en/overview/', '310', '120', '0', '0', '0', '0', '40', '/en/ 220']);
	});
});

describe('median', () => {
	it('takes the middle value, whatever the order', () => {
		expect(median([99, 70, 91])).toBe(91);
		expect(median([50])).toBe(50);
		expect(median([1, 2, 3, 4])).toBe(2.5);
		expect(() => median([])).toThrow('median of nothing');
	});
});
