import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { expressiveCodeScrollRegions, localeOf, regionStrings, rehypeScrollRegions } from './scroll-regions';

const EN = '/site/content/docs/en/handshake.mdx';
const ZH = '/site/content/docs/handshake.mdx';

function run(html: string, path: string, title = 'The three-way handshake'): Root {
	const tree = fromHtml(html, { fragment: true });
	rehypeScrollRegions()(tree, { path, data: { astro: { frontmatter: { title } } } } as unknown as VFile);
	return tree;
}

const regions = (tree: Root) =>
	[...toHtml(tree).matchAll(/<div class="table-scroll" tabindex="0" role="region" aria-label="([^"]*)"><table>/g)].map((m) => m[1]);

const metas = (tree: Root) => {
	const found: string[] = [];
	const walk = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'code') found.push((child.data as { meta?: string } | undefined)?.meta ?? '');
			walk(child);
		}
	};
	walk(tree);
	return found;
};

describe('rehypeScrollRegions: tables', () => {
	it('wraps a table in a focusable region named after the heading it follows', () => {
		const tree = run('<h2 id="options">Options in the SYN</h2><p>Some options:</p><table><tr><td>MSS</td></tr></table>', EN);
		expect(toHtml(tree)).toBe(
			'<h2 id="options">Options in the SYN</h2><p>Some options:</p>' +
				'<div class="table-scroll" tabindex="0" role="region" aria-label="Table: Options in the SYN"><table><tbody><tr><td>MSS</td></tr></tbody></table></div>',
		);
	});

	it('names it in the page language, and numbers the tables under one heading', () => {
		const tree = run('<h2>握手</h2><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table><h3>选项</h3><table><tr><td>3</td></tr></table>', ZH);
		expect(regions(tree)).toEqual(['表格：握手（1）', '表格：握手（2）', '表格：选项']);
	});

	it('prefers the caption, and falls back to the page title before any heading', () => {
		const tree = run('<table><tr><td>0</td></tr></table><h2>States</h2><table><caption>Every  segment\nof the run</caption><tr><td>1</td></tr></table>', EN);
		expect(regions(tree)).toEqual(['Table: The three-way handshake', 'Table: Every segment of the run']);
	});

	it('reads the heading’s text only, without its markup', () => {
		const tree = run('<h2>The <code>SYN</code> flag</h2><table><tr><td>1</td></tr></table>', EN);
		expect(regions(tree)).toEqual(['Table: The SYN flag']);
	});

	it('fails, naming the file, when a table has nothing to be named after', () => {
		expect(() => run('<table><tr><td>0</td></tr></table>', EN, '')).toThrow(`${EN}: a table has no caption, heading or page title`);
	});
});

describe('rehypeScrollRegions: code blocks', () => {
	it('hands each code block its name in its meta string, after the meta it had', () => {
		const tree = fromHtml('<h2>Say "hello"</h2><pre><code class="language-ts">a</code></pre><pre><code class="language-sh">b</code></pre>', { fragment: true });
		((tree.children[2] as Element).children[0] as Element).data = { meta: 'frame="none"' } as Element['data'];
		rehypeScrollRegions()(tree, { path: EN, data: {} } as unknown as VFile);
		expect(metas(tree)).toEqual(['scroll-region-name="Say \\"hello\\" (1)"', 'frame="none" scroll-region-name="Say \\"hello\\" (2)"']);
	});

	it('leaves a titled block to be named after its title, and does not count it', () => {
		const tree = fromHtml('<h2>Try it</h2><pre><code>a</code></pre><pre><code>b</code></pre>', { fragment: true });
		((tree.children[1] as Element).children[0] as Element).data = { meta: 'title="server.ts"' } as Element['data'];
		rehypeScrollRegions()(tree, { path: EN, data: {} } as unknown as VFile);
		expect(metas(tree)).toEqual(['title="server.ts"', 'scroll-region-name="Try it"']);
	});

	it('leaves inline code alone', () => {
		const tree = run('<h2>x</h2><p><code>SYN</code></p>', EN);
		expect(metas(tree)).toEqual(['']);
	});
});

describe('expressiveCodeScrollRegions', () => {
	const block = () =>
		fromHtml('<figure class="frame"><figcaption class="header"></figcaption><pre data-language="ts"><code>a</code></pre></figure>', { fragment: true })
			.children[0] as Element;
	const hook = expressiveCodeScrollRegions().hooks.postprocessRenderedBlock;

	const handed = (name: string | undefined) => ({ getString: (key: string) => (key === 'scroll-region-name' ? name : undefined) });

	it('makes the rendered block’s <pre> a focusable region with the name it was handed, in its language', () => {
		const blockAst = block();
		hook({ codeBlock: { locale: 'zh-CN', props: {}, metaOptions: handed('SYN 里的选项') }, renderData: { blockAst } });
		expect(toHtml(blockAst)).toBe(
			'<figure class="frame"><figcaption class="header"></figcaption><pre data-language="ts" tabindex="0" role="region" aria-label="代码：SYN 里的选项"><code>a</code></pre></figure>',
		);
	});

	it('names a titled block after its title; without a locale, after its file’s', () => {
		const blockAst = block();
		hook({ codeBlock: { parentDocument: { sourceFilePath: EN }, props: { title: 'server.ts' }, metaOptions: handed(undefined) }, renderData: { blockAst } });
		expect(toHtml(blockAst)).toMatch('<pre data-language="ts" tabindex="0" role="region" aria-label="Code: server.ts">');
	});

	it('leaves a block with neither title nor name as it was', () => {
		const blockAst = block();
		hook({ codeBlock: { locale: 'en', props: {}, metaOptions: handed(undefined) }, renderData: { blockAst } });
		expect(toHtml(blockAst)).not.toMatch(/tabindex|role|aria-label/);
	});
});

describe('strings and locale', () => {
	it('takes the lesson’s locale from its path', () => {
		expect(localeOf(EN)).toBe('en');
		expect(localeOf(ZH)).toBe('zh-CN');
		expect(localeOf('C:\\site\\content\\docs\\en\\x.mdx')).toBe('en');
	});

	it('reads the shipped locale files', () => {
		expect(regionStrings('en')).toEqual({ table: 'Table: {name}', code: 'Code: {name}', nth: '{name} ({n})' });
		expect(regionStrings('zh-CN')).toEqual({ table: '表格：{name}', code: '代码：{name}', nth: '{name}（{n}）' });
	});

	it('fails naming the file and the key when a string is missing or has no {name}', () => {
		const dir = mkdtempSync(join(tmpdir(), 'regions-'));
		writeFileSync(join(dir, 'en.json'), JSON.stringify({ 'scrollRegions.table': 'Table', 'scrollRegions.code': 'Code: {name}' }));
		expect(() => regionStrings('en', dir)).toThrow(`${join(dir, 'en.json')}: "scrollRegions.table" must be a string with {name} in it`);
	});
});
