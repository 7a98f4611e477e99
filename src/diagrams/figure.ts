import type { RenderedSvg } from './renderer';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The markup of a rendered diagram: one SVG per colour scheme (CSS shows the one matching
 * Starlight's theme), inside a focusable box that scrolls sideways on narrow screens rather than
 * shrinking text below legibility, and the diagram's title as a visible caption.
 */
export function figureHtml(title: string, svgs: Record<'light' | 'dark', RenderedSvg>): string {
	const { width } = svgs.light;
	const layers = (['light', 'dark'] as const)
		.map((theme) => `<div class="diagram-svg diagram-${theme}">${svgs[theme].svg}</div>`)
		.join('');
	return (
		`<figure class="diagram">` +
		`<div class="diagram-scroll" tabindex="0" role="region" aria-label="${escapeHtml(title)}" style="--diagram-width:${width}px">${layers}</div>` +
		`<figcaption>${escapeHtml(title)}</figcaption>` +
		`</figure>`
	);
}
