import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/** Elements that draw nothing unless something refers to them by id. */
const DRAWN_ONLY_BY_REFERENCE = new Set(['symbol', 'marker', 'linearGradient', 'radialGradient', 'pattern', 'clipPath', 'mask', 'filter']);

/** `url(#id)` in an attribute or a style sheet. */
const URL_REFERENCE = /url\(\s*['"]?#([^'")\s]+)/g;

/**
 * Mermaid puts the same definitions in every diagram of a kind whether it uses them or not: a
 * sequence diagram carries the actor icons (a 13 KB database path among them) and eight arrow
 * markers, of which its arrows use one or two. Every page paid for them in bytes and in elements
 * to parse. This drops each such definition nothing in the SVG refers to (a reference from a
 * definition dropped with it still counts: kept rather than chased), and the empty `<defs>` and
 * bare `<g>` left behind; what is drawn is untouched.
 */
export function pruneUnused(svg: string): string {
	const tree = fromHtml(svg, { fragment: true });
	const referenced = new Set<string>();
	const collect = (value: string) => {
		for (const match of value.matchAll(URL_REFERENCE)) referenced.add(match[1]!);
	};
	visit(tree, 'text', (node) => collect(node.value));
	visit(tree, 'element', (node) => {
		for (const [name, value] of Object.entries(node.properties)) {
			if (typeof value !== 'string') continue;
			if ((name === 'href' || name === 'xLinkHref') && value.startsWith('#')) referenced.add(value.slice(1));
			else collect(value);
		}
	});
	const unused = (node: RootContent) =>
		node.type === 'element' &&
		((DRAWN_ONLY_BY_REFERENCE.has(node.tagName) && !referenced.has(String(node.properties.id))) ||
			(['defs', 'g'].includes(node.tagName) && node.children.length === 0 && Object.keys(node.properties).length === 0));
	const prune = (parent: Root | Element) => {
		for (const child of parent.children) if (child.type === 'element') prune(child);
		parent.children = parent.children.filter((child) => !unused(child));
	};
	prune(tree);
	return toHtml(tree);
}
