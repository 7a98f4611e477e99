/**
 * The ladder's colours are the build-time diagrams' (src/diagrams/themes.ts), so a drawn run sits
 * beside the lessons' Mermaid diagrams as one family: custom properties for the explorer, dark by
 * default like Starlight's palette and the merged diagrams, light under `[data-theme='light']`.
 */
import { MERMAID_CONFIG, type DiagramTheme } from '../../diagrams/themes';

/** Each ladder colour and the Mermaid theme variable it takes its value from, in order of preference. */
const FROM = {
	'--lad-actor-bg': ['actorBkg'],
	'--lad-actor-line': ['actorBorder'],
	'--lad-actor-text': ['actorTextColor'],
	'--lad-life': ['actorLineColor', 'lineColor'],
	'--lad-signal': ['signalColor'],
	'--lad-text': ['signalTextColor'],
	'--lad-bg': ['background'],
	'--lad-note': ['noteBorderColor'],
	'--lad-note-bg': ['noteBkgColor'],
	'--lad-note-text': ['noteTextColor'],
	'--lad-accent': ['primaryBorderColor'],
} as const;

export function ladderPalette(theme: DiagramTheme): Record<keyof typeof FROM, string> {
	const vars = MERMAID_CONFIG[theme].themeVariables as Record<string, string | undefined>;
	return Object.fromEntries(
		Object.entries(FROM).map(([name, keys]) => {
			const value = keys.map((k) => vars[k]).find(Boolean);
			if (!value) throw new Error(`src/diagrams/themes.ts: the ${theme} theme sets none of ${keys.join(', ')} (for ${name})`);
			return [name, value];
		}),
	) as Record<keyof typeof FROM, string>;
}

const block = (theme: DiagramTheme) =>
	Object.entries(ladderPalette(theme))
		.map(([k, v]) => `${k}:${v}`)
		.join(';');

/** The stylesheet text, scoped to the explorers. */
export const ladderThemeCss = (): string => `.explorer{${block('dark')}}:root[data-theme='light'] .explorer{${block('light')}}`;
