import { z } from 'astro/zod';

/** A lesson's self-check questions, written in its front matter and rendered by SelfCheck. */
const option = z.object({
	text: z.string().min(1),
	correct: z.boolean().default(false),
	/** Shown when the reader picks this option: why it is right or wrong. */
	why: z.string().min(1),
});

/** Two options make a coin toss: at least three, so a reader has to think which one holds. */
const question = z
	.object({ question: z.string().min(1), options: z.array(option).min(3).max(5) })
	.refine((q) => q.options.filter((o) => o.correct).length === 1, {
		message: 'exactly one option must have `correct: true`',
		path: ['options'],
	});

export const quizSchema = z.array(question).max(6).optional();
export type Quiz = z.infer<typeof quizSchema>;
