/**
 * Where the main thread's time goes while a page loads, from Chromium performance traces at a 4×
 * CPU slowdown (as Lighthouse's mobile preset; its blocking time counts each task's time over
 * 50 ms). For every page: its long tasks (> 50 ms at the slowdown) from navigation
 * until the page has been idle for a while, each with what it spent its time on (script by file,
 * style, layout, parsing, paint, garbage collection), and the JavaScript it ran before any
 * interaction (gzipped bytes: files and inline scripts, weighed from the build as the Lighthouse
 * gate weighs them: budgets.ts's splitJs). Several builds can be compared: their runs
 * are interleaved (A, B, A, B…) so a machine that is busier at one moment weighs on both, and the
 * medians of the runs are printed.
 *
 * Usage: node scripts/quality/trace.ts [dist…] [--runs=3] [--only=en/overview,why-four]
 *        [--slowdown=4] [--throttle] [--verbose] [--detail] [--save=<dir>]   (BASE_PATH as built)
 * By default the page loads at full speed and each task counts its main-thread CPU time times the
 * slowdown, as Lighthouse's simulation does: on a machine shared with other work, wall time also
 * counts the time the thread waited for a core. --throttle slows the CPU for real
 * (Emulation.setCPUThrottlingRate) and counts wall time, which is what a slow phone sees but
 * varies with the machine's load. --verbose lists the scripts each page ran; --save writes the
 * traces (open them in DevTools' Performance panel), --detail with Blink's own trace points in them
 * (text shaping, style sheet updates; they slow the page). --only names pages by path without slashes
 * (an empty name for the home page).
 * It is a measurement, not a test: its figures vary with the machine, and it fails on nothing.
 */
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../src/diagrams/chromium.ts';
import { kb, splitJs, weighPage, type PageWeight } from './budgets.ts';
import { pages, siteFromEnv, type Site } from './dist.ts';
import { median } from './lighthouse-report.ts';
import { serve } from './serve.ts';

/** A trace event as Chromium writes it (only the fields read here). */
export interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	/** Thread (CPU) time, µs. */
	tdur?: number;
	pid: number;
	tid: number;
	args?: Record<string, any>;
}

/** A main-thread task over 50 ms: when it started (ms after navigation), how long it took, and on what. */
export interface LongTask {
	start: number;
	duration: number;
	/** Milliseconds of self time per activity, largest first (`script …/x.js`, `style`, `layout`…). */
	parts: [string, number][];
}

const LONG = 50;

/** The activity a trace event's own time counts as; undefined when its time belongs to its parent. */
function activity(event: TraceEvent): string | undefined {
	const { name } = event;
	if (name === 'ParseHTML') return 'parse HTML';
	if (name === 'ParseAuthorStyleSheet') return 'parse CSS';
	if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
	if (name === 'Layout') return 'layout';
	if (/^(PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|RasterTask)$/.test(name)) return 'paint';
	if (/^(MinorGC|MajorGC|BlinkGC|V8\.GC|CppGC)/.test(name)) return 'GC';
	if (/^(Decode|ImageDecodeTask)/.test(name)) return 'images';
	if (/^(EvaluateScript|FunctionCall|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch|v8\.|V8\.|RunMicrotasks|ResourceReceivedData|XHRReadyStateChange)/.test(name)) {
		return 'script';
	}
	return undefined;
}

/** The script file a script event runs, when the trace names one. */
function scriptUrl(event: TraceEvent): string | undefined {
	const data = event.args?.data ?? event.args?.beginData;
	const url: unknown = data?.url ?? data?.stackTrace?.[0]?.url ?? event.args?.fileName;
	return typeof url === 'string' && url ? url : undefined;
}

/** The URL's path and file name, without origin: `/_astro/x.js`, or `(inline in /en/)`. */
const shortUrl = (url: string, page: string) => {
	const path = url.replace(/^[a-z]+:\/\/[^/]+/, '');
	return path === page ? `(inline in ${page})` : path;
};

/**
 * The long tasks of one thread's events: each top-level task (`RunTask`) over 50 ms, its time split
 * by activity from the self time of the events nested in it (script self time goes to the nearest
 * enclosing event that names its file). `origin` is the navigation's start (µs, trace clock).
 *
 * A task's length is the thread's CPU time in it (`tdur`) times `slowdown`, or with `slowdown` 0
 * its wall time (`dur`) as recorded (for a trace taken at a real CPU slowdown).
 */
