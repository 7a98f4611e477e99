/** Test helpers: a little built site on disk, and a page to put in it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path → contents) into a new temporary directory and returns it. */
export function fixture(files: Record<string, string | Buffer>): string {
	const dir = mkdtempSync(join(tmpdir(), 'synack-quality-'));
	for (const [path, contents] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), contents);
	}
	return dir;
}

export const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body id="_body">${body}</body></html>`;
