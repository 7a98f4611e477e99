/**
 * The lessons as source: every MDX file under content/docs/ in both locales, its front matter
 * parsed as YAML and its body parsed as MDX (with the directives Starlight's asides use), so the
 * vocabulary and parity checks read lessons the way Astro does. Positions in the tree are the
 * file's own lines: the front matter is blanked out, not cut off, before the body is parsed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join('content', 'docs');

export interface LessonSource {
	slug: string;
	locale: Locale;
	/** Path from the project root, with forward slashes, as messages name it. */
	file: string;
	text: string;
}

export interface Lesson extends LessonSource {
	/** The front matter, parsed. */
	front: Record<string, unknown>;
	/** The front matter's lines with their 1-based line numbers in the file. */
	frontLines: Array<{ line: number; text: string }>;
	/** The body as an MDX syntax tree; positions are lines of the whole file. */
	tree: Root;
}

/** Every lesson file of a locale, sorted by slug; `root` lets tests point at a copy. */
export function lessonSources(locale: Locale, root = ROOT): LessonSource[] {
	const dir = locale === 'en' ? join(root, DOCS, 'en') : join(root, DOCS);
	return readdirSync(dir)
		.filter((name) => /\.mdx?$/.test(name))
		.sort()
		.map((name) => {
			const path = join(dir, name);
			return {
				slug: name.replace(/\.mdx?$/, ''),
				locale,
				file: relative(root, path).split(sep).join(posix.sep),
				text: readFileSync(path, 'utf8'),
			};
		});
}

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

export class LessonError extends Error {}

export function parseLesson(source: LessonSource): Lesson {
	const lines = source.text.split('\n');
	if (lines[0] !== '---') throw new LessonError(`${source.file}: the front matter must start on line 1 with ---`);
	const end = lines.indexOf('---', 1);
	if (end < 0) throw new LessonError(`${source.file}: the front matter has no closing ---`);
	let front: unknown;
	try {
		front = parseYaml(lines.slice(1, end).join('\n'));
	} catch (error) {
		throw new LessonError(`${source.file}: the front matter is not valid YAML: ${(error as Error).message}`);
	}
	if (typeof front !== 'object' || front === null) throw new LessonError(`${source.file}: the front matter is empty`);
	const body = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
	let tree: Root;
	try {
		tree = mdx.parse(body);
	} catch (error) {
		throw new LessonError(`${source.file}: ${(error as Error).message}`);
	}
	return {
		...source,
		front: front as Record<string, unknown>,
		frontLines: lines.slice(1, end).map((text, i) => ({ line: i + 2, text })),
		tree,
	};
}

/** Both locales of every slug; a slug found in one locale only is an error the build also reports. */
export function lessonPairs(root = ROOT): Array<{ slug: string; zh: Lesson; en: Lesson }> {
	const zh = new Map(lessonSources('zh-CN', root).map((s) => [s.slug, s]));
	const en = new Map(lessonSources('en', root).map((s) => [s.slug, s]));
	const slugs = [...new Set([...zh.keys(), ...en.keys()])].sort();
	return slugs.map((slug) => {
		const z = zh.get(slug);
		const e = en.get(slug);
		if (!z || !e) {
			const missing = z ? `content/docs/en/${slug}.mdx` : `content/docs/${slug}.mdx`;
			throw new LessonError(`${missing} is missing: every lesson exists in both locales`);
		}
		return { slug, zh: parseLesson(z), en: parseLesson(e) };
	});
}
