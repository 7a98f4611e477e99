/**
 * The Lighthouse gate (mobile preset) over every page of the built site. Nothing here passes or
 * fails on a timing that varies on an unchanged build:
 * - accessibility, best practices and SEO must be 100, from one run: they do not depend on timing;
 * - performance is the MEDIAN of three runs against a wide regression bar (< 90 fails): on a
 *   shared 2-core machine one run's score moves by several points, the median of three by less,
 *   and the bar sits far below what the pages score (the real figures are in
 *   `npm run report:lighthouse`, not here);
 * - layout shift is measured in every run, and any run with CLS > 0 fails;
 * - from the first run's load of the page, left untouched: the JavaScript it ran before any
 *   interaction (gzipped, weighed from the build: budgets.ts), its requests and its elements,
 *   against budgets.ts's budgets.
 * A missing score or audit is an error, never a pass. Prints a table; exits 1 listing each page
 * and what it missed.
 *
 * Usage: node scripts/quality/lighthouse.ts [dist] [--only=<substring>]   (BASE_PATH as built)
 */
import { readChunkMap } from '../../src/quality/chunk-map.ts';
import { BUDGETS, kb, LIMITS, splitJs, weighPage } from './budgets.ts';
import { pages, siteFromEnv, type Site } from './dist.ts';
import { CATEGORIES, lighthouseSession, onlyArg, type Category, type Lhr, type Measure } from './lighthouse-session.ts';

/** Categories that must score 100 in the first run. */
export const FULL_MARKS: readonly Category[] = ['accessibility', 'best-practices', 'seo'];
/** The performance median below which a page fails: a regression bar, not a target (the pages score 95–100). */
export const PERFORMANCE_BAR = 90;
/** Performance runs whose median decides. Odd, so the median is one run's score. */
export const PERFORMANCE_RUNS = 3;

/** What the first run saw of the page loaded without any interaction. */
export interface LoadFigures {
	/** Gzipped bytes of JavaScript run before the reader's first interaction. */
	jsAtLoad: number;
	/** Gzipped bytes of JavaScript the page can load later (near a widget, on a move toward search). */
	jsLater: number;
	requests: number;
	domElements: number;
}

export interface PageResult {
	page: string;
	/** Run 1's scores of the full-mark categories. */
	scores: Record<string, number>;
	/** Performance score of each run, in run order. */
	performance: number[];
	/** Cumulative layout shift of each run, in run order. */
	cls: number[];
	load: LoadFigures;
	/** Failing audits of each category below its bar, for the reader of the failure. */
	failing: string[];
}

export function median(values: number[]): number {
	if (!values.length) throw new Error('median of nothing');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Whether the median of `runs` scores is already on one side of `bar` with the scores so far:
 * once more than half of the runs are on one side, the runs still to come cannot move the median
 * across (with three runs: two on the same side decide it, so the third is not run).
 */
export function medianDecided(scores: number[], bar: number, runs = PERFORMANCE_RUNS): 'pass' | 'fail' | undefined {
	const majority = Math.floor(runs / 2) + 1;
	if (scores.filter((s) => s >= bar).length >= majority) return 'pass';
	if (scores.filter((s) => s < bar).length >= majority) return 'fail';
	return undefined;
}

const score = (lhr: Lhr, category: Category, where: string): number => {
	const value = lhr.categories[category]?.score;
	if (typeof value !== 'number') throw new Error(`${where}: Lighthouse gave no ${category} score`);
	return Math.round(value * 100);
};

const numeric = (lhr: Lhr, audit: string, where: string): number => {
	const value = lhr.audits[audit]?.numericValue;
	if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`${where}: Lighthouse gave no ${audit} figure`);
	return value;
};

