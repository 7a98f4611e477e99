import { diagramKey, readCached, writeCached } from './cache';
import { figureHtml, type DiagramArt } from './figure';
import { mergeThemes } from './merge';
import { pruneUnused } from './prune';
import { recordStat } from './stats';
import { MermaidSyntaxError, renderSvg, type RenderedSvg } from './renderer';
import { DIAGRAM_THEMES, MERMAID_CONFIG, type DiagramTheme } from './themes';

export { closeRenderer } from './renderer';

/** Where a diagram comes from, so that an error can point a contributor at it. */
export interface DiagramSource {
	file: string;
	/** 1-based line of the diagram's first line of code in `file`. */
	line: number;
}

export class DiagramError extends Error {
	constructor(source: DiagramSource, lineInDiagram: number, reason: string) {
		super(`${source.file}:${source.line + lineInDiagram - 1}: Mermaid diagram: ${reason}`);
		this.name = 'DiagramError';
	}
}

const inFlight = new Map<string, Promise<DiagramArt>>();

function accessibleTitle(code: string, source: DiagramSource): string {
	const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(code)?.[1]?.trim();
	if (!title || !/^\s*accDescr\s*[:{]/m.test(code)) {
		throw new DiagramError(source, 1, 'needs `accTitle:` and `accDescr:` lines (its text alternative)');
	}
	return title;
}

async function renderThemes(code: string, key: string, source: DiagramSource): Promise<DiagramArt> {
	const id = `m${key.slice(0, 12)}`;
	const cached = readCached<DiagramArt>(key);
	if (cached) {
		recordStat({ event: 'cache-hit', ms: 0, id });
		return cached;
	}
	const rendered = {} as Record<DiagramTheme, RenderedSvg>;
	for (const theme of DIAGRAM_THEMES) {
		try {
			// The same id in both renders, so that they differ only where the theme does.
			const { svg, ...size } = await renderSvg(code, id, MERMAID_CONFIG[theme]);
			rendered[theme] = { svg: pruneUnused(svg), ...size };
		} catch (error) {
			if (!(error instanceof MermaidSyntaxError)) throw error;
			const line = Number(/line (\d+)/i.exec(error.message)?.[1] ?? 1);
			throw new DiagramError(source, line, error.message.split('\n')[0] ?? error.message);
		}
	}
	const { width, height } = rendered.light;
	const art: DiagramArt = {
		width,
		height,
		svg: mergeThemes(rendered.light.svg, rendered.dark.svg, id) ?? { light: rendered.light.svg, dark: rendered.dark.svg },
	};
	writeCached(key, art);
	return art;
}

/**
 * Mermaid source → the HTML of an accessible figure with inline SVG that follows the colour scheme.
 * Renders each distinct diagram once per process and once ever while the disk cache holds it.
 */
export async function renderDiagram(code: string, source: DiagramSource): Promise<string> {
	const title = accessibleTitle(code, source);
	const key = diagramKey(code, MERMAID_CONFIG);
	let rendered = inFlight.get(key);
	if (!rendered) {
		rendered = renderThemes(code, key, source);
		inFlight.set(key, rendered);
		rendered.catch(() => inFlight.delete(key));
	}
	return figureHtml(title, await rendered);
}
