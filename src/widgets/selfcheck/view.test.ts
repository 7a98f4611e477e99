import { describe, expect, it } from 'vitest';
import { widgetStrings } from '../i18n';
import { fill, inlineCode } from '../text';
import { verdict } from './view';

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
