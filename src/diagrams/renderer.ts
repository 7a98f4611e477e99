import { createRequire } from 'node:module';
import type { MermaidConfig } from 'mermaid';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from './chromium';
import { recordStat } from './stats';

export interface RenderedSvg {
	svg: string;
	width: number;
	height: number;
}

type PageResult = { ok: true; value: RenderedSvg } | { ok: false; message: string };

interface RendererState {
	browser?: Promise<Browser>;
	page?: Promise<Page>;
	queue: Promise<unknown>;
}

/**
 * One browser for the whole build. The state hangs off globalThis because Astro loads this module
 * twice (once with the config, once inside the page bundle) and both must share the browser.
 */
const STATE_KEY = Symbol.for('synack.diagrams.renderer');
const globals = globalThis as typeof globalThis & { [STATE_KEY]?: RendererState };
const state: RendererState = (globals[STATE_KEY] ??= { queue: Promise.resolve() });

const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

async function openPage(): Promise<Page> {
	state.browser ??= chromium.launch(chromiumLaunchOptions());
	const page = await (await state.browser).newPage();
	await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
	await page.addScriptTag({ path: mermaidScript });
	return page;
}

/** Runs in the browser: Mermaid needs a DOM to measure text. */
async function renderInPage(input: { code: string; id: string; config: MermaidConfig }): Promise<PageResult> {
	const { mermaid } = globalThis as unknown as { mermaid: typeof import('mermaid').default };
	try {
		mermaid.initialize(input.config);
		const { svg } = await mermaid.render(input.id, input.code);
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		const box = (doc.documentElement as unknown as SVGSVGElement).viewBox.baseVal;
		return { ok: true, value: { svg, width: Math.ceil(box.width), height: Math.ceil(box.height) } };
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	} finally {
		document.getElementById(`d${input.id}`)?.remove();
	}
}

export class MermaidSyntaxError extends Error {}

/** Renders one diagram. Calls are queued: Mermaid's render is not safe to run concurrently in a page. */
export function renderSvg(code: string, id: string, config: MermaidConfig): Promise<RenderedSvg> {
	const job = state.queue.then(async () => {
		const opening = !state.page;
		const started = performance.now();
		state.page ??= openPage();
		const page = await state.page;
		const ready = performance.now();
		if (opening) recordStat({ event: 'browser', ms: ready - started });
		const result = await page.evaluate(renderInPage, { code, id, config });
		recordStat({ event: 'render', ms: performance.now() - ready, id });
		if (!result.ok) throw new MermaidSyntaxError(result.message);
		return result.value;
	});
	state.queue = job.catch(() => undefined);
	return job;
}

/** Closes the shared browser; the next render opens a new one. */
export async function closeRenderer(): Promise<void> {
	const browser = state.browser;
	state.browser = undefined;
	state.page = undefined;
	if (browser) await (await browser).close();
}
