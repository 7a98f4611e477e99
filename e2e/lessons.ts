/** The lessons as a reader finds them, read from content/docs so tests follow the content. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Where a lesson is, relative to the site's base: `handshake/`, `en/handshake/`; `` or `en/` for `index`. */
export function pathOf(locale: Locale, slug: string): string {
	const prefix = locale === 'en' ? 'en/' : '';
	return slug === 'index' ? prefix : `${prefix}${slug}/`;
}

const DOCS = join(import.meta.dirname, '..', 'content', 'docs');
const dirOf = (locale: Locale) => (locale === 'en' ? join(DOCS, 'en') : DOCS);

export interface QuizOption {
	text: string;
	correct: boolean;
	why: string;
}
export interface QuizQuestion {
	question: string;
	options: QuizOption[];
}

export interface Lesson {
	slug: string;
	locale: Locale;
	title: string;
	/** Path relative to the site's base, e.g. `handshake/` or `en/handshake/`. */
	path: string;
	/** Diagrams the lesson's source holds: its ```mermaid blocks and its <ScenarioDiagram /> uses. */
	diagrams: number;
	splash: boolean;
	/** The self-check questions of its front matter, as written there. */
	quiz: QuizQuestion[];
}

interface FrontMatter {
	title?: string;
	template?: string;
	quiz?: { question: string; options: { text: string | number; correct?: boolean; why: string }[] }[];
}

const read = new Map<Locale, readonly Lesson[]>();

/** A locale's lessons, by slug; its files are read and parsed once per test worker, however many
 *  tests ask (lesson() and the sponsors spec ask inside tests). */
export function lessons(locale: Locale): readonly Lesson[] {
	let found = read.get(locale);
	if (!found) read.set(locale, (found = readLessons(locale)));
	return found;
}

function readLessons(locale: Locale): Lesson[] {
	return readdirSync(dirOf(locale))
		.filter((file) => /\.mdx?$/.test(file))
		.map((file) => {
			const source = readFileSync(join(dirOf(locale), file), 'utf8');
			const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
			const front = (parse(yaml) ?? {}) as FrontMatter;
			const slug = file.replace(/\.mdx?$/, '');
			return {
				slug,
				locale,
				title: front.title ?? '',
				path: pathOf(locale, slug),
				diagrams: (body.match(/^```mermaid\s*$/gm)?.length ?? 0) + (body.match(/<ScenarioDiagram\b/g)?.length ?? 0),
				splash: front.template === 'splash',
				quiz: (front.quiz ?? []).map(({ question, options }) => ({
					question,
					options: options.map((o) => ({ text: String(o.text), correct: o.correct === true, why: o.why })),
				})),
			};
		})
		.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Front-matter text as the page shows it: inline Markdown (`code`, *emphasis*, **strong**) without its marks. */
export const asShown = (markdown: string) => markdown.replace(/`([^`]*)`/g, '$1').replace(/(\*\*|\*)(\S(?:.*?\S)?)\1/g, '$2');

export const lesson = (locale: Locale, slug: string): Lesson => {
	const found = lessons(locale).find((l) => l.slug === slug);
	if (!found) throw new Error(`no lesson ${slug} in ${locale}`);
	return found;
};
