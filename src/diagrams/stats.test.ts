import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordStat } from './stats';

describe('diagram stats', () => {
	const saved = process.env.SYNACK_DIAGRAM_STATS;
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
	});

	it('writes nothing when it is not set', () => {
		delete process.env.SYNACK_DIAGRAM_STATS;
		const dir = mkdtempSync(join(tmpdir(), 'synack-stats-'));
		recordStat({ event: 'render', ms: 1 });
		expect(existsSync(join(dir, 'stats.jsonl'))).toBe(false);
	});
});
