import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const mermaidVersion: string = createRequire(import.meta.url)('mermaid/package.json').version;

/** Bump when the shape of cached entries or the post-processing of SVGs changes. */
const CACHE_FORMAT = 4;

/** Where rendered diagrams are kept between builds; `SYNACK_DIAGRAM_CACHE` moves it (the benchmark uses that). */
export function cacheDir(): string {
	return process.env.SYNACK_DIAGRAM_CACHE ?? join(process.cwd(), 'node_modules', '.cache', 'synack-diagrams');
}

/** A key that changes whenever anything that shapes the SVG changes. */
export function diagramKey(code: string, config: unknown): string {
	return createHash('sha256')
		.update(JSON.stringify([CACHE_FORMAT, mermaidVersion, config, code]))
		.digest('hex');
}

export function readCached<T>(key: string): T | undefined {
	try {
		return JSON.parse(readFileSync(join(cacheDir(), `${key}.json`), 'utf8')) as T;
	} catch {
		return undefined;
	}
}

export function writeCached(key: string, value: unknown): void {
	const dir = cacheDir();
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${key}.json`), JSON.stringify(value));
}
