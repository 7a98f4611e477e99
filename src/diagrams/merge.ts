import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * One SVG that follows the page's colour scheme, made from Mermaid's light and dark renders of
 * the same diagram. Mermaid bakes colours in, but the two renders differ only in colour values
 * (CSS declarations in the SVG's <style>, gradient stop colours) and in Mermaid's element counters.
 * Each differing value becomes a custom property set on the SVG, dark by default like Starlight's
 * own palette (so a page without JavaScript matches), light under `[data-theme='light']`.
 * Half the markup of shipping both renders, and half the DOM for the browser to build.
 *
 * Returns undefined when the renders differ in anything else: the caller then ships both.
 */
export function mergeThemes(light: string, dark: string, id: string): string | undefined {
	const [lightTree, darkTree] = [light, dark].map((svg) => fromHtml(svg, { fragment: true }));
	const vars = new Map<string, { name: string; light: string; dark: string }>();
	const varFor = (lightValue: string, darkValue: string) => {
		const key = `${lightValue}\n${darkValue}`;
		let v = vars.get(key);
		if (!v) vars.set(key, (v = { name: `--c${vars.size}`, light: lightValue, dark: darkValue }));
		return `var(${v.name})`;
	};
	if (!mergeNode(lightTree!, darkTree!, varFor)) return undefined;
	const svg = lightTree!.children.find((n): n is Element => n.type === 'element' && n.tagName === 'svg');
	if (!svg) return undefined;
	dropRepeatedFont(svg, id);
	if (vars.size) {
		const list = [...vars.values()];
		const scope = `#${id}`;
		const defs =
			`${scope}{${list.map((v) => `${v.name}:${v.dark}`).join(';')}}` +
			`:root[data-theme='light'] ${scope}{${list.map((v) => `${v.name}:${v.light}`).join(';')}}`;
		svg.children.push({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: defs }] });
	}
	return toHtml(lightTree!);
}

type VarFor = (light: string, dark: string) => string;

/** Mermaid numbers actors and groups per render: their ids may differ and nothing refers to them. */
const COUNTER_ID = /^(actor|root-)\d+$/;

function mergeNode(a: Root | RootContent, b: Root | RootContent, varFor: VarFor): boolean {
	if (a.type !== b.type) return false;
	if (a.type === 'text' || a.type === 'comment') return a.value === (b as typeof a).value;
	if (a.type === 'element') {
		const other = b as Element;
		if (a.tagName !== other.tagName) return false;
		if (a.tagName === 'style') return mergeStyleElement(a, other, varFor);
		if (!mergeProperties(a, other, varFor)) return false;
	}
	if (!('children' in a)) return true;
	const bChildren = (b as typeof a).children;
	return a.children.length === bChildren.length && a.children.every((child, i) => mergeNode(child, bChildren[i]!, varFor));
}

function mergeProperties(a: Element, b: Element, varFor: VarFor): boolean {
	const keys = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
	for (const key of keys) {
		const [x, y] = [a.properties[key], b.properties[key]];
		if (String(x) === String(y)) continue;
		if (key === 'id' && COUNTER_ID.test(String(x)) && COUNTER_ID.test(String(y))) continue;
		if (key !== 'stopColor' || typeof x !== 'string' || typeof y !== 'string') return false;
		delete a.properties.stopColor;
		a.properties.style = `${a.properties.style ? `${a.properties.style};` : ''}stop-color:${varFor(x, y)}`;
	}
	return true;
}

/**
 * Mermaid repeats the SVG's font stack (its `#id{font-family:…}` rule) in every text element's
 * style. Text inherits it from the SVG, so those repeats go; a family that differs stays.
 */
function dropRepeatedFont(svg: Element, id: string) {
	const css = svg.children.find((n): n is Element => n.type === 'element' && n.tagName === 'style')?.children[0];
	const family = css?.type === 'text' ? new RegExp(`#${id}\\{font-family:([^;}]+)`).exec(css.value)?.[1] : undefined;
	if (!family) return;
	const squash = (value: string) => value.replace(/\s+/g, '');
	const repeat = (decl: string) => {
		const [property, ...value] = decl.split(':');
		return property!.trim() === 'font-family' && squash(value.join(':')) === squash(family);
	};
	const walk = (element: Element) => {
		const style = element.properties.style;
		if (typeof style === 'string' && style.includes('font-family')) {
			const kept = style.split(';').filter((decl) => decl.trim() && !repeat(decl)).join(';');
			if (kept) element.properties.style = kept;
			else delete element.properties.style;
		}
		for (const child of element.children) if (child.type === 'element') walk(child);
	};
	for (const child of svg.children) if (child.type === 'element') walk(child);
}

function mergeStyleElement(a: Element, b: Element, varFor: VarFor): boolean {
	const text = (el: Element) => (el.children.length === 1 && el.children[0]!.type === 'text' ? el.children[0]!.value : undefined);
	const [x, y] = [text(a), text(b)];
	if (x === undefined || y === undefined) return false;
	const merged = mergeCss(x, y, varFor);
	if (merged === undefined) return false;
	a.children = [{ type: 'text', value: merged }];
	return true;
}

/** A declaration as Mermaid writes it: `property:value` up to `;` or `}`. */
const DECLARATION = /^([\w-]+):(.+?)(\s*!important)?([;}])$/s;

/**
 * Two renders' CSS, piece by piece (split after each `{`, `;` and `}`): equal pieces stay, pieces
 * that are the same declaration with another value take a custom property. Anything else differing
 * means the two stylesheets are not the same shape, and there is nothing safe to merge.
 */
export function mergeCss(light: string, dark: string, varFor: VarFor): string | undefined {
	const split = (css: string) => css.split(/(?<=[{};])/);
	const [xs, ys] = [split(light), split(dark)];
	if (xs.length !== ys.length) return undefined;
	const out: string[] = [];
	for (const [i, x] of xs.entries()) {
		const y = ys[i]!;
		if (x === y) {
			out.push(x);
			continue;
		}
		const [dx, dy] = [DECLARATION.exec(x), DECLARATION.exec(y)];
		if (!dx || !dy || dx[1] !== dy[1] || dx[3] !== dy[3] || dx[4] !== dy[4]) return undefined;
		out.push(`${dx[1]}:${varFor(dx[2]!.trim(), dy[2]!.trim())}${dx[3] ?? ''}${dx[4]}`);
	}
	return out.join('');
}
