import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright';

/** Flags that keep Chromium from dialling out on a machine with no network, and let it run as root. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Debian's build of Chromium's headless shell (package chromium-headless-shell). */
const SYSTEM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Where Chromium lives: `CHROMIUM_PATH` if set, else Playwright's own browser when it has downloaded
 * one, else Debian's. Playwright cannot download browsers on machines without internet access.
 */
export function chromiumExecutable(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return fromEnv;
	if (existsSync(chromium.executablePath())) return undefined;
	return SYSTEM_CHROMIUM;
}

/** The full browser: it draws the diagrams and is what measurements of a reader's page load run in. */
export function chromiumLaunchOptions(): LaunchOptions {
	return { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS };
}

/**
 * The browser the end-to-end specs run in: Chromium's headless shell, which Playwright itself runs
 * headless tests in when it has its own browsers (there `executablePath` stays unset and Playwright
 * picks it). Same Blink, no browser shell around it: the axe and explorer specs (84 tests, two
 * workers, CPU saturated both times) took 2.4 min in it against 3.9 min in the full browser here.
 * The full browser stands in where the shell is not installed, and `CHROMIUM_PATH` overrides both.
 */
export function testLaunchOptions(): LaunchOptions {
	const executablePath = chromiumExecutable();
	const shell = !process.env.CHROMIUM_PATH && executablePath === SYSTEM_CHROMIUM && existsSync(SYSTEM_HEADLESS_SHELL);
	return { executablePath: shell ? SYSTEM_HEADLESS_SHELL : executablePath, args: CHROMIUM_ARGS };
}
