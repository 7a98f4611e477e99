/**
 * Which built client chunks hold widget code, recorded during the build so the budget check can
 * tell widget JavaScript from the rest. Kept outside the output directory (it is not for readers).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Chunk file (relative to the output directory, e.g. `_astro/x.js`) → what it holds. */
export type ChunkMap = Record<string, { widget: boolean; modules: string[] }>;

/** Source directories whose code counts as widget JavaScript. */
export const WIDGET_DIRS = ['src/widgets', 'src/tcp'];

const mapFile = (outDir: string) =>
	join(
		process.cwd(),
		'node_modules',
		'.cache',
		'synack-quality',
		`chunks-${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12)}.json`,
	);

export function readChunkMap(outDir: string): ChunkMap | undefined {
	try {
		return JSON.parse(readFileSync(mapFile(outDir), 'utf8')) as ChunkMap;
	} catch {
		return undefined;
	}
}

export function chunkMapPlugin(root: string, outDir: () => string): Plugin {
	const widgetDirs = WIDGET_DIRS.map((dir) => resolve(root, dir) + sep);
	const map: ChunkMap = {};
	return {
		name: 'synack-chunk-map',
		apply: 'build',
		generateBundle(_options, bundle) {
			if ((this as { environment?: { name: string } }).environment?.name !== 'client') return;
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				const modules = chunk.moduleIds.map((id) => id.replace(/\?.*$/, '').replace(/^\0/, ''));
				map[chunk.fileName] = {
					widget: modules.some((id) => widgetDirs.some((dir) => id.startsWith(dir))),
					modules: modules.map((id) => (id.startsWith(root) ? id.slice(root.length) : id)),
				};
			}
			const file = mapFile(outDir());
			mkdirSync(join(file, '..'), { recursive: true });
			writeFileSync(file, JSON.stringify(map, null, '\t'));
		},
	};
}
