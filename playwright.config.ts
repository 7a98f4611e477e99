import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { testLaunchOptions } from './src/diagrams/chromium';

const port = Number(process.env.PORT ?? 4321);
/** The site's base path, as the build was made with (BASE_PATH in astro.config.mjs). */
const base = process.env.BASE_PATH ?? '/';
/** The project's Node 24 (the `node` devDependency), also when Playwright is started without npm's PATH. */
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : 'node';

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: true,
	forbidOnly: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Playwright's defaults. The few tests that need longer say so themselves (test.slow() or
	// test.setTimeout with the reason), so a test that hangs elsewhere fails in 30 s, not 120.
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}${base}`,
		launchOptions: testLaunchOptions(),
		trace: 'off',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: testLaunchOptions() } }],
	webServer: {
		// The project's own server (scripts/quality/serve.ts), as a static host serves dist/ (or
		// OUT_DIR under BASE_PATH): gzip, dist/_headers with the Content-Security-Policy, the nearest
		// 404 page; built to hold up under two workers on a busy machine.
		command: `${node} scripts/quality/serve.ts ${port}`,
		url: `http://127.0.0.1:${port}${base}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