/** Failing audits of a category (those that count toward its score), e.g. `seo/meta-description (0)`. */
const failingAudits = (lhr: Lhr, category: Category): string[] =>
	(lhr.categories[category]?.auditRefs ?? [])
		.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
		.map((ref) => `${category}/${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);

/** URL paths of the requests of a load, from the network-requests audit; `scripts` only those of type Script. */
export function requestsOf(lhr: Lhr, where: string): { all: string[]; scripts: string[] } {
	const items = lhr.audits['network-requests']?.details?.items;
	if (!items) throw new Error(`${where}: Lighthouse gave no network-requests list`);
	const http = items.filter((item) => /^https?:/.test(String(item.url)));
	return {
		all: http.map((item) => new URL(String(item.url)).pathname),
		scripts: http.filter((item) => item.resourceType === 'Script').map((item) => new URL(String(item.url)).pathname),
	};
}

/**
 * Measures one page: run 1 in every category, then performance alone until the median of
 * PERFORMANCE_RUNS is decided (two runs when both fall on the same side of the bar). `loadFigures`
 * turns run 1 into the page's load figures.
 */
export async function checkPage(page: string, measure: Measure, loadFigures: (lhr: Lhr) => LoadFigures): Promise<PageResult> {
	const performance: number[] = [];
	const cls: number[] = [];
	let first: Lhr | undefined;
	let scores: Record<string, number> = {};
	for (let run = 1; run <= PERFORMANCE_RUNS && !medianDecided(performance, PERFORMANCE_BAR); run++) {
		const lhr = await measure(page, run === 1 ? CATEGORIES : ['performance']);
		const where = `${page} (run ${run})`;
		if (!first) {
			first = lhr;
			scores = Object.fromEntries(FULL_MARKS.map((c) => [c, score(lhr, c, where)]));
		}
		performance.push(score(lhr, 'performance', where));
		cls.push(numeric(lhr, 'cumulative-layout-shift', where));
	}
	const failing = FULL_MARKS.filter((c) => scores[c]! < 100).flatMap((c) => failingAudits(first!, c));
	if (medianDecided(performance, PERFORMANCE_BAR) === 'fail') failing.push(...failingAudits(first!, 'performance'));
	return { page, scores, performance, cls, load: loadFigures(first!), failing };
}

/** What a page missed, one line each; empty when it passes. */
export function belowBar(result: PageResult, budgets = BUDGETS, limits = LIMITS): string[] {
	const below = FULL_MARKS.filter((c) => result.scores[c] !== 100).map((c) => `${c} ${result.scores[c]} < 100`);
	const verdict = medianDecided(result.performance, PERFORMANCE_BAR);
	if (verdict !== 'pass') {
		const runs = result.performance.join(', ');
		below.push(
			verdict === undefined
				? `performance undecided after ${result.performance.length} run(s): ${runs}`
				: result.performance.length === PERFORMANCE_RUNS
					? `performance median ${median(result.performance)} < ${PERFORMANCE_BAR} (runs: ${runs})`
					: `performance < ${PERFORMANCE_BAR} in ${result.performance.length} of ${PERFORMANCE_RUNS} runs, so is its median (runs: ${runs})`,
		);
	}
	result.cls.forEach((shift, i) => {
		if (shift > 0) below.push(`CLS ${shift.toFixed(4)} > 0 in run ${i + 1}`);
	});
	const { load } = result;
	if (load.jsAtLoad > budgets.jsAtLoad) below.push(`JS at load ${kb(load.jsAtLoad)} > ${kb(budgets.jsAtLoad)}`);
	if (load.requests > limits.requests) below.push(`requests at load ${load.requests} > ${limits.requests}`);
	if (load.domElements > limits.domElements) below.push(`DOM elements ${load.domElements} > ${limits.domElements}`);
	return below;
}

/** The load figures of a page of `site` from a Lighthouse run of it. */
export function loadFiguresFor(site: Site, page: string, isWidgetChunk: (path: string) => boolean) {
	return (lhr: Lhr): LoadFigures => {
		const requests = requestsOf(lhr, page);
		const { atLoad, later } = splitJs(site, weighPage(site, page, isWidgetChunk), requests.scripts);
		return { jsAtLoad: atLoad, jsLater: later, requests: requests.all.length, domElements: numeric(lhr, 'dom-size-insight', page) };
	};
}

export function row(r: PageResult): string {
	const verdict = r.performance.length < PERFORMANCE_RUNS ? ` (decided after ${r.performance.length})` : ` (median ${median(r.performance)})`;
	return [
		r.page.padEnd(26),
		`perf ${r.performance.join(' ')}${verdict}`.padEnd(34),
		FULL_MARKS.map((c) => String(r.scores[c])).join('/').padEnd(12),
		`CLS ${r.cls.map((c) => (c === 0 ? '0' : c.toFixed(4))).join(' ')}`.padEnd(14),
		`JS ${kb(r.load.jsAtLoad)} + ${kb(r.load.jsLater)} later`.padEnd(26),
		`${r.load.requests} requests, ${r.load.domElements} elements`,
	].join(' ');
}

async function main() {
	const site = siteFromEnv();
	const only = onlyArg();
	const chunks = readChunkMap(site.dir);
	const isWidgetChunk = (path: string) => chunks?.[path.slice(site.base.length)]?.widget === true;
	const session = await lighthouseSession(site);
	const results: PageResult[] = [];
	console.log(`${'page'.padEnd(26)} ${'performance per run'.padEnd(34)} ${'a11y/bp/seo'.padEnd(12)} ${'CLS per run'.padEnd(14)} JS (gzipped), load`);
	try {
		for (const page of pages(site).filter((p) => !only || p.includes(only))) {
			const result = await checkPage(page, session.measure, loadFiguresFor(site, page, isWidgetChunk));
			results.push(result);
			console.log(row(result));
		}
	} finally {
		await session.close();
	}
	const failures = results
		.filter((r) => belowBar(r).length)
		.map((r) => `${r.page}: ${belowBar(r).join('; ')}${r.failing.length ? `\n      ${r.failing.join('\n      ')}` : ''}`);
	const bars = `performance median of ${PERFORMANCE_RUNS} ≥ ${PERFORMANCE_BAR}, ${FULL_MARKS.join(', ')} 100, CLS 0 in every run, JS at load ≤ ${kb(BUDGETS.jsAtLoad)}, ≤ ${LIMITS.requests} requests, ≤ ${LIMITS.domElements} elements`;
	if (failures.length) {
		console.error(`\n✗ ${failures.length} page(s) below the bar (${bars}):\n  ${failures.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`✓ Lighthouse: ${results.length} pages at or above the bar (${bars})`);
}

if (import.meta.main) await main();
