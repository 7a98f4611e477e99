/** Every page of the built site under test (dist/ or OUT_DIR), as paths relative to the base URL. */
import { pages, siteFromEnv } from '../scripts/quality/dist.ts';

export const site = siteFromEnv([]);

/** E.g. `handshake/`, `en/handshake/`, `404.html`, `` (the home page). */
export function builtPages(): string[] {
	return pages(site).map((page) => page.slice(site.base.length));
}

export const isNotFoundPage = (path: string) => /(^|\/)404\.html$/.test(path);
