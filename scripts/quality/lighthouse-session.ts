/**
 * Lighthouse 13 (mobile preset) against a built site served by scripts/quality/serve.ts (gzip and
 * dist/_headers, like a static host), one Chromium for every run of a session. Shared by the gate
 * (lighthouse.ts) and the report (lighthouse-report.ts). Each run also hands back the page's main
 * thread from the run's own trace, so the gate judges script time without loading the page again.
 * Chromium: CHROME_PATH, else CHROMIUM_PATH, else Playwright's choice (src/diagrams/chromium.ts).
 */
import type { AddressInfo } from 'node:net';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/diagrams/chromium.ts';
import type { Site } from './dist.ts';
import { serve } from './serve.ts';
import { mainThreadEvents, type TraceEvent } from './trace.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The parts of a Lighthouse result the checks read (a fake one is easy to write in a test). */
export interface Audit {
	score: number | null;
	numericValue?: number;
	displayValue?: string;
	details?: { items?: Record<string, unknown>[] };
}
export interface Lhr {
	categories: Partial<Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>>;
	audits: Partial<Record<string, Audit>>;
}
/** One Lighthouse run: its result, and the page's main-thread events from its trace (times from `origin`, µs). */
export interface Run {
	lhr: Lhr;
	thread: { events: TraceEvent[]; origin: number };
}
/** One Lighthouse run of a page (a path under the site's base) in the given categories. */
export type Measure = (page: string, categories: readonly Category[]) => Promise<Run>;

/** Screenshots feed the HTML report only, never a score, and cost seconds per run on long pages. */
const UNSCORED_EXTRAS = { disableFullPageScreenshot: true, skipAudits: ['screenshot-thumbnails', 'final-screenshot'] };

export interface Session {
	measure: Measure;
	close(): Promise<void>;
}

export async function lighthouseSession(site: Site): Promise<Session> {
	const server = await serve(site, Number(process.env.LIGHTHOUSE_PORT ?? 0));
	const { port } = server.address() as AddressInfo;
	const chromePath = process.env.CHROME_PATH ?? chromiumExecutable() ?? (await import('playwright')).chromium.executablePath();
	const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
	return {
		async measure(page, categories) {
			const url = `http://127.0.0.1:${port}${page}`;
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...categories],
				...UNSCORED_EXTRAS,
			});
			const lhr = result?.lhr;
			if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
			if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			const thread = mainThreadEvents((result.artifacts.Trace?.traceEvents ?? []) as unknown as TraceEvent[], url);
			if (!thread) throw new Error(`${url}: Lighthouse's trace has no main thread that parsed the page`);
			return { lhr: lhr as unknown as Lhr, thread };
		},
		async close() {
			chrome.kill();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** A page's URL path, as `--only=<substring>` selects them. */
export const onlyArg = (argv = process.argv) => argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
