import { describe, expect, it } from 'vitest';
import { blockingTime, longTasks, mainThread, mainThreadEvents, type TraceEvent } from './trace.ts';

/** A complete ('X') event on the main thread: times in ms, as the trace's µs. */
const x = (name: string, ts: number, dur: number, tdur = dur, args?: TraceEvent['args']): TraceEvent => ({
	name,
	cat: 'devtools.timeline',
	ph: 'X',
	ts: ts * 1000,
	dur: dur * 1000,
	tdur: tdur * 1000,
	pid: 1,
	tid: 1,
	args,
});

describe('longTasks', () => {
	// A 30 ms task at full speed, 120 ms at a 4× slowdown: style, layout, and a script file's 20 ms
	// with 8 ms of garbage collection in it; and a 10 ms task (40 ms at 4×, not long).
	const events = [
		x('RunTask', 100, 30),
		x('UpdateLayoutTree', 101, 12),
		x('Layout', 113, 3),
		x('FunctionCall', 118, 5, 5, { data: { url: 'http://127.0.0.1:4321/_astro/toc.client.js' } }),
		x('MinorGC', 119, 2),
		x('RunTask', 200, 10),
		x('ParseHTML', 200, 10),
	];

	it('keeps the tasks over 50 ms at the slowdown and says what they spent it on', () => {
		expect(longTasks(events, 90_000, { page: '/', slowdown: 4 })).toEqual([
			{
				start: 10,
				duration: 120,
				parts: [
					['style', 48],
					['other', 40],
					['layout', 12],
					['script /_astro/toc.client.js', 12],
					['GC', 8],
				],
			},
		]);
	});

	it('counts CPU time, not the wall time a busy machine adds', () => {
		const waited = [x('RunTask', 100, 100, 10), x('Layout', 100, 100, 10)];
		expect(longTasks(waited, 0, { slowdown: 4 })).toEqual([]);
		expect(longTasks(waited, 0, { slowdown: 0 })).toEqual([{ start: 100, duration: 100, parts: [['layout', 100]] }]);
	});

	it('names the page itself for inline scripts', () => {
		const inline = [x('RunTask', 0, 20), x('EvaluateScript', 0, 20, 20, { data: { url: 'http://h/en/x/' } })];
		expect(longTasks(inline, 0, { page: '/en/x/', slowdown: 4 })[0]!.parts).toEqual([['script (inline in /en/x/)', 80]]);
	});
});

describe('mainThread', () => {
	it("is the thread that parsed the page, from the navigation's start", () => {
		const events: TraceEvent[] = [
			{ name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ts: 5, dur: 1, pid: 7, tid: 1, args: { beginData: { url: 'about:blank' } } },
			{ name: 'navigationStart', cat: 'blink.user_timing', ph: 'R', ts: 40, pid: 9, tid: 3, args: { data: { documentLoaderURL: 'http://h/x/' } } },
			{ name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ts: 50, dur: 1, pid: 9, tid: 3, args: { beginData: { url: 'http://h/x/' } } },
		];
		expect(mainThread(events, 'http://h/x/')).toEqual({ pid: 9, tid: 3, origin: 40 });
		expect(mainThread(events, 'http://h/y/')).toBeUndefined();
		// Cut down to that thread's own events, as the gate and the report read them.
		expect(mainThreadEvents(events, 'http://h/x/')).toEqual({ events: events.slice(1), origin: 40 });
		expect(mainThreadEvents(events, 'http://h/y/')).toBeUndefined();
	});
});

describe('figures', () => {
	it('blocking time is what each long task takes past 50 ms', () => {
		expect(blockingTime([{ start: 0, duration: 120, parts: [] }, { start: 0, duration: 51, parts: [] }])).toBe(71);
	});
});
