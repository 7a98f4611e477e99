import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordStat } from './stats';

// Every write recordStat could make goes through appendFileSync: watched, still writing.
vi.mock('node:fs', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs')>();
	return { ...fs, appendFileSync: vi.fn(fs.appendFileSync) };
});

describe('diagram stats', () => {
	const saved = process.env.SYNACK_DIAGRAM_STATS;
	beforeEach(() => {
		vi.mocked(appendFileSync).mockClear();
	});
	afterEach(() => {
		if (saved === undefined) delete process.env.SYNACK_DIAGRAM_STATS;
		else process.env.SYNACK_DIAGRAM_STATS = saved;
	});

	it('appends one JSON line per event when SYNACK_DIAGRAM_STATS names a file', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'synack-stats-')), 'stats.jsonl');
		process.env.SYNACK_DIAGRAM_STATS = file;
		recordStat({ event: 'render', ms: 12.345, id: 'mabcl' });
		recordStat({ event: 'cache-hit', ms: 0, id: 'mabc' });
		const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
		expect(lines).toEqual([
			{ event: 'render', ms: 12.3, id: 'mabcl' },
			{ event: 'cache-hit', ms: 0, id: 'mabc' },
		]);
		expect(vi.mocked(appendFileSync).mock.calls.map(([path]) => path)).toEqual([file, file]);
	});

	it('writes nothing anywhere when it is unset or empty', () => {
		delete process.env.SYNACK_DIAGRAM_STATS;
		recordStat({ event: 'render', ms: 1 });
		process.env.SYNACK_DIAGRAM_STATS = '';
		recordStat({ event: 'browser', ms: 2 });
		expect(appendFileSync).not.toHaveBeenCalled();
	});
});
