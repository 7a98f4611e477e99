import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './src/diagrams/chromium';

const port = Number(process.env.PORT ?? 4321);
/** The site's base path, as the build was made with (BASE_PATH in astro.config.mjs). */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: true,
	forbidOnly: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Generous: axe over a widget-heavy page in two schemes, and Pagefind's first search, take tens
	// of seconds on a busy 2-core machine; a test that hangs still fails.
	timeout: 120_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}${base}`,
		launchOptions: chromiumLaunchOptions(),
		trace: 'off',
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } }],
	webServer: {
		command: `astro preview --host 127.0.0.1 --port ${port}`,
		url: `http://127.0.0.1:${port}${base}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
