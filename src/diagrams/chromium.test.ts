import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumLaunchOptions, testLaunchOptions } from './chromium';

describe('which Chromium runs', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('CHROMIUM_PATH, when set, runs everything: the build, the measurements and the specs', () => {
		vi.stubEnv('CHROMIUM_PATH', '/opt/chromium/chrome');
		expect(chromiumLaunchOptions().executablePath).toBe('/opt/chromium/chrome');
		expect(testLaunchOptions().executablePath).toBe('/opt/chromium/chrome');
	});

	it('a CHROMIUM_PATH naming Debian’s full browser is kept for the specs too: the shell only stands in for a default', () => {
		vi.stubEnv('CHROMIUM_PATH', '/usr/bin/chromium');
		expect(testLaunchOptions().executablePath).toBe('/usr/bin/chromium');
	});
});
