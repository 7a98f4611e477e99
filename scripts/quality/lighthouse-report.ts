/**
 * A report, not a gate: Lighthouse's performance figures for every page of the built site, five
 * runs each (mobile preset, served as by a static host: lighthouse-session.ts). Prints, per page,
 * the median and the spread (min–max) of the performance score, Total Blocking Time, First and
 * Largest Contentful Paint, then where the main thread's time went while loading (Lighthouse's
 * mainthread-work-breakdown: script evaluation, style & layout, rendering, parsing…) and the
 * script that cost the most (bootup-time). README.md says how to read it. Not part of npm test:
 * these figures vary from run to run; the gate (lighthouse.ts) decides on what does not.
 *
 * Usage: npm run report:lighthouse [-- --only=<substring>] [-- --runs=<n>]   (after npm run build)
 */
import { pages, siteFromEnv } from './dist.ts';
import { lighthouseSession, onlyArg, type Lhr } from './lighthouse-session.ts';

export const REPORT_RUNS = 5;

export function median(values: number[]): number {
	if (!values.length) throw new Error('median of nothing');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Lighthouse's main-thread task groups, in the order the report shows them. */
export const TASK_GROUPS = [
	['scriptEvaluation', 'script'],
	['styleLayout', 'style+layout'],
	['paintCompositeRender', 'render'],
	['scriptParseCompile', 'JS parse'],
	['parseHTML', 'HTML+CSS parse'],
	['garbageCollection', 'GC'],
	['other', 'other'],
] as const;

/** One run's figures: score 0–100, times in ms. */
export interface RunFigures {
	performance: number;
	tbt: number;
	fcp: number;
	lcp: number;
	/** Main-thread milliseconds per task group. */
	mainThread: Record<string, number>;
	/** The script with the most main-thread time (evaluation, parse and compile), if Lighthouse named one. */
	heaviestScript?: { url: string; ms: number };
}

const figure = (lhr: Lhr, audit: string): number => {
	const value = lhr.audits[audit]?.numericValue;
	if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${audit} figure`);
	return value;
};

export function runFigures(lhr: Lhr): RunFigures {
	const score = lhr.categories.performance?.score;
	if (typeof score !== 'number') throw new Error('Lighthouse gave no performance score');
	const mainThread: Record<string, number> = Object.fromEntries(TASK_GROUPS.map(([id]) => [id, 0]));
	for (const item of lhr.audits['mainthread-work-breakdown']?.details?.items ?? []) {
		mainThread[String(item.group)] = (mainThread[String(item.group)] ?? 0) + Number(item.duration);
	}
	const scripts = (lhr.audits['bootup-time']?.details?.items ?? []).map((item) => ({ url: String(item.url), ms: Number(item.total) }));
	const heaviest = scripts.sort((a, b) => b.ms - a.ms)[0];
	return {
		performance: Math.round(score * 100),
		tbt: figure(lhr, 'total-blocking-time'),
		fcp: figure(lhr, 'first-contentful-paint'),
		lcp: figure(lhr, 'largest-contentful-paint'),
		mainThread,
		...(heaviest && { heaviestScript: heaviest }),
	};
}

/** `median (min–max)`, rounded; one value alone when they are all equal. */
export function spread(values: number[]): string {
	const [m, min, max] = [median(values), Math.min(...values), Math.max(...values)].map(Math.round);
	return min === max ? String(m) : `${m} (${min}–${max})`;
}

/** A script's file name, or the page's path for its inline scripts. */
const scriptName = (url: string) => {
	const path = URL.canParse(url) ? new URL(url).pathname : url;
	return path.endsWith('/') ? path : path.replace(/^.*\//, '');
};

function formatTable(rows: string[][]): string {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The two tables of the report, from each page's runs. */
export function report(runsByPage: [string, RunFigures[]][]): string {
	const metrics = [
		['page', 'performance', 'TBT ms', 'FCP ms', 'LCP ms'],
		...runsByPage.map(([page, runs]) => [
			page,
			spread(runs.map((r) => r.performance)),
			spread(runs.map((r) => r.tbt)),
			spread(runs.map((r) => r.fcp)),
			spread(runs.map((r) => r.lcp)),
		]),
	];
	const mainThread = [
		['page', ...TASK_GROUPS.map(([, label]) => label), 'heaviest script'],
		...runsByPage.map(([page, runs]) => {
			const heaviest = runs.map((r) => r.heaviestScript).filter((s) => s !== undefined);
			const names = [...new Set(heaviest.map((s) => scriptName(s.url)))];
			return [
				page,
				...TASK_GROUPS.map(([id]) => spread(runs.map((r) => r.mainThread[id] ?? 0))),
				heaviest.length ? `${names.join(' / ')} ${spread(heaviest.map((s) => s.ms))}` : '—',
			];
		}),
	];
	const runs = runsByPage[0]?.[1].length ?? 0;
	return [
		`Median (min–max) of ${runs} runs per page; Lighthouse mobile preset (simulated 4× CPU slowdown and slow 4G).`,
		'',
		formatTable(metrics),
		'',
		'Main-thread time while loading, ms (mainthread-work-breakdown), and the costliest script (bootup-time):',
		'',
		formatTable(mainThread),
	].join('\n');
}

async function main() {
	const site = siteFromEnv();
	const only = onlyArg();
	const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? REPORT_RUNS);
	const session = await lighthouseSession(site);
	const runsByPage: [string, RunFigures[]][] = [];
	try {
		for (const page of pages(site).filter((p) => !only || p.includes(only))) {
			const figures: RunFigures[] = [];
			for (let run = 0; run < runs; run++) figures.push(runFigures((await session.measure(page, ['performance'])).lhr));
			runsByPage.push([page, figures]);
			process.stderr.write(`${page}: performance ${figures.map((f) => f.performance).join(' ')}\n`);
		}
	} finally {
		await session.close();
	}
	console.log(report(runsByPage));
}

if (import.meta.main) await main();
