import { describe, expect, it } from 'vitest';
import { widgetStrings } from '../i18n';
import { fill, inlineCode } from '../text';
import { displayOrder, verdict } from './view';

describe('self-check view logic', () => {
	it('says right or wrong in words and gives the chosen option’s why', () => {
		const en = widgetStrings('en').selfCheck;
		expect(verdict({ correct: true, why: 'SYN takes one number.' }, en)).toEqual({
			correct: true,
			mark: '✓ Correct',
			message: 'Correct. SYN takes one number.',
		});
		const zh = widgetStrings('zh-CN').selfCheck;
		expect(verdict({ correct: false, why: 'y 是服务器的 ISN。' }, zh)).toEqual({
			correct: false,
			mark: '✗ 不对',
			message: '不对。y 是服务器的 ISN。',
		});
	});

	it('splits inline code from text', () => {
		expect(inlineCode('`ss -tan` shows `[F.]`.')).toEqual([
			{ code: true, text: 'ss -tan' },
			{ code: false, text: ' shows ' },
			{ code: true, text: '[F.]' },
			{ code: false, text: '.' },
		]);
		expect(inlineCode('no code')).toEqual([{ code: false, text: 'no code' }]);
		expect(inlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
	});

	it('fills placeholders', () => {
		expect(fill('Question {n} of {total}', { n: 2, total: 5 })).toBe('Question 2 of 5');
		expect(fill('{missing}', {})).toBe('{missing}');
	});
});

describe('displayOrder', () => {
	const options = ['x + 1', 'y + 1', 'y', 'x'].map((text, i) => ({ text, correct: i === 0 }));

	it('keeps every option exactly once and does not depend on the authored order', () => {
		const shown = displayOrder('Which ack?', options);
		expect([...shown].sort((a, b) => a.text.localeCompare(b.text))).toEqual(
			[...options].sort((a, b) => a.text.localeCompare(b.text)),
		);
		expect(displayOrder('Which ack?', [...options].reverse())).toEqual(shown);
	});

	it('puts the right answer first in only some of the lessons’ questions (authors wrote it first in all)', async () => {
		const { readFileSync, readdirSync } = await import('node:fs');
		const dir = new URL('../../../content/docs/en/', import.meta.url);
		const questions = readdirSync(dir)
			.filter((file) => file.endsWith('.mdx'))
			.flatMap((file) => readFileSync(new URL(file, dir), 'utf8').split('\n  - question: ').slice(1))
			.map((block) => ({
				question: block.split('\n')[0]!,
				options: [...block.matchAll(/\n {6}- text: (.+)\n {8}(correct: true)?/g)].map(([, text, correct]) => ({
					text: text!,
					correct: Boolean(correct),
				})),
			}));
		expect(questions.length).toBeGreaterThan(20);
		const rightFirst = questions.filter((q) => displayOrder(q.question, q.options)[0]!.correct).length;
		expect(rightFirst).toBeLessThan(questions.length / 2);
	});
});
