import { describe, expect, it } from 'vitest';
import { parseTerms } from '../schemas/terms';
import { rfcUrl, termLocale, termRows } from './rows';

describe('rfcUrl', () => {
	it('links a section, or the whole RFC', () => {
		expect(rfcUrl('RFC 9293 §3.5.1')).toBe('https://www.rfc-editor.org/rfc/rfc9293#section-3.5.1');
		expect(rfcUrl('RFC 7413')).toBe('https://www.rfc-editor.org/rfc/rfc7413');
		expect(() => rfcUrl('Linux')).toThrow('not an RFC reference: "Linux"');
	});
});

describe('termRows', () => {
	const { terms } = parseTerms(
		`quoteAsides: { zh-CN: [常见错误], en: [A common mistake] }
terms:
  - id: half-close
    lesson: teardown
    rfc: { term: half closed, ref: RFC 9293 §3.6.1 }
    zh-CN: { term: 半关闭, meaning: 一个方向已用 FIN 关闭。, reject: [半打开, { text: 半开, unless: [半开连接] }] }
    en: { term: half-close, meaning: One direction closed by a FIN. }
  - id: full-duplex
    lesson: why-four
    rfc: { term: Full Duplex, ref: RFC 9293 }
    zh-CN: { term: 全双工, meaning: 两条字节流。 }
    en: { term: full duplex, meaning: Two byte streams. }
`,
		't.yaml',
	);

	it('gives each row the page language, the other language and the RFC, its name only where it differs', () => {
		expect(termRows(terms, termLocale('zh-CN'))).toEqual([
			{
				id: 'half-close',
				term: '半关闭',
				other: { lang: 'en', term: 'half-close' },
				rfc: { term: 'half closed', ref: 'RFC 9293 §3.6.1', url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.6.1' },
				meaning: '一个方向已用 FIN 关闭。',
				lesson: 'teardown',
				avoid: ['半打开', '半开'],
			},
			{
				id: 'full-duplex',
				term: '全双工',
				other: { lang: 'en', term: 'full duplex' },
				rfc: { ref: 'RFC 9293', url: 'https://www.rfc-editor.org/rfc/rfc9293' },
				meaning: '两条字节流。',
				lesson: 'why-four',
				avoid: [],
			},
		]);
		expect(termRows(terms, termLocale('en'))[0]).toMatchObject({ term: 'half-close', other: { lang: 'zh-CN', term: '半关闭' }, avoid: [] });
	});
});
