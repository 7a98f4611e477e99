import { describe, expect, it } from 'vitest';
import { escapeHtml, fill, fnv1a } from './text';

describe('fill', () => {
	it('fills known placeholders, numbers too, and leaves unknown ones as written', () => {
		expect(fill('{a} → {b} {c}', { a: 'X', b: 2 })).toBe('X → 2 {c}');
		expect(fill('{n}{n}', { n: 0 })).toBe('00');
	});
});

describe('escapeHtml', () => {
	it('escapes the five characters that end text or a quoted attribute', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
		expect(escapeHtml('SYN, ACK → 服务器')).toBe('SYN, ACK → 服务器');
	});
});

describe('fnv1a', () => {
	it('matches the published FNV-1a 32-bit test vectors', () => {
		// http://www.isthe.com/chongo/src/fnv/test_fnv.c (FNV1A_32): "", "a", "foobar".
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});
});
