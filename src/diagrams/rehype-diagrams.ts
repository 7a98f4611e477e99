import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderDiagram } from './index';

const isMermaidCode = (node: ElementContent | undefined): node is Element =>
	node?.type === 'element' &&
	node.tagName === 'code' &&
	(node.properties.className as string[] | undefined)?.includes('language-mermaid') === true;

const textOf = (node: Element): string =>
	node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

/**
 * The rendered figure as a node that reaches the page verbatim. MDX gets the same node Astro's own
 * static-subtree optimisation emits (a Fragment with `set:html`); parsing the SVG into hast instead
 * breaks its <style> element. Plain Markdown keeps raw HTML as is.
 */
const verbatim = (html: string, file: VFile): RootContent =>
	file.path.endsWith('.mdx')
		? ({
				type: 'mdxJsxFlowElement',
				name: 'Fragment',
				attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
				children: [],
			} as unknown as RootContent)
		: ({ type: 'raw', value: html } as unknown as RootContent);

/** Replaces every ```mermaid block with its diagram rendered to inline SVG at build time. */
export function rehypeDiagrams() {
	return async (tree: Root, file: VFile) => {
		const jobs: Promise<void>[] = [];
		visit(tree, 'element', (node, index, parent) => {
			const code = node.tagName === 'pre' ? node.children[0] : undefined;
			if (!isMermaidCode(code) || !parent || index === undefined) return;
			// The fence's opening line; the diagram's own code starts on the next one.
			const line = (node.position?.start.line ?? 0) + 1;
			jobs.push(
				renderDiagram(textOf(code), { file: file.path, line }).then((html) => {
					parent.children[index] = verbatim(html, file) as Element;
				}),
			);
		});
		await Promise.all(jobs);
	};
}
