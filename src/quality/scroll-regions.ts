/**
 * Lesson tables and code blocks scroll sideways when they are wider than the column (on a phone, or
 * with wider fonts than the author's), and a box that scrolls must be reachable by keyboard and
 * named (WCAG 2.1.1; axe: scrollable-region-focusable). Whether a box overflows depends on the
 * reader's screen and fonts, so it is decided here, at build time, for every box that can:
 * - each table is wrapped in a focusable, named region that scrolls instead of the table (styled in
 *   src/styles/content.css so that nothing looks different until it scrolls);
 * - each code block's `<pre>`, the box Expressive Code scrolls, is made focusable and named by
 *   `expressiveCodeScrollRegions` (the rehype plugin runs before Expressive Code renders the block,
 *   so it hands the name over in the block's meta string).
 * Diagrams get the same from their figure (src/diagrams/figure.ts).
 *
 * A box is named after its caption (a code block's title), else the heading it follows, else the
 * page title, in the page's language (content/i18n/<locale>.json, `scrollRegions.*`), numbered
 * when a heading has more than one such box of a kind: "Table: Options in the SYN",
 * "Code: server.ts", "代码：握手（2）".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fill } from '../widgets/text';

type Kind = 'table' | 'code';
const KINDS: Kind[] = ['table', 'code'];

/** The meta option that carries a code block's name from this plugin to Expressive Code's. */
const NAME_OPTION = 'scroll-region-name';

export interface RegionStrings {
	table: string;
	code: string;
	/** A name and its number among the boxes of one kind under one heading, e.g. `{name} ({n})`. */
	nth: string;
}

// From the project root, not from this file: a component that names its own box (CaptureTable) runs
// this module bundled into the build's chunks, far from content/.
const I18N_DIR = join(process.cwd(), 'content', 'i18n');

/** The lesson's locale from its path: English lessons live in content/docs/en/. */
export const localeOf = (path: string) => (/[/\\]content[/\\]docs[/\\]en[/\\]/.test(path) ? 'en' : 'zh-CN');

// Read once per file and build: every page and every code block asks for them.
const loaded = new Map<string, RegionStrings>();

export function regionStrings(locale: string, dir = I18N_DIR): RegionStrings {
	const file = join(dir, `${locale}.json`);
	let cached = loaded.get(file);
	if (!cached) loaded.set(file, (cached = readRegionStrings(file)));
	return cached;
}

function readRegionStrings(file: string): RegionStrings {
	const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	const get = (key: keyof RegionStrings) => {
		const value = strings[`scrollRegions.${key}`];
		if (typeof value !== 'string' || !value.includes('{name}')) {
			throw new Error(`${file}: "scrollRegions.${key}" must be a string with {name} in it`);
		}
		return value;
	};
	return { table: get('table'), code: get('code'), nth: get('nth') };
}

const textOf = (node: Element | ElementContent | RootContent): string =>
	node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : '';

const isHeading = (node: Element) => /^h[1-6]$/.test(node.tagName);

const isCodeBlock = (node: Element): node is Element & { children: [Element] } =>
	node.tagName === 'pre' && node.children.length === 1 && node.children[0]!.type === 'element' && node.children[0]!.tagName === 'code';

const escapeMeta = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

type Code = Element & { data?: { meta?: string | null } };
const metaOf = (code: Code) => code.data?.meta ?? (code.properties.metastring as string | undefined) ?? '';
/** A code block with a title (```ts title="server.ts") is named after it by Expressive Code's plugin. */
const hasTitle = (pre: Element) => /(^|\s)title=/.test(metaOf(pre.children[0] as Code));

interface Box {
	kind: Kind;
	node: Element;
	parent: Element | Root;
	/** Caption (or code title) text, or the heading it follows, or the page title. */
	name: string;
	/** The heading it follows; boxes of one kind under one heading are numbered. */
	heading: Element | undefined;
}

