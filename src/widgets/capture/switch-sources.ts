/**
 * Where each Linux switch the capture widget explains is specified (src/tcp PROFILES), read at
 * build time and handed to the browser with the strings: PROFILES itself stays out of the bundle.
 */
import { PROFILES, sourceUrl } from '../../tcp/profile';
import type { ExplainedSwitch, SwitchSource } from './model-view';

export function switchSources(ids: readonly ExplainedSwitch[]): Record<ExplainedSwitch, SwitchSource> {
	const entries = ids.map((id) => {
		const { source } = PROFILES.linux.switches.find((w) => w.id === id)!;
		return [id, { source: 'rfc' in source ? `RFC ${source.rfc} §${source.section}` : `${source.linux} ${source.fn}`, href: sourceUrl(source) }] as const;
	});
	return Object.fromEntries(entries) as Record<ExplainedSwitch, SwitchSource>;
}
