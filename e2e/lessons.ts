/** The lessons as a reader finds them, read from content/docs so tests follow the content. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const DOCS = join(import.meta.dirname, '..', 'content', 'docs');
const dirOf = (locale: Locale) => (locale === 'en' ? join(DOCS, 'en') : DOCS);

export interface Lesson {
	slug: string;
	locale: Locale;
	title: string;
	/** Path relative to the site's base, e.g. `handshake/` or `en/handshake/`. */
	path: string;
	/** Number of ```mermaid blocks the lesson's source holds. */
	diagrams: number;
	splash: boolean;
}

export function lessons(locale: Locale): Lesson[] {
	return readdirSync(dirOf(locale))
		.filter((file) => /\.mdx?$/.test(file))
		.map((file) => {
			const source = readFileSync(join(dirOf(locale), file), 'utf8');
			const slug = file.replace(/\.mdx?$/, '');
			const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.trim().replace(/^['"]|['"]$/g, '') ?? '';
			const prefix = locale === 'en' ? 'en/' : '';
			return {
				slug,
				locale,
				title,
				path: slug === 'index' ? prefix : `${prefix}${slug}/`,
				diagrams: source.match(/^```mermaid\s*$/gm)?.length ?? 0,
				splash: /^template:\s*splash/m.test(source),
			};
		})
		.sort((a, b) => a.slug.localeCompare(b.slug));
}
