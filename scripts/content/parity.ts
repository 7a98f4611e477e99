/**
 * Translation parity: what must be the same in a lesson's two locales whatever the language. The
 * same headings tree, the same diagrams (Mermaid structure, components and their props), asides and
 * tables, the same quiz (questions, options, which one is right), and the same numbers section by
 * section: numerals with their separators normalised (65,536 = 65536), RFC sections (3.10.7.4) and
 * requirement labels (MUST-13). Numbers in a title or description, in link targets and in names
 * such as FIN-WAIT-1, IPv4 or 4-tuple are not compared.
 */
import type { Nodes, Parents, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ParityException } from '../../src/schemas/parity.ts';
import type { Lesson } from './lessons.ts';
import { splitMermaidLine } from './mermaid-line.ts';

interface At {
	line: number;
}
interface Heading extends At {
	depth: number;
	text: string;
}
interface Diagram extends At {
	structure: string[];
}
interface Component extends At {
	name: string;
	props: string;
}
interface Aside extends At {
	kind: string;
}
interface Table extends At {
	rows: number;
	columns: number;
}
interface Section extends At {
	heading: string;
	numbers: string[];
}
interface Question {
	question: string;
	options: number;
	correct: number;
	numbers: string[];
}

export interface Shape {
	headings: Heading[];
	diagrams: Diagram[];
	components: Component[];
	asides: Aside[];
	tables: Table[];
	sections: Section[];
	quiz: Question[];
}

const REQUIREMENT = /\b(?:MUST|SHLD|MAY|REC)-\d+\b/g;
/**
 * A numeral that is not part of a name (IPv4, FIN-WAIT-1, TCP_v4, 4-tuple, which Chinese writes
 * 四元组): thousands separated by a comma or a (thin, no-break) space, decimals and dotted sections
 * included.
 */
const NUMERAL =
	/(?<![\p{L}\p{N}_]|[\p{L}\p{N}][-_])(?:\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3}(?!\d))+|\d+)(?:\.\d+)*(?!\d|-tuple)/gu;

/** The numbers of a text, normalised: `65,536` and `65 536` are `65536`. */
export function numbersIn(text: string): string[] {
	const requirements = text.match(REQUIREMENT) ?? [];
	const rest = text.replace(REQUIREMENT, ' ');
	const numerals = (rest.match(NUMERAL) ?? []).map((n) => n.replace(/[,\u00a0\u2009\u202f ]/g, ''));
	return [...requirements, ...numerals];
}

/** Text of a node for numbers: prose, inline code, code blocks, diagrams and props; not link targets.
 *  Parts are joined by line breaks: a table row "11–16 | 120" joined by a space would read as 16 120. */
