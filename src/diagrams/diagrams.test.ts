import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeRenderer, renderDiagram } from './index';
import { rehypeDiagrams } from './rehype-diagrams';

const handshake = `sequenceDiagram
  accTitle: 三次握手
  accDescr: 客户端发送 SYN，服务器回复 SYN+ACK。
  participant C as 客户端
  participant S as 服务器
  C->>S: SYN seq=x
  S->>C: SYN, ACK seq=y ack=x+1`;

const source = { file: 'content/docs/handshake.mdx', line: 20 };

let cache: string;
beforeAll(() => {
	cache = mkdtempSync(join(tmpdir(), 'synack-diagrams-'));
	process.env.SYNACK_DIAGRAM_CACHE = cache;
});
afterAll(async () => {
	await closeRenderer();
	delete process.env.SYNACK_DIAGRAM_CACHE;
});

describe('renderDiagram', () => {
	it('renders one inline SVG following the colour scheme, with the title as caption and text alternative', async () => {
		const html = await renderDiagram(handshake, source);
		expect(html.match(/<svg /g)).toHaveLength(1);
		expect(html).toContain('class="diagram-svg"');
		// Both palettes' actor fill (src/diagrams/themes.ts) became one custom property.
		expect(html).toMatch(/:root\[data-theme='light'\] #m[0-9a-f]{12}\{[^}]*#e0f2f1/);
		expect(html).toMatch(/#m[0-9a-f]{12}\{[^}]*#10403c/);
		expect(html).toContain('<figcaption>三次握手</figcaption>');
		expect(html).toMatch(/<title[^>]*>三次握手<\/title>/);
		expect(html).toContain('客户端');
		// Mermaid's unused actor icons and arrow markers are gone; the arrowhead the arrows use stays.
		expect(html).not.toContain('-database');
		expect(html.match(/<marker /g)).toHaveLength(1);
		expect(html).toMatch(/<marker id="(m[0-9a-f]{12})-arrowhead"[\s\S]*marker-end="url\(#\1-arrowhead\)"/);
	}, 60_000);

	it('serves an unchanged diagram from the disk cache without a browser', async () => {
		await closeRenderer();
		expect(readdirSync(cache)).toHaveLength(1);
		// Were a browser needed, launching this one would fail.
		process.env.CHROMIUM_PATH = '/nonexistent/chromium';
		try {
			// A fresh module has an empty in-memory map: only the disk cache can serve.
			vi.resetModules();
			const fresh = await import('./index');
			const html = await fresh.renderDiagram(handshake, { ...source, line: 99 });
			expect(html.match(/<svg /g)).toHaveLength(1);
		} finally {
			delete process.env.CHROMIUM_PATH;
		}
		expect(readdirSync(cache)).toHaveLength(1);
	});

	it('names the file and line of a diagram without a text alternative', async () => {
		await expect(renderDiagram('sequenceDiagram\n  A->>B: hi', source)).rejects.toThrow(
			/^content\/docs\/handshake\.mdx:20: Mermaid diagram: needs `accTitle:` and `accDescr:`/,
		);
	});

	it('names the file and the line of a syntax error inside the lesson', async () => {
		const broken = `${handshake}\n  C->>: nothing here`;
		// The error is on the diagram's 8th line, so line 20 + 7 of the lesson.
		await expect(renderDiagram(broken, source)).rejects.toThrow(/^content\/docs\/handshake\.mdx:27: Mermaid diagram: /);
	}, 60_000);
});

describe('rehypeDiagrams', () => {
	const mermaidBlock = (code: string, fenceLine: number): Element => ({
		type: 'element',
		tagName: 'pre',
		properties: {},
		position: { start: { line: fenceLine, column: 1 }, end: { line: fenceLine + 9, column: 4 } },
		children: [
			{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: code }] },
		],
	});

	it('replaces a mermaid block in MDX with a Fragment holding the figure', async () => {
		const tree: Root = { type: 'root', children: [mermaidBlock(handshake, 5)] };
		await rehypeDiagrams()(tree, new VFile({ path: '/site/content/docs/handshake.mdx' }));
		const [node] = tree.children as unknown as [{ type: string; name: string; attributes: { value: string }[] }];
		expect(node.type).toBe('mdxJsxFlowElement');
		expect(node.name).toBe('Fragment');
		expect(node.attributes[0]?.value).toContain('<figure class="diagram">');
	});

	it('fails with the lesson file and the line of the broken diagram', async () => {
		const tree: Root = { type: 'root', children: [mermaidBlock('sequenceDiagram\n  A->>B: no text alternative', 12)] };
		await expect(rehypeDiagrams()(tree, new VFile({ path: '/site/content/docs/en/teardown.mdx' }))).rejects.toThrow(
			/^\/site\/content\/docs\/en\/teardown\.mdx:13: /,
		);
	});

	it('leaves other code blocks alone', async () => {
		const other = mermaidBlock('const a = 1;', 1);
		(other.children[0] as Element).properties.className = ['language-ts'];
		const tree: Root = { type: 'root', children: [other] };
		await rehypeDiagrams()(tree, new VFile({ path: 'x.mdx' }));
		expect(tree.children[0]).toBe(other);
	});
});
