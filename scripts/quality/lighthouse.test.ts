import { describe, expect, it } from 'vitest';
import { belowBar, checkPage, median, medianDecided, PERFORMANCE_BAR, requestsOf, type LoadFigures, type PageResult } from './lighthouse';
import type { Category, Lhr } from './lighthouse-session';

const LIGHT: LoadFigures = { jsAtLoad: 4_000, jsLater: 30_000, requests: 12, domElements: 900 };

/** A Lighthouse result with the given scores (0–100) and CLS; `cls: null` leaves the audit out. */
function lhr(scores: Partial<Record<Category, number>>, cls: number | null = 0): Lhr {
	return {
		categories: Object.fromEntries(
			Object.entries(scores).map(([c, s]) => [c, { score: s / 100, auditRefs: [{ id: `${c}-audit`, weight: 1 }] }]),
		),
		audits: {
			...(cls === null ? {} : { 'cumulative-layout-shift': { score: cls === 0 ? 1 : 0.5, numericValue: cls } }),
			...Object.fromEntries(Object.entries(scores).map(([c, s]) => [`${c}-audit`, { score: s / 100, displayValue: `${c} shown` }])),
		},
	};
}

/** A fake `measure` that answers run after run from a script, recording what it was asked. */
function scripted(runs: Lhr[]) {
	const asked: (readonly Category[])[] = [];
	const measure = async (_page: string, categories: readonly Category[]) => {
		asked.push(categories);
		const next = runs.shift();
		if (!next) throw new Error('measured more often than scripted');
		return next;
	};
	return { measure, asked };
}

const full = (performance: number, cls = 0) => lhr({ performance, accessibility: 100, 'best-practices': 100, seo: 100 }, cls);
const perf = (performance: number, cls: number | null = 0) => lhr({ performance }, cls);

const result = (over: Partial<PageResult>): PageResult => ({
	page: '/x/',
	scores: { accessibility: 100, 'best-practices': 100, seo: 100 },
	performance: [97, 98],
	cls: [0, 0],
	load: LIGHT,
	failing: [],
	...over,
});

describe('median and when it is decided', () => {
	it('takes the middle value, whatever the order', () => {
		expect(median([99, 70, 91])).toBe(91);
		expect(median([50])).toBe(50);
		expect(median([1, 2, 3, 4])).toBe(2.5);
		expect(() => median([])).toThrow('median of nothing');
	});

	it('is decided by two runs of three on the same side of the bar, by three otherwise', () => {
		expect(medianDecided([95], 90)).toBeUndefined();
		expect(medianDecided([95, 96], 90)).toBe('pass');
		expect(medianDecided([90, 90], 90)).toBe('pass');
		expect(medianDecided([89, 70], 90)).toBe('fail');
		expect(medianDecided([95, 80], 90)).toBeUndefined();
		expect(medianDecided([95, 80, 91], 90)).toBe('pass');
		expect(medianDecided([95, 80, 89], 90)).toBe('fail');
	});

	it('agrees with the median of all three runs whatever the third would have been', () => {
		for (const [a, b] of [[95, 96], [80, 85], [90, 99], [60, 89]] as const) {
			for (const c of [0, 50, 89, 90, 100]) {
				expect(medianDecided([a, b], 90), `${a} ${b} then ${c}`).toBe(median([a, b, c]) >= 90 ? 'pass' : 'fail');
			}
		}
	});
});

