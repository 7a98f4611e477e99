import { describe, expect, it } from 'vitest';
import { overBar, SCRIPT_BAR_MS, scriptTime } from './main-thread.ts';
import type { TraceEvent } from './trace.ts';

/** A complete event on the main thread: times in ms, as the trace's µs; `tdur` its CPU time. */
const x = (name: string, ts: number, dur: number, tdur: number | null = dur, url?: string): TraceEvent => ({
	name,
	cat: 'devtools.timeline',
	ph: 'X',
	ts: ts * 1000,
	dur: dur * 1000,
	...(tdur === null ? {} : { tdur: tdur * 1000 }),
	pid: 1,
	tid: 1,
	...(url ? { args: { data: { url } } } : {}),
});

describe('overBar', () => {
	it('judges a task by its script’s CPU time, not its wall time: a busy machine stretches only the latter', () => {
		// 400 ms on the clock while the thread waited for a core; 70 ms of CPU, 55 of it script.
		const waited = [x('RunTask', 100, 400, 70), x('FunctionCall', 101, 300, 55, 'http://127.0.0.1:9/_astro/page.js')];
		const { heaviest, over } = overBar(waited, 0, '/x/');
		expect(over).toEqual([]);
		expect(heaviest && scriptTime(heaviest)).toBe(55);
	});

	it('leaves style and layout to the byte and element budgets: a long first layout passes', () => {
		const layout = [x('RunTask', 0, 150), x('UpdateLayoutTree', 1, 40), x('Layout', 41, 100)];
		expect(overBar(layout, 0, '/x/').over).toEqual([]);
	});

	it('fails a 300 ms script at load, naming the file', () => {
		const heavy = [x('RunTask', 50, 310, 305), x('EvaluateScript', 51, 300, 300, 'http://127.0.0.1:9/_astro/heavy.js')];
		const { over } = overBar(heavy, 0, '/x/');
		expect(over).toHaveLength(1);
		expect(over[0]).toMatchObject({ start: 50, duration: 305, parts: [['script /_astro/heavy.js', 300], ['other', 5]] });
	});

	it('holds the bar where it is: script of exactly the bar passes, one millisecond more fails', () => {
		const task = (script: number) => [x('RunTask', 0, script + 10), x('EvaluateScript', 1, script, script, 'http://127.0.0.1:9/a.js')];
		expect(overBar(task(SCRIPT_BAR_MS), 0, '/x/').over).toEqual([]);
		expect(overBar(task(SCRIPT_BAR_MS + 1), 0, '/x/').over).toHaveLength(1);
	});

	it('refuses a trace without CPU times instead of passing it', () => {
		expect(() => overBar([x('RunTask', 0, 500, null)], 0, '/x/')).toThrow('/x/: the trace has no CPU time (tdur) for its tasks');
		expect(() => overBar([], 0, '/x/')).toThrow('/x/: the trace has no CPU time');
	});
});
