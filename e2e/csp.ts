/** The site's Content-Security-Policy as a static host sends it, and a page watched under it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { site } from './pages';

/** The policy dist/_headers sends with every page. */
export function headerPolicy(): string {
	const headers = readFileSync(join(site.dir, '_headers'), 'utf8');
	const policy = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1];
	if (!policy) throw new Error(`${site.dir}/_headers has no Content-Security-Policy`);
	return policy;
}

/** Collects CSP violations, console errors and uncaught exceptions from here on (the test server
 *  sends dist/_headers' policy as a static host does; every-page asserts that it does). */
export async function underPolicy(page: Page): Promise<string[]> {
	const problems: string[] = [];
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
		});
	});
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	return problems;
}