export function longTasks(events: TraceEvent[], origin: number, { page = '', slowdown = 0 } = {}): LongTask[] {
	const length = (e: TraceEvent) => (slowdown ? (e.tdur ?? e.dur!) * slowdown : e.dur!);
	const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const tasks: LongTask[] = [];
	for (const [i, task] of complete.entries()) {
		if (task.name !== 'RunTask' || length(task) / 1000 <= LONG) continue;
		const end = task.ts + task.dur!;
		const parts = new Map<string, number>();
		const add = (label: string, us: number) => parts.set(label, (parts.get(label) ?? 0) + Math.max(0, us));
		// Walk the nested events with a stack, charging each its own time (its length minus its children's).
		const stack: { event: TraceEvent; label: string; children: number }[] = [];
		const close = (upTo: number) => {
			while (stack.length && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= upTo) {
				const done = stack.pop()!;
				add(done.label, length(done.event) - done.children);
				if (stack.length) stack.at(-1)!.children += length(done.event);
			}
		};
		stack.push({ event: task, label: 'other', children: 0 });
		for (const event of complete.slice(i + 1)) {
			if (event.ts >= end) break;
			close(event.ts);
			const parent = stack.at(-1)!;
			const kind = activity(event);
			let label = parent.label;
			if (kind === 'script') {
				const url = scriptUrl(event);
				label = url ? `script ${shortUrl(url, page)}` : parent.label.startsWith('script') ? parent.label : 'script';
			} else if (kind) {
				label = kind;
			}
			stack.push({ event, label, children: 0 });
		}
		close(Infinity);
		const ms = [...parts].map(([label, us]) => [label, us / 1000] as [string, number]).filter(([, t]) => t >= 1);
		tasks.push({ start: (task.ts - origin) / 1000, duration: length(task) / 1000, parts: ms.sort((a, b) => b[1] - a[1]) });
	}
	return tasks;
}

/** The renderer main thread that parsed `url`, and the time its navigation started. */
export function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number; origin: number } | undefined {
	const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
	if (!parse) return undefined;
	const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
	return { pid: parse.pid, tid: parse.tid, origin: navigation?.ts ?? parse.ts };
}

/** The events of the main thread that parsed `url`, and its navigation start; undefined if none did. */
export function mainThreadEvents(events: TraceEvent[], url: string): { events: TraceEvent[]; origin: number } | undefined {
	const thread = mainThread(events, url);
	return thread && { events: events.filter((e) => e.pid === thread.pid && e.tid === thread.tid), origin: thread.origin };
}

/** Blocking time, as Lighthouse counts it: each long task's time past 50 ms. */
export const blockingTime = (tasks: LongTask[]) => tasks.reduce((sum, t) => sum + t.duration - LONG, 0);

const CATEGORIES = [
	'-*',
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'blink.user_timing',
	'loading',
].join(',');

interface Run {
	tasks: LongTask[];
	/** Main-thread time in all tasks, ms at the slowdown. */
	busy: number;
	/** Gzipped bytes of JavaScript run before any interaction, inline scripts included. */
	jsAtLoad: number;
	scripts: string[];
}

/** One load's trace: the main thread's own events, its navigation start, and the scripts fetched. */
export interface LoadTrace {
	events: TraceEvent[];
	origin: number;
	scripts: string[];
}

/**
 * Loads `url` once as Lighthouse's mobile preset sees it (optionally with the CPU really slowed
 * `throttleRate` times), waits until the page has gone quiet, and returns its trace.
 */
export async function traceLoad(browser: Browser, url: string, { throttleRate = 0, detail = false, save = '' } = {}): Promise<LoadTrace> {
	// Lighthouse's mobile preset: a 412 × 823 screen at 1.75 device pixels per CSS pixel.
	const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
	const tab = await context.newPage();
	const scripts = new Set<string>();
	tab.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
	});
	const cdp = await context.newCDPSession(tab);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
	const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
	if (throttleRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttleRate });
	await cdp.send('Tracing.start', { categories: detail ? `${CATEGORIES},blink,fonts,disabled-by-default-fonts` : CATEGORIES, transferMode: 'ReportEvents' });
	await tab.goto(url, { waitUntil: 'load' });
	// Idle callbacks (the search UI, tables of contents) and widgets near the viewport run after
	// load; a page counts as loaded once nothing has been fetched for 2 s.
	await tab.waitForLoadState('networkidle');
	await tab.waitForTimeout(2000);
	await cdp.send('Tracing.end');
	await complete;
	await context.close();
	if (save) writeFileSync(save, JSON.stringify({ traceEvents: events }));
	const thread = mainThreadEvents(events, url);
	if (!thread) throw new Error(`${url}: no main thread found in the trace`);
	return { ...thread, scripts: [...scripts] };
}

