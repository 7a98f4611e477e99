import { describe, expect, it } from 'vitest';
import { timerSlackMs } from './slack.ts';

describe('timerSlackMs: the timer wheel’s levels start 63, 504 and 4032 jiffies ahead (kernel/time/timer.c LVL_START)', () => {
	it.each([
		// [ms, HZ, slack]: granularity 1, 8, 64 or 512 jiffies, plus two
		[200, 250, 12],
		[1000, 250, 40],
		[2000, 250, 40],
		[2100, 250, 264],
		[4000, 250, 264],
		[32_000, 250, 2056],
		[62, 1000, 3],
		[63, 1000, 10],
		[200, 1000, 10],
		[1000, 1000, 66],
	])('%i ms at HZ %i: within %i ms', (ms, hz, slack) => {
		expect(timerSlackMs(ms, hz)).toBe(slack);
	});
});