/** The rehype plugin: tables wrapped in named regions, code blocks' names put in their meta. */
export function rehypeScrollRegions() {
	return (tree: Root, file: VFile) => {
		const locale = localeOf(file.path);
		const strings = regionStrings(locale);
		const title = String((file.data.astro as { frontmatter?: { title?: unknown } } | undefined)?.frontmatter?.title ?? '');
		const boxes: Box[] = [];
		let heading: Element | undefined;
		visit(tree, 'element', (node, _index, parent) => {
			if (!parent) return;
			if (isHeading(node)) heading = node;
			const kind: Kind | undefined = node.tagName === 'table' ? 'table' : isCodeBlock(node) && !hasTitle(node) ? 'code' : undefined;
			if (!kind) return;
			const caption = kind === 'table' ? node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption') : undefined;
			const name = (caption ? textOf(caption) : heading ? textOf(heading) : title).replace(/\s+/g, ' ').trim();
			if (!name) throw new Error(`${file.path}: a ${kind} has no caption, heading or page title to be named after`);
			boxes.push({ kind, node, parent: parent as Element | Root, name, heading: caption ? undefined : heading });
			return 'skip';
		});
		for (const kind of KINDS) {
			const ofKind = boxes.filter((box) => box.kind === kind);
			for (const box of ofKind) {
				const siblings = ofKind.filter((other) => other.heading === box.heading && other.name === box.name);
				const name = siblings.length > 1 ? fill(strings.nth, { name: box.name, n: String(siblings.indexOf(box) + 1) }) : box.name;
				if (kind === 'table') wrapTable(box, tableRegion(locale, name));
				else nameCodeBlock(box.node, name);
			}
		}
	};
}

/**
 * The attributes of the focusable, named box a table scrolls in (styled in src/styles/content.css),
 * named in `locale`'s words, e.g. "Table: Options in the SYN": for lesson tables here, and for a
 * component's own table, which this plugin does not see (<div {...tableRegion(locale, caption)}>).
 */
export const tableRegion = (locale: string, name: string) => ({
	class: 'table-scroll',
	tabindex: 0,
	role: 'region',
	'aria-label': fill(regionStrings(locale).table, { name }),
});

function wrapTable({ node, parent }: Box, attrs: ReturnType<typeof tableRegion>) {
	const region: Element = {
		type: 'element',
		tagName: 'div',
		properties: { className: [attrs.class], tabIndex: attrs.tabindex, role: attrs.role, ariaLabel: attrs['aria-label'] },
		children: [node],
	};
	parent.children[parent.children.indexOf(node)] = region;
}

function nameCodeBlock(pre: Element, name: string) {
	const code = pre.children[0] as Code;
	const meta = `${metaOf(code)} ${NAME_OPTION}="${escapeMeta(name)}"`.trim();
	(code.data ??= {} as NonNullable<Code['data']>).meta = meta;
}

/** The part of an Expressive Code block this plugin reads and changes. */
interface RenderedBlock {
	codeBlock: {
		locale?: string | undefined;
		parentDocument?: { sourceFilePath?: string | undefined } | undefined;
		props: { title?: string | undefined };
		metaOptions: { getString(key: string): string | undefined };
	};
	renderData: { blockAst: Element };
}

/**
 * Expressive Code plugin: the `<pre>` of each code block with a title, or named by
 * rehypeScrollRegions, is a focusable, named region from the start. (Expressive Code's own script
 * later takes tabindex and role off a block that does not overflow, and puts them back when it
 * does; the name stays.)
 */
export function expressiveCodeScrollRegions() {
	return {
		name: 'synack scroll regions',
		hooks: {
			postprocessRenderedBlock({ codeBlock, renderData }: RenderedBlock) {
				const name = codeBlock.props.title || codeBlock.metaOptions.getString(NAME_OPTION);
				if (!name) return;
				const locale = codeBlock.locale ?? localeOf(codeBlock.parentDocument?.sourceFilePath ?? '');
				const label = fill(regionStrings(locale).code, { name });
				visit(renderData.blockAst, 'element', (node) => {
					if (node.tagName !== 'pre') return;
					Object.assign(node.properties, { tabIndex: 0, role: 'region', ariaLabel: label });
					return 'skip';
				});
			},
		},
	};
}