/** One run of `page` of `site` (whose build-time `weight` prices the scripts it fetches). */
async function measure(browser: Browser, site: Site, weight: PageWeight, url: string, page: string, slowdown: number, throttle: boolean, detail: boolean, save?: string): Promise<Run> {
	const { events, origin, scripts } = await traceLoad(browser, url, { throttleRate: throttle ? slowdown : 0, detail, save });
	return {
		tasks: longTasks(events, origin, { page, slowdown: throttle ? 0 : slowdown }),
		busy: events.filter((e) => e.name === 'RunTask' && e.ph === 'X').reduce((sum, e) => sum + (throttle ? e.dur! : (e.tdur ?? e.dur!) * slowdown), 0) / 1000,
		jsAtLoad: splitJs(site, weight, scripts).atLoad,
		scripts,
	};
}

const ms = (value: number) => `${Math.round(value)}`;

async function main() {
	const args = process.argv.slice(2);
	const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
	const runs = Number(option('runs') ?? 3);
	const slowdown = Number(option('slowdown') ?? 4);
	const only = option('only')?.split(',');
	const verbose = args.includes('--verbose');
	const save = option('save');
	const throttle = args.includes('--throttle');
	const detail = args.includes('--detail');
	if (save) mkdirSync(save, { recursive: true });
	const { dir, base } = siteFromEnv([]);
	const dirs = args.filter((a) => !a.startsWith('--'));
	const sites: Site[] = (dirs.length ? dirs : [dir]).map((dir) => ({ dir, base }));
	const servers = await Promise.all(sites.map((site) => serve(site, 0)));
	const browser = await chromium.launch(chromiumLaunchOptions());
	const slug = (path: string) => path.replace(/^\/+|\/+$/g, '');
	const wanted = pages(sites[0]!).filter((p) => !p.endsWith('404.html') && (!only || only.map(slug).includes(slug(p.slice(base.length)))));
	const results = new Map<string, Run[]>();
	// Each build's weight of each page, read once: the runs only say which of its scripts were fetched.
	const weights = new Map<string, PageWeight>(sites.flatMap((site) => wanted.map((page) => [`${site.dir}\t${page}`, weighPage(site, page, () => false)] as const)));
	try {
		for (let run = 0; run < runs; run++) {
			for (const page of wanted) {
				for (const [s, site] of sites.entries()) {
					const url = `http://127.0.0.1:${(servers[s]!.address() as AddressInfo).port}${page}`;
					const key = `${site.dir}\t${page}`;
					const file = save && join(save, `${site.dir.replace(/\W+/g, '_')}${page.replace(/\W+/g, '_')}${run + 1}.json`);
					results.set(key, [...(results.get(key) ?? []), await measure(browser, site, weights.get(key)!, url, page, slowdown, throttle, detail, file)]);
				}
			}
		}
	} finally {
		await browser.close();
		for (const server of servers) server.close();
	}
	const how = throttle ? `CPU throttled ${slowdown}×, wall time` : `main-thread CPU time × ${slowdown}`;
	console.log(`Tasks timed by ${how}; ${runs} run(s) per page and build, medians (spread min–max):\n`);
	for (const page of wanted) {
		for (const site of sites) {
			const measured = results.get(`${site.dir}\t${page}`)!;
			const tbt = measured.map((r) => blockingTime(r.tasks));
			const longest = measured.map((r) => Math.max(0, ...r.tasks.map((t) => t.duration)));
			const counts = measured.map((r) => r.tasks.length);
			console.log(
				`${page.padEnd(24)} ${site.dir.padEnd(12)} long tasks ${median(counts)} (${Math.min(...counts)}–${Math.max(...counts)})` +
					`  longest ${ms(median(longest))} ms (${ms(Math.min(...longest))}–${ms(Math.max(...longest))})` +
					`  blocking ${ms(median(tbt))} ms (${ms(Math.min(...tbt))}–${ms(Math.max(...tbt))})` +
					`  busy ${ms(median(measured.map((r) => r.busy)))} ms` +
					`  JS ${kb(median(measured.map((r) => r.jsAtLoad)))} (inline ${kb(weights.get(`${site.dir}\t${page}`)!.inlineJs)})`,
			);
			// The run with the median blocking time shows what the long tasks were.
			const typical = measured[tbt.indexOf(median(tbt))] ?? measured.toSorted((a, b) => blockingTime(a.tasks) - blockingTime(b.tasks))[measured.length >> 1]!;
			for (const task of typical.tasks) {
				const what = task.parts.slice(0, 5).map(([label, t]) => `${label} ${ms(t)}`).join(', ');
				console.log(`    at ${ms(task.start).padStart(5)} ms: ${ms(task.duration).padStart(4)} ms  ${what}`);
			}
			if (verbose) console.log(`    scripts: ${typical.scripts.join(' ')}`);
		}
	}
}

if (import.meta.main) await main();
