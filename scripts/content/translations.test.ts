import { describe, expect, it } from 'vitest';
import { formatStatus, stateOf, type Change } from './translations';

const change = (date: string, hash: string, message = 'm'): Change => ({ date, hash, message });

describe('stateOf', () => {
	it('is in step when one commit changed both files', () => {
		expect(stateOf(change('2026-11-25T08:00:00Z', 'aaa'), change('2026-11-25T08:00:00Z', 'aaa'))).toBe('in step');
	});

	it('names the locale whose last change is older, in both directions', () => {
		const zh = change('2026-11-25T08:00:00Z', 'aaa');
		const en = change('2026-11-26T08:00:00Z', 'bbb');
		expect(stateOf(zh, en)).toBe('zh-CN behind');
		expect(stateOf(en, zh)).toBe('en behind');
	});

	it('names a missing file', () => {
		expect(stateOf(undefined, change('2026-11-25T08:00:00Z', 'a'))).toBe('zh-CN missing');
		expect(stateOf(change('2026-11-25T08:00:00Z', 'a'), undefined)).toBe('en missing');
	});
});

it('formatStatus prints one aligned row per lesson', () => {
	const rows = [
		{ lesson: 'handshake', zh: change('2026-11-25T08:00:00Z', '0123456789', 'Fix the handshake'), en: change('2026-11-26T09:00:00Z', 'abcdef0123', 'Say it in English'), state: 'zh-CN behind' as const },
		{ lesson: 'glossary', zh: change('2026-11-25T08:00:00Z', '0123456789', 'x'), state: 'en missing' as const },
	];
	expect(formatStatus(rows).split('\n')).toEqual([
		'lesson     zh-CN: last change                    en: last change                       status',
		'handshake  2026-11-25 0123456 Fix the handshake  2026-11-26 abcdef0 Say it in English  zh-CN behind',
		'glossary   2026-11-25 0123456 x                  —                                     en missing',
	]);
});
