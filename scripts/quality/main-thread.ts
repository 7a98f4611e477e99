/**
 * The main-thread gate: while it loads, no page may run script that keeps the main thread busy
 * for more than SCRIPT_BAR_MS of CPU time in one task (at full speed; ×4 is what Lighthouse's
 * mobile preset would charge it). It is what a performance score was meant to catch — a page
 * whose code does too much before the reader can use it — measured in the thread's own CPU time
 * (`tdur` in Chromium's trace) rather than a score, which moved from 69 to 100 on an unchanged
 * page. Style and layout are left to the deterministic budgets (HTML bytes, DOM elements): on
 * this shared VM their CPU time grew 2.4× under load (61 → 144 ms for /glossary/'s first
 * layout), while the pages' own script stays far below the bar. Each page is loaded once, as the
 * trace report loads it (trace.ts); a trace without CPU times is an error, never a pass.
 *
 * Usage: node scripts/quality/main-thread.ts [dist] [--only=<substring>]   (BASE_PATH as built)
 */
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/diagrams/chromium.ts';
import { pages, siteFromEnv } from './dist.ts';
import { onlyArg } from './lighthouse-session.ts';
import { serve } from './serve.ts';
import { longTasks, traceLoad, type LongTask, type TraceEvent } from './trace.ts';

/**
 * The most script CPU time one task may take at load, ms at full speed. A 300 ms busy loop at
 * load was charged 180–220 ms here (the VM's host takes part of the wall time: CPU time counts
 * only what the thread ran); the pages' own script never made a task reach 50 ms.
 */
export const SCRIPT_BAR_MS = 60;

/** CPU time a task spent running script, whatever the file. */
export const scriptTime = (task: LongTask) => task.parts.filter(([label]) => label.startsWith('script')).reduce((sum, [, ms]) => sum + ms, 0);

/** The page's tasks over the bar, by the CPU time their script took; throws when the trace has no CPU times. */
export function overBar(events: TraceEvent[], origin: number, page: string, bar = SCRIPT_BAR_MS): { heaviest: LongTask | undefined; over: LongTask[] } {
	const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
	if (!tasks.length || tasks.some((e) => typeof e.tdur !== 'number')) throw new Error(`${page}: the trace has no CPU time (tdur) for its tasks`);
	const long = longTasks(events, origin, { page, slowdown: 1 });
	const heaviest = long.toSorted((a, b) => scriptTime(b) - scriptTime(a))[0];
	return { heaviest, over: long.filter((t) => scriptTime(t) > bar) };
}

const describe = (task: LongTask) =>
	`${Math.round(scriptTime(task))} ms of script in a task of ${Math.round(task.duration)} ms at ${Math.round(task.start)} ms (${task.parts.slice(0, 4).map(([label, ms]) => `${label} ${Math.round(ms)}`).join(', ')})`;

async function main() {
	const site = siteFromEnv();
	const only = onlyArg();
	const server = await serve(site, 0);
	const { port } = server.address() as AddressInfo;
	const browser = await chromium.launch(chromiumLaunchOptions());
	const failures: string[] = [];
	try {
		for (const page of pages(site).filter((p) => !only || p.includes(only))) {
			const { events, origin } = await traceLoad(browser, `http://127.0.0.1:${port}${page}`);
			const { heaviest, over } = overBar(events, origin, page);
			console.log(`${page.padEnd(26)} ${heaviest ? describe(heaviest) : 'no task over 50 ms'}`);
			failures.push(...over.map((task) => `${page}: ${describe(task)}; the bar is ${SCRIPT_BAR_MS} ms of script CPU time per task`));
		}
	} finally {
		await browser.close();
		server.closeAllConnections();
		server.close();
	}
	if (failures.length) {
		console.error(`\n✗ ${failures.length} task(s) over the bar:\n  ${failures.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`✓ main thread: no task ran over ${SCRIPT_BAR_MS} ms of script CPU time while any page loaded`);
}

if (import.meta.main) await main();
