/**
 * The main-thread bar of the Lighthouse gate (lighthouse.ts): while it loads, no page may run
 * script that keeps the main thread busy for more than SCRIPT_BAR_MS of CPU time in one task. It is
 * what a performance score was meant to catch — a page whose code does too much before the reader
 * can use it — measured in the thread's own CPU time (`tdur` in the trace of the gate's own
 * Lighthouse run) rather than a score, which moved from 69 to 100 on an unchanged page. Style and
 * layout are left to the deterministic budgets (HTML bytes, DOM elements): on this shared VM their
 * CPU time grew 2.4× under load (61 → 144 ms for /glossary/'s first layout), while the pages' own
 * script stays far below the bar. A trace without CPU times is an error, never a pass.
 */
import { longTasks, type LongTask, type TraceEvent } from './trace.ts';

/**
 * The most script CPU time one task may take at load, ms at full speed. A 300 ms busy loop at
 * load was charged 293 ms in the gate's Lighthouse trace with two other jobs running (80–225 ms in
 * a trace throttled 4×, where the VM's host takes part of the wall time); the pages' own script
 * takes at most 2 ms in any task over 50 ms.
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

/** A task as the gate names it: its script time, length, start and costliest parts. */
export const describeTask = (task: LongTask) =>
	`${Math.round(scriptTime(task))} ms of script in a task of ${Math.round(task.duration)} ms at ${Math.round(task.start)} ms (${task.parts.slice(0, 4).map(([label, ms]) => `${label} ${Math.round(ms)}`).join(', ')})`;
