/**
 * The site's one vocabulary (content/terms/terms.yaml): each term in both locales, its name in the
 * RFC, the lesson that teaches it, and the variants lessons must not use. The glossary renders it;
 * scripts/content/vocabulary.test.ts holds every lesson to it.
 *
 * This module only depends on zod and yaml so it can be unit-tested without Astro.
 */
import { z } from 'astro/zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export const TERM_LOCALES = ['zh-CN', 'en'] as const;
export type TermLocale = (typeof TERM_LOCALES)[number];

/**
 * A rejected variant. `unless` lists longer phrases that contain it and are fine (半开 is rejected,
 * 半开连接 is not); `instead` is what to write when it is not the entry's term itself (TIME-WAIT for
 * TIME_WAIT in the state-names entry); `note` explains when that is not enough.
 */
const variantSchema = z
	.object({
		text: z.string().min(1),
		unless: z.array(z.string().min(1)).default([]),
		instead: z.string().min(1).optional(),
		note: z.string().min(1).optional(),
	})
	.superRefine((v, ctx) => {
		v.unless.forEach((phrase, i) => {
			if (!phrase.toLowerCase().includes(v.text.toLowerCase()))
				ctx.addIssue({ code: 'custom', path: ['unless', i], message: `"${phrase}" does not contain "${v.text}"` });
		});
	});

type Variant = z.infer<typeof variantSchema>;

const localizedSchema = z.object({
	/** The term lessons use in this locale. */
	term: z.string().min(1),
	meaning: z.string().min(1),
	/** Plain strings are shorthand for `{ text }`. */
	reject: z
		.array(z.union([z.string().min(1).transform((text): Variant => ({ text, unless: [] })), variantSchema]))
		.default([]),
});

/** `RFC 9293 §3.5.1` or `RFC 7323`: rendered as a link to rfc-editor.org. */
export const RFC_REF = /^RFC (\d{3,5})(?: §(\d+(?:\.\d+)*))?$/;

export const termSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
	/** The slug of the lesson that teaches the term. */
	lesson: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lesson slug such as handshake'),
	/** What the RFC calls it, and where. */
	rfc: z.object({ term: z.string().min(1), ref: z.string().regex(RFC_REF, 'like "RFC 9293 §3.5.1"') }).optional(),
	'zh-CN': localizedSchema,
	en: localizedSchema,
});
export type Term = z.infer<typeof termSchema>;
export type TermVariant = Term['en']['reject'][number];

export const termsFileSchema = z
	.object({
		/**
		 * Titles of the asides that quote mistakes (`:::caution[常见错误]`): inside them, a rejected
		 * variant between quotation marks is a quotation, not a use.
		 */
		quoteAsides: z.object({ 'zh-CN': z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) }),
		terms: z.array(termSchema).min(1),
	})
	.superRefine((file, ctx) => {
		const seen = new Map<string, number>();
		file.terms.forEach((term, i) => {
			if (seen.has(term.id))
				ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `"${term.id}" is also entry ${seen.get(term.id)! + 1}` });
			seen.set(term.id, i);
		});
		// A variant rejected by two entries would send the writer two ways.
		for (const locale of TERM_LOCALES) {
			const owner = new Map<string, string>();
			file.terms.forEach((term, i) =>
				term[locale].reject.forEach((variant, j) => {
					const key = variant.text.toLowerCase();
					const other = owner.get(key);
					if (other)
						ctx.addIssue({
							code: 'custom',
							path: ['terms', i, locale, 'reject', j],
							message: `"${variant.text}" is already rejected by "${other}"`,
						});
					owner.set(key, term.id);
				}),
			);
		}
	});
export type TermsFile = z.infer<typeof termsFileSchema>;

export class TermsError extends Error {}

/** A path like terms[3].en.reject[0] → `entry 4 (id half-close), field en.reject[0]`. */
function where(raw: unknown, path: PropertyKey[]): string {
	if (path[0] !== 'terms' || typeof path[1] !== 'number') return `field ${path.join('.') || '(top level)'}`;
	const entry = (raw as { terms?: Array<{ id?: unknown }> })?.terms?.[path[1]];
	const id = typeof entry?.id === 'string' ? ` (id ${entry.id})` : '';
	const rest = path.slice(2).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
	return `entry ${path[1] + 1}${id}${rest ? `, field ${rest}` : ''}`;
}

/** Parses and validates the terms file; every problem names the file, the entry and the field. */
export function parseTerms(text: string, file: string): TermsFile {
	let raw: unknown;
	try {
		raw = parseYaml(text);
	} catch (error) {
		const line = error instanceof YAMLParseError ? `:${error.linePos?.[0].line ?? '?'}` : '';
		throw new TermsError(`${file}${line}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	const result = termsFileSchema.safeParse(raw);
	if (!result.success)
		throw new TermsError(
			`${file}: ${result.error.issues.map((issue) => `${where(raw, issue.path)}: ${issue.message}`).join('; ')}`,
		);
	return result.data;
}
