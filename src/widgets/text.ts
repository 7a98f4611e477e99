/** Small text helpers shared by the widgets' server and client code. */

/** Fills `{name}` placeholders from `vars`; unknown names are left as they are. */
export const fill = (template: string, vars: Record<string, string | number>): string =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

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
