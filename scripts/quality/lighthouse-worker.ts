/**
 * One Lighthouse session in a worker thread of the gate (lighthouse.ts): Lighthouse keeps its
 * timing marks in process globals, so two runs at once need two threads. Takes page after page
 * from the gate (null: close and end), answers each with its PageResult or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readChunkMap } from '../../src/quality/chunk-map.ts';
import { widgetChunkTest } from './budgets.ts';
import type { Site } from './dist.ts';
import { checkPage, loadFiguresFor, type PageResult } from './lighthouse.ts';
import { lighthouseSession } from './lighthouse-session.ts';

export type WorkerAnswer = { page: string; result: PageResult } | { page: string; error: string };

const port = parentPort;
if (!port) throw new Error('lighthouse-worker.ts runs as a worker thread of lighthouse.ts');
const site = workerData as Site;
const isWidgetChunk = widgetChunkTest(site, readChunkMap(site.dir));
const session = await lighthouseSession(site);
port.on('message', async (page: string | null) => {
	if (page === null) {
		await session.close();
		port.close();
		return;
	}
	try {
		port.postMessage({ page, result: await checkPage(page, session.measure, loadFiguresFor(site, page, isWidgetChunk)) } satisfies WorkerAnswer);
	} catch (error) {
		port.postMessage({ page, error: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer);
	}
});
port.postMessage('ready');
