import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parityExceptionsSchema, type ParityException } from '../../src/schemas/parity';
import { lessonPairs, parseLesson, ROOT, type Lesson } from './lessons';
import { compareLocales, numbersIn } from './parity';

const EXCEPTIONS_FILE = 'content/translations/parity-exceptions.yaml';
const exceptions = parityExceptionsSchema.parse(parseYaml(readFileSync(join(ROOT, EXCEPTIONS_FILE), 'utf8')) ?? []);

describe('each lesson says the same thing in both locales', () => {
	const used = new Set<ParityException>();
	for (const { slug, zh, en } of lessonPairs())
		it(slug, () => {
			const result = compareLocales(
				zh,
				en,
				exceptions.filter((x) => x.lesson === slug),
			);
			result.used.forEach((x) => used.add(x));
			expect(result.problems).toEqual([]);
		});

	it(`${EXCEPTIONS_FILE} lists only differences that still exist`, () => {
		const stale = exceptions.filter((x) => !used.has(x));
		expect(stale.map((x) => `${x.lesson} "${x.section}": ${x.number} (${x.reason})`)).toEqual([]);
	});
});

describe('numbersIn', () => {
	it('normalises separators and keeps sections and requirement labels whole', () => {
		expect(numbersIn('65,536 bytes, 65 536 bytes, 65\u202f536 bytes')).toEqual(['65536', '65536', '65536']);
		expect(numbersIn('RFC 9293 §3.10.7.4 (MUST-13, MAY-2) says 2 × MSL.')).toEqual([
			'MUST-13',
			'MAY-2',
			'9293',
			'3.10.7.4',
			'2',
		]);
	});

	it('leaves out digits that belong to names', () => {
		expect(numbersIn('FIN-WAIT-1, TCP_FIN_WAIT1, IPv4, a 4-tuple')).toEqual([]);
	});

	it('reads lists as separate numbers', () => {
		expect(numbersIn('at 1, 3, 7, 15 and 31 s')).toEqual(['1', '3', '7', '15', '31']);
	});
});

const file = (locale: 'zh-CN' | 'en', body: string, front = 'title: t'): Lesson =>
	parseLesson({ slug: 'x', locale, file: `content/docs/${locale === 'en' ? 'en/' : ''}x.mdx`, text: `---\n${front}\n---\n\n${body}\n` });

describe('compareLocales', () => {
	it('passes a faithful translation', () => {
		const zh = file('zh-CN', '## 握手\n\n客户端在 1 秒后重传，共 65536 字节（§3.5）。\n\n<ScenarioDiagram scenario="lost-syn" />');
		const en = file('en', '## The handshake\n\nThe client retransmits after 1 s, 65,536 bytes in all (§3.5).\n\n<ScenarioDiagram scenario="lost-syn" />');
		expect(compareLocales(zh, en).problems).toEqual([]);
	});

	it('names both headings when the levels differ', () => {
		const zh = file('zh-CN', '## 甲\n\n### 乙');
		const en = file('en', '## A\n\n## B');
		expect(compareLocales(zh, en).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: headings 2 differs: zh-CN h3 "乙" (line 7), en h2 "B" (line 7)',
		]);
	});

	it('names a number one locale has and the other lacks, with its section', () => {
		const zh = file('zh-CN', '## 多久\n\nLinux 上是 60 秒。');
		const en = file('en', '## How long\n\nOn Linux it is a minute.');
		expect(compareLocales(zh, en).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: section "多久" (zh-CN line 5) / "How long" (en line 5): 60 appears 1× in zh-CN, 0× in en',
		]);
	});

	it('compares diagrams by what they draw, not by their words', () => {
		const diagram = (a: string, b: string) => ['```mermaid', 'sequenceDiagram', `  participant C as ${a}`, `  C->>S: ${b}`, '```'].join('\n');
		expect(compareLocales(file('zh-CN', diagram('客户端', 'SYN')), file('en', diagram('Client', 'SYN'))).problems).toEqual([]);
		const swapped = ['```mermaid', 'sequenceDiagram', '  participant C as Client', '  S->>C: SYN', '```'].join('\n');
		expect(compareLocales(file('zh-CN', diagram('客户端', 'SYN')), file('en', swapped)).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: Mermaid diagram 1 is drawn differently at its line 3: zh-CN (line 8) "C->>S: …", en (line 8) "S->>C: …"',
		]);
	});

	it('requires the same components with the same props, prose props aside', () => {
		const zh = file('zh-CN', '<CaptureWalkthrough capture="fin-ack" first={8} />\n\n<LinkCard title="一课" href="a/" />');
		const en = file('en', '<CaptureWalkthrough capture="fin-ack" first={9} />\n\n<LinkCard title="A lesson" href="a/" />');
		expect(compareLocales(zh, en).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: components 1 differs: zh-CN <CaptureWalkthrough capture="fin-ack" first={8}> (line 5), en <CaptureWalkthrough capture="fin-ack" first={9}> (line 5)',
		]);
	});

	it('requires the same quiz: questions, options, the right answer and its numbers', () => {
		const quiz = (q: string, answers: string[], correct: number) =>
			[
				'title: t',
				'quiz:',
				`  - question: ${q}`,
				'    options:',
				...answers.flatMap((a, i) => [`      - text: ${a}`, ...(i === correct ? ['        correct: true'] : []), '        why: w']),
			].join('\n');
		const zh = file('zh-CN', '正文', quiz('ack 是多少？', ['2', '1', '3'], 0));
		expect(compareLocales(zh, file('en', 'Text', quiz('What is the ack?', ['2', '1'], 0))).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: quiz question 1 has 3 options in zh-CN ("ack 是多少？"), 2 in en ("What is the ack?")',
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: quiz question 1 ("What is the ack?"): 3 appears 1× in zh-CN, 0× in en',
		]);
		expect(compareLocales(zh, file('en', 'Text', quiz('What is the ack?', ['1', '2', '3'], 1))).problems).toEqual([
			'content/docs/x.mdx ↔ content/docs/en/x.mdx: quiz question 1: the right answer is option 1 in zh-CN, 2 in en',
		]);
	});

	it('accepts a difference listed as an exception, and reports it used', () => {
		const zh = file('zh-CN', '## 多久\n\nLinux 上是 60 秒。');
		const en = file('en', '## How long\n\nOn Linux it is a minute.');
		const exception: ParityException = {
			lesson: 'x',
			section: 'How long',
			number: '60',
			'zh-CN': 1,
			en: 0,
			reason: 'English says a minute here.',
		};
		const result = compareLocales(zh, en, [exception]);
		expect(result.problems).toEqual([]);
		expect([...result.used]).toEqual([exception]);
	});
});
