import { escapeHtml } from '../widgets/text';
import type { DiagramTheme } from './themes';

/** A rendered diagram: one SVG following the theme, or one per theme when they could not be merged. */
export interface DiagramArt {
	width: number;
	height: number;
	svg: string | Record<DiagramTheme, string>;
}

/** Height over width, to four places: enough for a placeholder within a pixel of a 2,000 px diagram. */
const ratio = (width: number, height: number) => String(Math.round((height / width) * 1e4) / 1e4);


/**
 * The markup of a rendered diagram inside a focusable box that scrolls sideways on narrow screens
 * rather than shrinking text below legibility, with the diagram's title as a visible caption.
 * Two SVGs (the unmerged case) each carry their theme's class; CSS shows the one matching the page.
 */
export function figureHtml(title: string, { width, height, svg }: DiagramArt): string {
	const layers =
		typeof svg === 'string'
			? `<div class="diagram-svg">${svg}</div>`
			: (['light', 'dark'] as const).map((theme) => `<div class="diagram-svg diagram-${theme}">${svg[theme]}</div>`).join('');
	return (
		`<figure class="diagram">` +
		`<div class="diagram-scroll" tabindex="0" role="region" aria-label="${escapeHtml(title)}" style="--diagram-width:${width}px;--diagram-ratio:${ratio(width, height)}">${layers}</div>` +
		`<figcaption>${escapeHtml(title)}</figcaption>` +
		`</figure>`
	);
}