describe('checkPage: the run loop', () => {
	it('measures every category once, then performance alone, and stops after two runs that agree', async () => {
		const { measure, asked } = scripted([full(96), perf(97)]);
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(asked).toEqual([['performance', 'accessibility', 'best-practices', 'seo'], ['performance']]);
		expect(r.performance).toEqual([96, 97]);
		expect(r.cls).toEqual([0, 0]);
		expect(belowBar(r)).toEqual([]);
	});

	it('runs a third time when the first two disagree, and the median decides', async () => {
		const passing = scripted([full(95), perf(70), perf(91)]);
		const pass = await checkPage('/x/', passing.measure, () => LIGHT);
		expect(pass.performance).toEqual([95, 70, 91]);
		expect(belowBar(pass)).toEqual([]);

		const failing = scripted([full(95), perf(70), perf(85)]);
		const fail = await checkPage('/x/', failing.measure, () => LIGHT);
		expect(belowBar(fail)).toEqual(['performance median 85 < 90 (runs: 95, 70, 85)']);
		expect(fail.failing).toEqual(['performance/performance-audit (performance shown)']);
	});

	it('fails a page slow in two runs without a third', async () => {
		const { measure, asked } = scripted([full(72), perf(75)]);
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(asked).toHaveLength(2);
		expect(belowBar(r)).toEqual(['performance < 90 in 2 of 3 runs, so is its median (runs: 72, 75)']);
	});

	it('measures layout shift in every run: one shifting run of three fails the page', async () => {
		const { measure } = scripted([full(99), perf(80, 0.02), perf(99)]);
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(r.cls).toEqual([0, 0.02, 0]);
		expect(belowBar(r)).toEqual(['CLS 0.0200 > 0 in run 2']);
	});

	it('treats a missing CLS audit as an error, not as no shift', async () => {
		const { measure } = scripted([full(99), perf(99, null)]);
		await expect(checkPage('/x/', measure, () => LIGHT)).rejects.toThrow('/x/ (run 2): Lighthouse gave no cumulative-layout-shift figure');
	});

	it('treats a missing category score as an error', async () => {
		const { measure } = scripted([lhr({ performance: 99, accessibility: 100, seo: 100 })]);
		await expect(checkPage('/x/', measure, () => LIGHT)).rejects.toThrow('/x/ (run 1): Lighthouse gave no best-practices score');
	});

	it('names the failing audits of a category below 100, from the first run', async () => {
		const { measure } = scripted([lhr({ performance: 99, accessibility: 92, 'best-practices': 100, seo: 100 }), perf(99)]);
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(belowBar(r)).toEqual(['accessibility 92 < 100']);
		expect(r.failing).toEqual(['accessibility/accessibility-audit (accessibility shown)']);
	});

	it('reads the load figures from the first run only', async () => {
		const { measure } = scripted([full(99), perf(99)]);
		const seen: Lhr[] = [];
		await checkPage('/x/', measure, (first) => (seen.push(first), LIGHT));
		expect(seen).toHaveLength(1);
		expect(seen[0]!.categories.seo).toBeDefined();
	});
});

describe('belowBar', () => {
	it('passes a page at every bar, the performance bar included', () => {
		expect(belowBar(result({ performance: [PERFORMANCE_BAR, PERFORMANCE_BAR] }))).toEqual([]);
	});

	it('names each bar a page misses, with its figures', () => {
		const r = result({
			scores: { accessibility: 100, 'best-practices': 96, seo: 100 },
			performance: [99, 40, 41],
			cls: [0.1, 0, 0.003],
			load: { jsAtLoad: 31.7 * 1024, jsLater: 0, requests: 31, domElements: 5001 },
		});
		expect(belowBar(r)).toEqual([
			'best-practices 96 < 100',
			'performance median 41 < 90 (runs: 99, 40, 41)',
			'CLS 0.1000 > 0 in run 1',
			'CLS 0.0030 > 0 in run 3',
			'JS at load 31.7 KB > 15.0 KB',
			'requests at load 31 > 30',
			'DOM elements 5001 > 5000',
		]);
	});

	it('never passes performance that was not decided', () => {
		expect(belowBar(result({ performance: [95] }))).toEqual(['performance undecided after 1 run(s): 95']);
	});
});

describe('requestsOf', () => {
	it('lists the page’s http requests and which are scripts, and fails without the audit', () => {
		const audits = {
			'network-requests': {
				score: null,
				details: {
					items: [
						{ url: 'http://127.0.0.1:9/en/', resourceType: 'Document' },
						{ url: 'http://127.0.0.1:9/_astro/page.js', resourceType: 'Script' },
						{ url: 'http://127.0.0.1:9/_astro/a.css', resourceType: 'Stylesheet' },
						{ url: 'data:image/png;base64,AAAA', resourceType: 'Image' },
					],
				},
			},
		};
		expect(requestsOf({ categories: {}, audits }, '/en/')).toEqual({ all: ['/en/', '/_astro/page.js', '/_astro/a.css'], scripts: ['/_astro/page.js'] });
		expect(() => requestsOf({ categories: {}, audits: {} }, '/en/')).toThrow('/en/: Lighthouse gave no network-requests list');
	});
});
