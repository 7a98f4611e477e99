/**
 * Astro content-layer loader for content/terms/terms.yaml: validates the whole file with the one
 * schema (src/schemas/terms.ts) and stores each term, in the file's order, for the glossary. A
 * broken file fails the build naming the file, the entry and the field.
 */
import { readFileSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseTerms, TermsError } from '../schemas/terms';

export function termsLoader({ file }: { file: string }): Loader {
	return {
		name: 'synack-terms',
		async load({ config, store, parseData, generateDigest, watcher, logger }) {
			const root = fileURLToPath(config.root);
			const path = resolve(root, file);
			const filePath = relative(root, path).split(sep).join(posix.sep);

			async function sync() {
				let text: string;
				try {
					text = readFileSync(path, 'utf8');
				} catch (error) {
					throw new TermsError(`${filePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
				}
				const { terms } = parseTerms(text, filePath);
				store.clear();
				for (const [order, term] of terms.entries()) {
					const data = await parseData({ id: term.id, data: { ...term, order }, filePath });
					store.set({ id: term.id, data, filePath, digest: generateDigest(JSON.stringify(term)) });
				}
			}

			await sync();
			if (watcher) {
				watcher.add(path);
				watcher.on('change', (changed) => {
					if (resolve(changed) === path) sync().catch((error: Error) => logger.error(error.message));
				});
			}
		},
	};
}
