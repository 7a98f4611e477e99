/**
 * Finds the variants content/terms/terms.yaml rejects in a lesson: in its front matter, its prose,
 * its component props and its Mermaid diagrams. Inline code and other code blocks quote tools and
 * are left alone; a variant between quotation marks inside a mistake aside (`:::caution[常见错误]`)
 * is a quotation, not a use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseTerms, type Term, type TermsFile, type TermVariant } from '../../src/schemas/terms.ts';
import { ROOT, type Lesson } from './lessons.ts';
import { splitMermaidLine } from './mermaid-line.ts';

export const TERMS_FILE = 'content/terms/terms.yaml';

export function readTerms(root = ROOT): TermsFile {
	return parseTerms(readFileSync(join(root, TERMS_FILE), 'utf8'), TERMS_FILE);
}

export interface Finding {
	file: string;
	line: number;
	/** The variant as the lesson wrote it. */
	found: string;
	term: Term;
	variant: TermVariant;
	locale: Lesson['locale'];
}

export function describeFinding(f: Finding): string {
	const write = f.variant.instead ?? f.term[f.locale].term;
	const note = f.variant.note ? ` ${f.variant.note}` : '';
	return `${f.file}:${f.line}: "${f.found}" → write "${write}" (terms.yaml id ${f.term.id}, taught in ${f.term.lesson}).${note}`;
}

const LATIN = /[A-Za-z0-9_]/;
/** Quotation marks that open and close a quotation; a straight quote closes itself. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"' };

/** Where `needle` occurs in `haystack`, case-insensitively: [start, end) pairs. */
function occurrences(haystack: string, needle: string): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	const h = haystack.toLowerCase();
	const n = needle.toLowerCase();
	for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) found.push([i, i + n.length]);
	return found;
}

/** Ranges between quotation marks, quotes included. */
function quotedRanges(text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (let i = 0; i < text.length; i++) {
		const close = QUOTES[text[i]!];
		if (!close) continue;
		const end = text.indexOf(close, i + 1);
		if (end < 0) break;
		ranges.push([i, end + 1]);
		i = end;
	}
	return ranges;
}

const inside = (range: [number, number], ranges: Array<[number, number]>) =>
	ranges.some(([start, end]) => start <= range[0] && range[1] <= end);

/** The variant's uses in `text`: whole words for Latin edges (a plural s allowed), minus `unless` phrases. */
export function variantUses(text: string, variant: TermVariant): Array<[number, number]> {
	const allowed = variant.unless.flatMap((phrase) => occurrences(text, phrase));
	const latinEnd = LATIN.test(variant.text.at(-1)!);
	return occurrences(text, variant.text)
		.map(([start, end]): [number, number] => [start, latinEnd && text[end] === 's' ? end + 1 : end])
		.filter(([start, end]) => {
			if (LATIN.test(variant.text[0]!) && start > 0 && LATIN.test(text[start - 1]!)) return false;
			if (latinEnd && end < text.length && LATIN.test(text[end]!)) return false;
			return !inside([start, end], allowed);
		});
}

/** Inline code spans in a line of front matter: quiz text uses them (src/widgets/text.ts). */
const blankCode = (line: string) => line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));

interface Span {
	text: string;
	line: number;
	/** Ranges that quote a mistake and are not checked. */
	quoted: Array<[number, number]>;
}

function spans(lesson: Lesson, vocabulary: TermsFile): Span[] {
	const asideTitles = vocabulary.quoteAsides[lesson.locale];
	const out: Span[] = lesson.frontLines.map(({ line, text }) => ({ text: blankCode(text), line, quoted: [] }));
	const visit = (node: Nodes, inQuoteAside: boolean) => {
		const line = node.position?.start.line ?? 0;
		switch (node.type) {
			case 'inlineCode':
			case 'mdxjsEsm':
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				return;
			case 'code':
				// A diagram's labels are prose (its identifiers are not); other blocks quote code and tools.
				if (node.lang === 'mermaid')
					node.value.split('\n').forEach((text, i) =>
						splitMermaidLine(text).labels.forEach((label) => out.push({ text: label, line: line + 1 + i, quoted: [] })),
					);
				return;
			case 'text':
				node.value.split('\n').forEach((text, i) =>
					out.push({ text, line: line + i, quoted: inQuoteAside ? quotedRanges(text) : [] }),
				);
				return;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				for (const attribute of node.attributes)
					if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string')
						out.push({ text: attribute.value, line, quoted: [] });
				break;
		}
		let quoteAside = inQuoteAside;
		if (node.type === 'containerDirective') {
			const label = node.children.find((child) => child.type === 'paragraph' && child.data?.directiveLabel);
			quoteAside ||= label !== undefined && asideTitles.includes(toString(label).trim());
		}
		if ('children' in node) for (const child of (node as Parents).children) visit(child, quoteAside);
	};
	visit(lesson.tree, false);
	return out;
}

export function rejectedUses(lesson: Lesson, vocabulary: TermsFile): Finding[] {
	const findings: Finding[] = [];
	const rules = vocabulary.terms.flatMap((term) => term[lesson.locale].reject.map((variant) => ({ term, variant })));
	for (const span of spans(lesson, vocabulary))
		for (const { term, variant } of rules)
			for (const range of variantUses(span.text, variant))
				if (!inside(range, span.quoted))
					findings.push({
						file: lesson.file,
						line: span.line,
						found: span.text.slice(...range),
						term,
						variant,
						locale: lesson.locale,
					});
	return findings.sort((a, b) => a.line - b.line);
}
