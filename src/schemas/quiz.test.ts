import { describe, expect, it } from 'vitest';
import { quizSchema } from './quiz';

const option = (text: string, correct = false) => ({ text, correct, why: `why ${text}` });

describe('quizSchema', () => {
	it('accepts a question with three options and one right answer', () => {
		const quiz = [{ question: 'What is the ack?', options: [option('y + 1', true), option('x + 1'), option('y')] }];
		expect(quizSchema.parse(quiz)).toEqual(quiz);
	});

	it('refuses a two-option question, naming the field', () => {
		const result = quizSchema.safeParse([{ question: 'q', options: [option('a', true), option('b')] }]);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['0.options', 'too_small']]);
	});

	it('refuses a question without exactly one right answer', () => {
		const result = quizSchema.safeParse([{ question: 'q', options: [option('a', true), option('b', true), option('c')] }]);
		expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['0.options', 'exactly one option must have `correct: true`'],
		]);
	});

	it('refuses a seventh question', () => {
		const q = { question: 'q', options: [option('a', true), option('b'), option('c')] };
		expect(quizSchema.safeParse(Array.from({ length: 7 }, () => q)).success).toBe(false);
	});
});
