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

export function chromiumLaunchOptions(): LaunchOptions {
	return { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS };
}
