/**
 * Small text helpers, one of each for the whole site: the widgets' server and client code, the
 * build-time diagrams and the sponsor images all use these (grep before writing another).
 */

/** Fills `{name}` placeholders from `vars`; unknown names are left as they are. */
export const fill = (template: string, vars: Record<string, string | number>): string =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** Text made safe for HTML element content and for quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** FNV-1a over code points, 32 bits: a small hash that is the same on every build and in every browser. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
	return h >>> 0;
}

export interface TextPart {
	code: boolean;
	text: string;
}

/** Splits Markdown-style inline code (`like this`) from plain text, as quiz text in front matter uses it. */
export function inlineCode(text: string): TextPart[] {
	return text
		.split(/(`[^`]+`)/)
		.filter(Boolean)
		.map((part) => (/^`[^`]+`$/.test(part) ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}