function textOf(node: Nodes): string {
	switch (node.type) {
		case 'text':
		case 'inlineCode':
		case 'code':
			return node.value;
		case 'mdxjsEsm':
			return '';
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return [
				...node.attributes.map((a) => (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' ? a.value : '')),
				...node.children.map(textOf),
			].join('\n');
		default:
			return 'children' in node ? (node as Parents).children.map((c) => textOf(c as Nodes)).join('\n') : '';
	}
}

function propsOf(node: Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>): string {
	return node.attributes
		.map((a) => {
			if (a.type !== 'mdxJsxAttribute') return `{${a.value}}`;
			if (a.value === null || a.value === undefined) return a.name;
			if (typeof a.value !== 'string') return `${a.name}={${a.value.value}}`;
			// A value with a space or a non-ASCII letter is prose: translated, compared for its numbers only.
			return /^[\x21-\x7e]*$/.test(a.value) ? `${a.name}=${JSON.stringify(a.value)}` : `${a.name}=…`;
		})
		.join(' ');
}

interface QuizOption {
	text?: unknown;
	correct?: unknown;
	why?: unknown;
}

export function shapeOf(lesson: Lesson): Shape {
	const shape: Shape = { headings: [], diagrams: [], components: [], asides: [], tables: [], sections: [], quiz: [] };
	let section: Section = { heading: '(before the first heading)', line: 1, numbers: [] };
	shape.sections.push(section);
	const visit = (node: Nodes) => {
		const line = node.position?.start.line ?? 0;
		switch (node.type) {
			case 'heading':
				shape.headings.push({ depth: node.depth, text: toString(node), line });
				section = { heading: toString(node), line, numbers: [] };
				shape.sections.push(section);
				break;
			case 'code':
				if (node.lang === 'mermaid')
					shape.diagrams.push({ line, structure: node.value.split('\n').map((l) => splitMermaidLine(l).structure) });
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				shape.components.push({ line, name: node.name ?? '(fragment)', props: propsOf(node) });
				break;
			case 'containerDirective':
				shape.asides.push({ line, kind: node.name });
				break;
			case 'table':
				shape.tables.push({ line, rows: node.children.length, columns: node.children[0]?.children.length ?? 0 });
				break;
		}
	};
	const walk = (node: Nodes) => {
		visit(node);
		if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes);
	};
	for (const block of lesson.tree.children as RootContent[]) {
		walk(block);
		if (block.type !== 'heading') section.numbers.push(...numbersIn(textOf(block)));
		else section.numbers.push(...numbersIn(toString(block)));
	}
	const quiz = Array.isArray(lesson.front.quiz) ? (lesson.front.quiz as Array<{ question?: unknown; options?: unknown }>) : [];
	shape.quiz = quiz.map((q) => {
		const options = Array.isArray(q.options) ? (q.options as QuizOption[]) : [];
		const words = [q.question, ...options.flatMap((o) => [o.text, o.why])].map((w) => String(w ?? '')).join('\n');
		return {
			question: String(q.question ?? ''),
			options: options.length,
			correct: options.findIndex((o) => o.correct === true),
			numbers: numbersIn(words),
		};
	});
	return shape;
}

/** Counts of each number: [number, zh count, en count] where they differ. */
function numberDiff(zh: string[], en: string[]): Array<[string, number, number]> {
	const count = (list: string[]) => list.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
	const z = count(zh);
	const e = count(en);
	return [...new Set([...z.keys(), ...e.keys()])]
		.filter((n) => z.get(n) !== e.get(n))
		.map((n) => [n, z.get(n) ?? 0, e.get(n) ?? 0]);
}

export interface ParityResult {
	problems: string[];
	/** Exceptions that matched a difference; the others are stale. */
	used: Set<ParityException>;
}

/** Every difference between the two locales that matters, each naming both files and both values. */
export function compareLocales(zh: Lesson, en: Lesson, exceptions: ParityException[] = []): ParityResult {
	const a = shapeOf(zh);
	const b = shapeOf(en);
	const problems: string[] = [];
	const used = new Set<ParityException>();
	const files = `${zh.file} ↔ ${en.file}`;
	const pair = <T>(what: string, x: T[], y: T[], show: (item: T | undefined) => string, same: (p: T, q: T) => boolean) => {
		if (x.length !== y.length)
			problems.push(`${files}: ${x.length} ${what} in zh-CN, ${y.length} in en (zh-CN: ${x.map(show).join(' | ') || 'none'}; en: ${y.map(show).join(' | ') || 'none'})`);
		const n = Math.min(x.length, y.length);
		for (let i = 0; i < n; i++)
			if (!same(x[i]!, y[i]!)) {
				problems.push(`${files}: ${what} ${i + 1} differs: zh-CN ${show(x[i])}, en ${show(y[i])}`);
				return;
			}
	};
	const line = (item: At | undefined) => (item ? `line ${item.line}` : '');
	pair('headings', a.headings, b.headings, (h) => `h${h?.depth} "${h?.text}" (${line(h)})`, (p, q) => p.depth === q.depth);
	pair('Mermaid diagrams', a.diagrams, b.diagrams, (d) => `at ${line(d)}`, () => true);
	a.diagrams.forEach((d, i) => {
		const other = b.diagrams[i];
		if (!other) return;
		const j = d.structure.findIndex((s, k) => s !== other.structure[k]);
		if (j >= 0 || d.structure.length !== other.structure.length) {
			const k = j >= 0 ? j : Math.min(d.structure.length, other.structure.length);
			problems.push(
				`${files}: Mermaid diagram ${i + 1} is drawn differently at its line ${k + 1}: zh-CN (line ${d.line + 1 + k}) "${d.structure[k] ?? '(ends)'}", en (line ${other.line + 1 + k}) "${other.structure[k] ?? '(ends)'}"`,
			);
		}
	});
	pair('components', a.components, b.components, (c) => `<${c?.name} ${c?.props}> (${line(c)})`, (p, q) => p.name === q.name && p.props === q.props);
	pair('asides', a.asides, b.asides, (x) => `:::${x?.kind} (${line(x)})`, (p, q) => p.kind === q.kind);
	pair('tables', a.tables, b.tables, (t) => `${t?.rows}×${t?.columns} (${line(t)})`, (p, q) => p.rows === q.rows && p.columns === q.columns);
	pair('quiz questions', a.quiz, b.quiz, (q) => `"${q?.question}"`, () => true);
	a.quiz.forEach((q, i) => {
		const other = b.quiz[i];
		if (!other) return;
		if (q.options !== other.options)
			problems.push(`${files}: quiz question ${i + 1} has ${q.options} options in zh-CN ("${q.question}"), ${other.options} in en ("${other.question}")`);
		else if (q.correct !== other.correct)
			problems.push(`${files}: quiz question ${i + 1}: the right answer is option ${q.correct + 1} in zh-CN, ${other.correct + 1} in en`);
		for (const [n, zc, ec] of numberDiff(q.numbers, other.numbers))
			problems.push(`${files}: quiz question ${i + 1} ("${other.question}"): ${n} appears ${zc}× in zh-CN, ${ec}× in en`);
	});
	if (a.sections.length === b.sections.length)
		a.sections.forEach((s, i) => {
			const other = b.sections[i]!;
			for (const [n, zc, ec] of numberDiff(s.numbers, other.numbers)) {
				const exception = exceptions.find(
					(x) => x.number === n && x.section === other.heading && x['zh-CN'] === zc && x.en === ec,
				);
				if (exception) used.add(exception);
				else
					problems.push(
						`${files}: section "${s.heading}" (zh-CN line ${s.line}) / "${other.heading}" (en line ${other.line}): ${n} appears ${zc}× in zh-CN, ${ec}× in en`,
					);
			}
		});
	return { problems, used };
}
