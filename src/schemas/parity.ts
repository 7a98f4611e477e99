/**
 * Numbers a lesson's two locales may deliberately write differently (content/translations/
 * parity-exceptions.yaml), each with its reason. scripts/content/parity.test.ts applies them and
 * fails on one that no longer matches anything.
 */
import { z } from 'astro/zod';

export const parityExceptionSchema = z.object({
	/** The lesson's slug. */
	lesson: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
	/** The section's heading in the English lesson, or "(before the first heading)". */
	section: z.string().min(1),
	/** The number as the check normalises it: 65536, 3.10.7.4, MUST-13. */
	number: z.string().min(1),
	/** How many times each locale writes it in that section. */
	'zh-CN': z.number().int().nonnegative(),
	en: z.number().int().nonnegative(),
	reason: z.string().min(10),
});
export type ParityException = z.infer<typeof parityExceptionSchema>;

export const parityExceptionsSchema = z.array(parityExceptionSchema);
