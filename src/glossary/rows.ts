/** The glossary's rows for one locale, from the terms table (content/terms/terms.yaml). */
import { RFC_REF, TERM_LOCALES, type Term, type TermLocale } from '../schemas/terms';

export interface TermRow {
	id: string;
	term: string;
	/** The same term in the other locale, shown under it. */
	other: { lang: TermLocale; term: string };
	/** Where the RFC defines it; `term` only when the RFC's name differs from the English term. */
	rfc?: { term?: string; ref: string; url: string };
	meaning: string;
	/** Slug of the lesson that teaches it. */
	lesson: string;
	/** Variants the lessons do not use. */
	avoid: string[];
}

/** `RFC 9293 §3.5.1` → its address on rfc-editor.org. */
export function rfcUrl(ref: string): string {
	const match = RFC_REF.exec(ref);
	if (!match) throw new Error(`not an RFC reference: "${ref}"`);
	const [, number, section] = match;
	return `https://www.rfc-editor.org/rfc/rfc${number}${section ? `#section-${section}` : ''}`;
}

/** Starlight's page language (zh-CN, en) as a terms locale. */
export const termLocale = (lang: string | undefined): TermLocale => (lang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

function rfcOf(rfc: NonNullable<Term['rfc']>, english: string): NonNullable<TermRow['rfc']> {
	const same = rfc.term.toLowerCase() === english.toLowerCase();
	return { ...(same ? {} : { term: rfc.term }), ref: rfc.ref, url: rfcUrl(rfc.ref) };
}

export function termRows(terms: readonly Term[], locale: TermLocale): TermRow[] {
	const otherLocale = TERM_LOCALES.find((l) => l !== locale)!;
	return terms.map((t) => ({
		id: t.id,
		term: t[locale].term,
		other: { lang: otherLocale, term: t[otherLocale].term },
		...(t.rfc ? { rfc: rfcOf(t.rfc, t.en.term) } : {}),
		meaning: t[locale].meaning,
		lesson: t.lesson,
		avoid: t[locale].reject.map((v) => v.text),
	}));
}
