/**
 * Lighthouse (mobile preset) on every page of the built site, one after another, served by
 * scripts/quality/serve.ts (gzip and dist/_headers, like a static host). Bars: performance ≥ 98,
 * accessibility, best practices and SEO 100, CLS 0. Prints a table and exits 1 listing each page
 * and category below the bar. A page whose performance falls short is measured again, up to
 * LIGHTHOUSE_RUNS (default 5) runs in all, and its best run counts, as with Lighthouse CI's
 * "optimistic" aggregation: on a 2-core machine the same page's blocking time varies from run to
 * run by more than the bar's margin (measured: 56–357 ms), and the best run is the one least
 * disturbed by the machine. Re-runs measure performance alone: accessibility, best practices and
 * SEO do not depend on timing.
 *
 * Usage: node scripts/quality/lighthouse.ts [dist] [--only=<substring>]   (BASE_PATH as built)
 * Chromium: CHROME_PATH, else CHROMIUM_PATH, else Playwright's choice (src/diagrams/chromium.ts).
 */
import type { AddressInfo } from 'node:net';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/diagrams/chromium.ts';
import { pages, siteFromEnv } from './dist.ts';
import { serve } from './serve.ts';

export const BARS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof BARS;
/** Screenshots feed the HTML report only, never a score, and cost seconds per run on long pages. */
const UNSCORED_EXTRAS = { disableFullPageScreenshot: true, skipAudits: ['screenshot-thumbnails', 'final-screenshot'] };
const CATEGORIES = Object.keys(BARS) as Category[];

export interface PageScores {
	page: string;
	scores: Record<Category, number>;
	cls: number;
	/** Failing audits of the categories below their bar, for the report. */
	failing: string[];
	runs: number;
}

export function belowBar(result: PageScores): string[] {
	const below = CATEGORIES.filter((c) => result.scores[c] < BARS[c]).map((c) => `${c} ${result.scores[c]} < ${BARS[c]}`);
	if (result.cls > 0) below.push(`CLS ${result.cls.toFixed(3)} > 0`);
	return below;
}

/** The run with fewer categories below the bar wins, then the faster one: timing is what varies. */
const isBetter = (a: PageScores, b: PageScores) =>
	belowBar(a).length - belowBar(b).length < 0 ||
	(belowBar(a).length === belowBar(b).length && a.scores.performance > b.scores.performance);

async function main() {
	const site = siteFromEnv();
	const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
	const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
	const server = await serve(site, Number(process.env.LIGHTHOUSE_PORT ?? 0));
	const { port } = server.address() as AddressInfo;
	const chromePath = process.env.CHROME_PATH ?? chromiumExecutable() ?? (await import('playwright')).chromium.executablePath();
	const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
	const results: PageScores[] = [];
	try {
		for (const page of pages(site).filter((p) => !only || p.includes(only))) {
			const url = `http://127.0.0.1:${port}${page}`;
			let best: PageScores | undefined;
			for (let run = 1; run <= runs; run++) {
				// Only timing varies between runs: a re-run measures performance alone (CLS is one of its audits).
				const measured: Category[] = best ? ['performance'] : CATEGORIES;
				const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: measured, ...UNSCORED_EXTRAS });
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
				if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
				const scores = { ...best?.scores } as Record<Category, number>;
				for (const c of measured) scores[c] = Math.round((lhr.categories[c]?.score ?? 0) * 100);
				const failing = CATEGORIES.filter((c) => scores[c] < BARS[c]).flatMap((c) =>
					measured.includes(c)
						? (lhr.categories[c]?.auditRefs ?? [])
								.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
								.map((ref) => `${c}/${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`)
						: best!.failing.filter((f) => f.startsWith(`${c}/`)),
				);
				const current: PageScores = { page, scores, cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0, failing, runs: run };
				if (!best || isBetter(current, best)) best = current;
				best.runs = run;
				if (best.scores.performance >= BARS.performance && best.cls === 0) break;
			}
			results.push(best!);
			const s = best!.scores;
			console.log(
				`${page.padEnd(28)} perf ${String(s.performance).padStart(3)}  a11y ${String(s.accessibility).padStart(3)}  bp ${String(s['best-practices']).padStart(3)}  seo ${String(s.seo).padStart(3)}  CLS ${best!.cls.toFixed(3)}${best!.runs > 1 ? `  (best of ${best!.runs})` : ''}`,
			);
		}
	} finally {
		chrome.kill();
		server.close();
	}
	const worst = (c: Category) => results.reduce((a, b) => (b.scores[c] < a.scores[c] ? b : a));
	console.log(
		`\nworst: ${CATEGORIES.map((c) => `${c} ${worst(c).scores[c]} (${worst(c).page})`).join(', ')}; max CLS ${Math.max(...results.map((r) => r.cls)).toFixed(3)}`,
	);
	const failures = results
		.filter((r) => belowBar(r).length)
		.map((r) => `${r.page}: ${belowBar(r).join(', ')}${r.failing.length ? `\n      ${r.failing.join('\n      ')}` : ''}`);
	if (failures.length) {
		console.error(`\n✗ ${failures.length} page(s) below the bar (perf ≥ ${BARS.performance}, others 100, CLS 0):\n  ${failures.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`✓ Lighthouse: ${results.length} pages at or above the bar`);
}

if (import.meta.main) await main();
