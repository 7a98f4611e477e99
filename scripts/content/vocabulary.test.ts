import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTerms } from '../../src/schemas/terms';
import { LOCALES, lessonSources, parseLesson, ROOT, type Lesson, type Locale } from './lessons';
import { describeFinding, readTerms, rejectedUses, variantUses } from './vocabulary';

const vocabulary = readTerms();

describe('every lesson uses the one vocabulary of content/terms/terms.yaml', () => {
	for (const locale of LOCALES)
		for (const source of lessonSources(locale))
			it(source.file, () => {
				expect(rejectedUses(parseLesson(source), vocabulary).map(describeFinding)).toEqual([]);
			});
});

it('every term is taught by a lesson that exists in both locales', () => {
	const missing = vocabulary.terms.flatMap((term) =>
		[`content/docs/${term.lesson}.mdx`, `content/docs/en/${term.lesson}.mdx`]
			.filter((file) => !existsSync(join(ROOT, file)))
			.map((file) => `${term.id}: ${file}`),
	);
	expect(missing).toEqual([]);
});

/** A small terms table written out here, so these tests do not move when the real one grows. */
const table = parseTerms(
	`
quoteAsides: { zh-CN: [常见错误], en: [A common mistake] }
terms:
  - id: window-scale
    lesson: handshake
    zh-CN: { term: 窗口扩大, meaning: m, reject: [窗口缩放] }
    en: { term: window scale, meaning: m }
  - id: half-close
    lesson: teardown
    zh-CN:
      term: 半关闭
      meaning: m
      reject: [{ text: 半开, unless: [半开连接] }, 半打开]
    en:
      term: half-close
      meaning: m
      reject: [{ text: half-open, unless: [half-open connection], note: Say half-close. }]
  - id: state-names
    lesson: state-machine
    zh-CN: { term: 状态名, meaning: m, reject: [ESTAB] }
    en: { term: state names, meaning: m, reject: [ESTAB, pure ACK, { text: TIME_WAIT, instead: TIME-WAIT }] }
`,
	'test.yaml',
);

const lesson = (locale: Locale, text: string): Lesson =>
	parseLesson({ slug: 'x', locale, file: `content/docs/${locale === 'en' ? 'en/' : ''}x.mdx`, text });
const found = (l: Lesson) => rejectedUses(l, table).map((f) => `${f.line}:${f.found}→${f.term[f.locale].term}`);

describe('rejectedUses', () => {
	it('names the file, the line and the term to write instead', () => {
		const l = lesson('zh-CN', '---\ntitle: t\n---\n\n第一段。\n\n两个 SYN 都带了窗口缩放选项。\n');
		expect(rejectedUses(l, table).map(describeFinding)).toEqual([
			'content/docs/x.mdx:7: "窗口缩放" → write "窗口扩大" (terms.yaml id window-scale, taught in handshake).',
		]);
	});

	it('reads the front matter, quiz included, at its own lines', () => {
		const l = lesson('zh-CN', '---\ntitle: 窗口缩放\nquiz:\n  - question: 什么是半打开？\n---\n\n正文。\n');
		expect(found(l)).toEqual(['2:窗口缩放→窗口扩大', '4:半打开→半关闭']);
	});

	it('allows the longer phrases a variant is part of', () => {
		const l = lesson('zh-CN', '---\ntitle: t\n---\n\n一端崩溃时是半开连接，一个方向关闭时不是半开。\n');
		expect(found(l)).toEqual(['5:半开→半关闭']);
	});

	it('matches Latin variants as whole words, in any case and in the plural', () => {
		const l = lesson('en', '---\ntitle: t\n---\n\nESTABLISHED is fine. Estab is not. Pure ACKs are not either.\n');
		expect(found(l)).toEqual(['5:Estab→state names', '5:Pure ACKs→state names']);
	});

	it('names the replacement a variant gives instead of the entry\'s term', () => {
		const l = lesson('en', '---\ntitle: t\n---\n\nThe socket waits in TIME_WAIT.\n');
		expect(rejectedUses(l, table).map(describeFinding)).toEqual([
			'content/docs/en/x.mdx:5: "TIME_WAIT" → write "TIME-WAIT" (terms.yaml id state-names, taught in state-machine).',
		]);
	});

	it('uses the English "half-open" only for a half-open connection', () => {
		const l = lesson('en', '---\ntitle: t\n---\n\nA half-open connection is fine; a socket that stays half-open is not.\n');
		expect(rejectedUses(l, table).map(describeFinding)).toEqual([
			'content/docs/en/x.mdx:5: "half-open" → write "half-close" (terms.yaml id half-close, taught in teardown). Say half-close.',
		]);
	});

	it('leaves inline code and code blocks alone, but reads Mermaid labels and component props', () => {
		const l = lesson(
			'en',
			[
				'---',
				'title: t',
				'---',
				'',
				'`ss` prints `ESTAB`.',
				'',
				'```text',
				'ESTAB 0 0 127.0.0.1:8080',
				'```',
				'',
				'```mermaid',
				'stateDiagram-v2',
				'  state "ESTABLISHED" as ESTAB',
				'  ESTAB --> CLOSED: after a pure ACK',
				'```',
				'',
				'<Card title="ESTAB" />',
				'',
			].join('\n'),
		);
		expect(found(l)).toEqual(['14:pure ACK→state names', '17:ESTAB→state names']);
	});

	it('lets a mistake aside quote a variant between quotation marks, and nothing more', () => {
		const text = [
			'---',
			'title: t',
			'---',
			'',
			':::caution[常见错误]',
			'很多笔记把它叫作“半打开”，其实是半打开。',
			':::',
			'',
			':::note[注意]',
			'这里的“半打开”不是引用错误。',
			':::',
			'',
		].join('\n');
		expect(found(lesson('zh-CN', text))).toEqual(['6:半打开→半关闭', '10:半打开→半关闭']);
	});

	it('checks lessons a later commit adds, with no list to update', () => {
		const sources = LOCALES.flatMap((locale) => lessonSources(locale).map((s) => s.file));
		expect(sources).toContain('content/docs/handshake.mdx');
		expect(sources).toContain('content/docs/en/handshake.mdx');
		expect(sources.length).toBeGreaterThanOrEqual(24);
	});
});

describe('variantUses', () => {
	it('finds every use, not only the first', () => {
		expect(variantUses('窗口缩放，还是窗口缩放', { text: '窗口缩放', unless: [] })).toEqual([
			[0, 4],
			[7, 11],
		]);
	});
});
