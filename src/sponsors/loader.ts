/**
 * Astro content-layer loader for the owners' ads.json. Runs at build time only: reads the file,
 * validates and normalises it (normalise.ts), stores the published entries in the collection and
 * logs what it left out. Nothing here reaches the browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { normalise, SponsorDataError } from './normalise';

export interface SponsorsLoaderOptions {
	/** The owners' export, relative to the project root, e.g. `content/sponsors/ads.json`. */
	file: string;
	/** Folder holding the images that `img` names; default: `images/` beside `file`. */
	imagesDir?: string;
	/** Language the owners write `name` / `txt` in (they use one text for both locales). */
	lang?: string;
}

/** A path relative to `root`, with forward slashes, as messages and the data store want it. */
const fromRoot = (root: string, path: string) => relative(root, path).split(sep).join(posix.sep);

/** The two file-system calls isFileExactly makes (a fake one in tests stands in for macOS's or Windows's). */
export interface FileLookup {
	statSync(path: string): { isFile(): boolean };
	readdirSync(path: string): string[];
}

/**
 * Whether `path` is a file whose name matches exactly, also on case-insensitive file systems, where
 * `stat` finds `AD.png` for `ad.png`: the name must be in its folder's listing as written, or the
 * site would build there and break on a case-sensitive host.
 */
export function isFileExactly(path: string, fs: FileLookup = { statSync, readdirSync: (dir) => readdirSync(dir) }): boolean {
	try {
		return fs.statSync(path).isFile() && fs.readdirSync(dirname(path)).includes(basename(path));
	} catch {
		return false;
	}
}

export function sponsorsLoader({ file, imagesDir, lang = 'zh-CN' }: SponsorsLoaderOptions): Loader {
	return {
		name: 'synack-sponsors',
		async load({ config, store, logger, parseData, generateDigest, watcher }) {
			const root = fileURLToPath(config.root);
			const path = resolve(root, file);
			const images = imagesDir ? resolve(root, imagesDir) : resolve(dirname(path), 'images');
			const filePath = fromRoot(root, path);
			const imagesPath = fromRoot(root, images);

			async function sync() {
				let text: string;
				try {
					text = readFileSync(path, 'utf8');
				} catch (error) {
					throw new SponsorDataError([
						{ file: filePath, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` },
					]);
				}
				const result = normalise(text, {
					file: filePath,
					imagesDir: imagesPath,
					imageExists: (img) => isFileExactly(resolve(images, img)),
					lang,
				});
				store.clear();
				for (const { id, ...entry } of [...result.blocks, ...(result.banner ? [result.banner] : [])]) {
					const data = await parseData({ id, data: { ...entry }, filePath });
					store.set({ id, data, filePath, digest: generateDigest(JSON.stringify(entry)) });
				}
				const leftOut = [
					result.unpublished.length &&
						`${result.unpublished.length} unpublished (${result.unpublished
							.map(({ id, status }) => `id=${id} status ${status}`)
							.join(', ')})`,
					result.olderBanners.length &&
						`${result.olderBanners.length} older banner(s) (${result.olderBanners.map((id) => `id=${id}`).join(', ')})`,
				].filter(Boolean);
				logger.info(
					`${filePath}: ${result.total} entries; showing ${result.blocks.length} sponsor block(s) and ` +
						`${result.banner ? `banner id=${result.banner.adId}` : 'no banner'}; left out ` +
						(leftOut.length ? leftOut.join(' and ') : 'none'),
				);
			}

			await sync();
			if (watcher) {
				watcher.add(path);
				watcher.on('change', (changed) => {
					if (resolve(changed) !== path) return;
					sync().catch((error: Error) => logger.error(error.message));
				});
			}
		},
	};
}
