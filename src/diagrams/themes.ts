import type { MermaidConfig } from 'mermaid';

/**
 * Diagrams are rendered once per colour scheme, because Mermaid bakes colours into the SVG and
 * derives shades from them at render time (CSS variables cannot feed its colour maths).
 * The palettes follow Starlight's accent and grey scales so diagrams sit in the page.
 */
export type DiagramTheme = 'light' | 'dark';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

const fontFamily =
	'-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const common: MermaidConfig = {
	startOnLoad: false,
	securityLevel: 'strict',
	fontFamily,
	sequence: { mirrorActors: false, useMaxWidth: true, noteMargin: 8, messageMargin: 30 },
	state: { useMaxWidth: true },
	flowchart: { useMaxWidth: true, htmlLabels: false },
};

export const MERMAID_CONFIG: Record<DiagramTheme, MermaidConfig> = {
	light: {
		...common,
		theme: 'base',
		themeVariables: {
			fontFamily,
			background: '#ffffff',
			primaryColor: '#e0f2f1',
			primaryBorderColor: '#00796b',
			primaryTextColor: '#17181c',
			lineColor: '#3c3f45',
			textColor: '#17181c',
			noteBkgColor: '#fff8e1',
			noteBorderColor: '#b58900',
			noteTextColor: '#17181c',
			actorBkg: '#e0f2f1',
			actorBorder: '#00796b',
			actorTextColor: '#17181c',
			signalColor: '#17181c',
			signalTextColor: '#17181c',
		},
	},
	dark: {
		...common,
		theme: 'base',
		themeVariables: {
			darkMode: true,
			fontFamily,
			background: '#17181c',
			primaryColor: '#10403c',
			primaryBorderColor: '#4dd0c0',
			primaryTextColor: '#eceef2',
			secondaryColor: '#2a2d36',
			tertiaryColor: '#23262f',
			lineColor: '#c0c2c7',
			textColor: '#eceef2',
			noteBkgColor: '#3a3420',
			noteBorderColor: '#d7b445',
			noteTextColor: '#f5f0dc',
			actorBkg: '#10403c',
			actorBorder: '#4dd0c0',
			actorTextColor: '#eceef2',
			actorLineColor: '#8b8f98',
			signalColor: '#eceef2',
			signalTextColor: '#eceef2',
			labelBoxBkgColor: '#23262f',
			labelTextColor: '#eceef2',
			loopTextColor: '#eceef2',
		},
	},
};
