import { describe, expect, it } from 'vitest';
import { parseTerms, TermsError } from './terms';

const entry = (id: string, zhReject = '[]') => `
  - id: ${id}
    lesson: teardown
    rfc: { term: half closed, ref: RFC 9293 §3.6.1 }
    zh-CN: { term: 半关闭, meaning: 一个方向已关闭。, reject: ${zhReject} }
    en: { term: half-close, meaning: One direction closed. }`;
const file = (...entries: string[]) => `quoteAsides: { zh-CN: [常见错误], en: [A common mistake] }\nterms:${entries.join('')}\n`;

describe('parseTerms', () => {
	it('reads variants written as plain strings or with exceptions', () => {
		const { terms } = parseTerms(file(entry('half-close', '[半打开, { text: 半开, unless: [半开连接] }]')), 'terms.yaml');
		expect(terms[0]!['zh-CN'].reject).toEqual([
			{ text: '半打开', unless: [] },
			{ text: '半开', unless: ['半开连接'] },
		]);
		expect(terms[0]!.en.reject).toEqual([]);
	});

	it('names the file, the entry and the field of a problem', () => {
		const broken = file(entry('half-close'), entry('Bad Id'));
		expect(() => parseTerms(broken, 'content/terms/terms.yaml')).toThrow(
			'content/terms/terms.yaml: entry 2 (id Bad Id), field id: lower-case words joined by hyphens',
		);
	});

	it('refuses an exception that does not contain its variant', () => {
		expect(() => parseTerms(file(entry('half-close', '[{ text: 半开, unless: [半关闭] }]')), 't.yaml')).toThrow(
			't.yaml: entry 1 (id half-close), field zh-CN.reject[0].unless[0]: "半关闭" does not contain "半开"',
		);
	});

	it('refuses a variant two entries reject, and a repeated id', () => {
		expect(() => parseTerms(file(entry('a', '[半开]'), entry('b', '[半开]')), 't.yaml')).toThrow(
			'entry 2 (id b), field zh-CN.reject[0]: "半开" is already rejected by "a"',
		);
		expect(() => parseTerms(file(entry('a'), entry('a')), 't.yaml')).toThrow('entry 2 (id a), field id: "a" is also entry 1');
	});

	it('says where the YAML breaks', () => {
		expect(() => parseTerms('terms: [\n  - id: x\n', 't.yaml')).toThrow(TermsError);
		expect(() => parseTerms('terms: [\n  - id: x\n', 't.yaml')).toThrow(/^t\.yaml:\d+: not valid YAML/);
	});

	it('refuses a malformed RFC reference', () => {
		const bad = file(entry('half-close')).replace('RFC 9293 §3.6.1', 'rfc9293 3.6.1');
		expect(() => parseTerms(bad, 't.yaml')).toThrow('entry 1 (id half-close), field rfc.ref: like "RFC 9293 §3.5.1"');
	});
});
