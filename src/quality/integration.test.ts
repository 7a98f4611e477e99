import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyLabCaptures, LAB_CAPTURES } from './integration';

const root = join(import.meta.dirname, '../..');

describe('copyLabCaptures', () => {
	it('puts every lab capture and sidecar, unchanged, at captures/lab/ in the built site', () => {
		const out = mkdtempSync(join(tmpdir(), 'synack-dist-'));
		const names = copyLabCaptures(root, out);
		expect(names).toContain('lost-syn.pcap');
		expect(names).toContain('lost-syn.json');
		expect(readdirSync(join(out, 'captures/lab')).sort()).toEqual([...names].sort());
		expect(names.sort()).toEqual(readdirSync(join(root, LAB_CAPTURES.source)).filter((n) => /\.(pcap|json)$/.test(n)).sort());
		for (const name of names) expect(readFileSync(join(out, 'captures/lab', name))).toEqual(readFileSync(join(root, LAB_CAPTURES.source, name)));
	});

	it('copies nothing, and does not fail, where there is no lab', () => {
		const empty = mkdtempSync(join(tmpdir(), 'synack-root-'));
		expect(copyLabCaptures(empty, mkdtempSync(join(tmpdir(), 'synack-dist-')))).toEqual([]);
	});
});
