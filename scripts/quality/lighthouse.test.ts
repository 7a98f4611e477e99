import { describe, expect, it } from 'vitest';
import { belowBar, checkPage, requestsOf, type LoadFigures, type PageResult } from './lighthouse';
import type { Category, Lhr } from './lighthouse-session';
import type { TraceEvent } from './trace';

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

/** A main-thread event of a run's trace: times in ms, CPU time as long as wall time. */
const x = (name: string, ts: number, ms: number, url?: string): TraceEvent => ({
	name,
	cat: 'devtools.timeline',
	ph: 'X',
	ts: ts * 1000,
	dur: ms * 1000,
	tdur: ms * 1000,
	pid: 1,
	tid: 1,
	...(url ? { args: { data: { url } } } : {}),
});
/** A quiet load: one short task. */
const QUIET = [x('RunTask', 10, 5)];

/** A fake `measure` that answers one run, recording what it was asked. */
function scripted(run: Lhr, events = QUIET) {
	const asked: (readonly Category[])[] = [];
	const measure = async (_page: string, categories: readonly Category[]) => {
		asked.push(categories);
		return { lhr: run, thread: { events, origin: 0 } };
	};
	return { measure, asked };
}

const full = (performance: number, cls: number | null = 0) => lhr({ performance, accessibility: 100, 'best-practices': 100, seo: 100 }, cls);

const result = (over: Partial<PageResult>): PageResult => ({
	page: '/x/',
	scores: { accessibility: 100, 'best-practices': 100, seo: 100 },
	performance: 97,
	cls: 0,
	shifted: [],
	load: LIGHT,
	script: { heaviest: undefined, over: [] },
	failing: [],
	...over,
});

describe('checkPage', () => {
	it('measures every category in one run', async () => {
		const { measure, asked } = scripted(full(96));
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(asked).toEqual([['performance', 'accessibility', 'best-practices', 'seo']]);
		expect(r).toMatchObject({ performance: 96, cls: 0, load: LIGHT, failing: [] });
		expect(belowBar(r)).toEqual([]);
	});

	it('never fails a page on its performance score: a timing that moves with the machine’s load', async () => {
		const { measure } = scripted(full(40));
		expect(belowBar(await checkPage('/x/', measure, () => LIGHT))).toEqual([]);
	});

	it('fails a page that shifts', async () => {
		const { measure } = scripted(full(99, 0.02));
		expect(belowBar(await checkPage('/x/', measure, () => LIGHT))).toEqual(['CLS 0.0200 > 0']);
	});

	it('names what moved in a page that shifts', async () => {
		const run = full(99, 0.0001);
		run.audits['layout-shifts'] = {
			score: null,
			details: {
				items: [
					{ node: { type: 'node', selector: 'summary > span.toggle' }, score: 0.00013 },
					{ score: 0.00002 },
					{
						node: { type: 'node', selector: 'div.sl-markdown-content > p', nodeLabel: 'TCP 传输的是字节流，而且每个字节都有一个序号（RFC 9293 §3.4）。报文段头部的序号字段' },
						score: 0.023,
						subItems: { type: 'subitems', items: [{ cause: 'Unsized image element' }] },
					},
				],
			},
		};
		expect(belowBar(await checkPage('/x/', scripted(run).measure, () => LIGHT))).toEqual([
			'CLS 0.0001 > 0: summary > span.toggle (0.00013), an element Lighthouse could not name (0.000020), ' +
				'div.sl-markdown-content > p “TCP 传输的是字节流，而且每个字节都有一个序号（RFC 9293 §3.4）。” (0.023; Unsized image element) moved',
		]);
	});

	it('fails a page whose script keeps one task busy past the bar, naming the file, and passes a long layout', async () => {
		const busy = [x('RunTask', 100, 310), x('EvaluateScript', 101, 300, 'http://127.0.0.1:9/_astro/heavy.js')];
		expect(belowBar(await checkPage('/x/', scripted(full(99), busy).measure, () => LIGHT))).toEqual([
			'300 ms of script in a task of 310 ms at 100 ms (script /_astro/heavy.js 300, other 10): over 60 ms of script CPU time in one task',
		]);
		const layout = [x('RunTask', 100, 200), x('Layout', 101, 190)];
		expect(belowBar(await checkPage('/x/', scripted(full(99), layout).measure, () => LIGHT))).toEqual([]);
	});

	it('treats a trace without CPU times as an error, not as a quiet page', async () => {
		const { tdur: _, ...wallOnly } = x('RunTask', 10, 80);
		await expect(checkPage('/x/', scripted(full(99), [wallOnly]).measure, () => LIGHT)).rejects.toThrow('/x/: the trace has no CPU time (tdur) for its tasks');
	});

	it('treats a missing CLS audit as an error, not as no shift', async () => {
		const { measure } = scripted(full(99, null));
		await expect(checkPage('/x/', measure, () => LIGHT)).rejects.toThrow('/x/: Lighthouse gave no cumulative-layout-shift figure');
	});

	it('treats a missing category score as an error', async () => {
		const { measure } = scripted(lhr({ performance: 99, accessibility: 100, seo: 100 }));
		await expect(checkPage('/x/', measure, () => LIGHT)).rejects.toThrow('/x/: Lighthouse gave no best-practices score');
	});

	it('names the failing audits of a category below 100', async () => {
		const { measure } = scripted(lhr({ performance: 99, accessibility: 92, 'best-practices': 100, seo: 100 }));
		const r = await checkPage('/x/', measure, () => LIGHT);
		expect(belowBar(r)).toEqual(['accessibility 92 < 100']);
		expect(r.failing).toEqual(['accessibility/accessibility-audit (accessibility shown)']);
	});
});

describe('belowBar', () => {
	it('names each bar a page misses, with its figures', () => {
		const r = result({
			scores: { accessibility: 100, 'best-practices': 96, seo: 100 },
			performance: 41,
			cls: 0.1,
			load: { jsAtLoad: 31.7 * 1024, jsLater: 0, requests: 31, domElements: 5001 },
		});
		expect(belowBar(r)).toEqual([
			'best-practices 96 < 100',
			'CLS 0.1000 > 0',
			'JS at load 31.7 KB > 15.0 KB',
			'requests at load 31 > 30',
			'DOM elements 5001 > 5000',
		]);
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
