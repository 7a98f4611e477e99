/**
 * Links that reopen an exact run: the explorer's settings, the reader's faults and the step in the
 * page's URL fragment, e.g. `#explore=handshake&v=1&scenario=lost-syn&isn=100-300&faults=c0l&step=2`.
 * The fragment is the same in both locales. Reading one never throws: a fragment that is not an
 * explorer link is ignored, and a bad or outdated one is refused with the reason, so the explorer
 * can open its default run and say why.
 */
import { SIDES, type Side } from '../../tcp/network';
import { PROFILE_NAMES, type ProfileName } from '../../tcp/profile';
import type { ScenarioName } from '../../tcp/scenarios';
import { TIME_WAIT_SECONDS, type ExplorerConfig, type ExplorerKind } from './config';
import { FAULTS, sameSelector, type ExplorerRun, type Fault } from './run';

/** Everything that decides a run, and how far the reader had stepped. */
export interface RunState {
	scenario: ScenarioName;
	isn: Record<Side, number>;
	profile: ProfileName;
	/** TIME-WAIT's length in seconds, when the reader chose one instead of the profile's. */
	timeWait: number | null;
	closer: Side;
	faults: Fault[];
	step: number;
}

const LINK_VERSION = '1';
/** More faults than any run has segments for. */
export const MAX_FAULTS = 40;

/** For the other explorer; not written as this page writes links; or no longer fitting the model's run. */
export type LinkError = 'other' | 'bad' | 'outdated';
export type LinkResult = { ok: true; state: RunState } | { ok: false; error: LinkError };

const KIND_LETTER = { drop: 'l', delay: 'd', duplicate: 'u' } as const;
const FAULT_CODE = /^([cs])(\d{1,3})([ldu])$/;

/** The fragment (without '#') for a run of the `kind` explorer. */
export function encodeLink(kind: ExplorerKind, s: RunState): string {
	const p = new URLSearchParams({ explore: kind, v: LINK_VERSION, scenario: s.scenario, isn: `${s.isn.client}-${s.isn.server}` });
	if (s.profile !== 'rfc9293') p.set('profile', s.profile);
	if (s.timeWait !== null) p.set('timewait', String(s.timeWait));
	if (s.closer !== 'client') p.set('closer', s.closer);
	if (s.faults.length) p.set('faults', s.faults.map((f) => `${f.dir[0]}${f.index}${KIND_LETTER[f.kind]}`).join('.'));
	p.set('step', String(s.step));
	return p.toString();
}

const whole = (text: string | null, max: number): number | null => (text && /^\d{1,10}$/.test(text) && +text <= max ? +text : null);

/** Reads a fragment (with or without '#') for the explorer `config`; null when it is not an explorer link at all. */
export function decodeLink({ kind, scenarios, closing }: ExplorerConfig, fragment: string): LinkResult | null {
	const p = new URLSearchParams(fragment.replace(/^#/, ''));
	const explore = p.get('explore');
	if (explore === null) return null;
	if (explore !== kind) return { ok: false, error: 'other' };
	// A link from another version of the page may mean something else now.
	if (p.get('v') !== LINK_VERSION) return { ok: false, error: 'outdated' };
	const scenario = p.get('scenario') as ScenarioName;
	const isn = (p.get('isn') ?? '').split('-').map((n) => whole(n, 0xffff_ffff));
	const profile = (p.get('profile') ?? 'rfc9293') as ProfileName;
	const tw = p.get('timewait');
	const timeWait = whole(tw, Infinity);
	const closer = (p.get('closer') ?? 'client') as Side;
	const step = whole(p.get('step'), 9999);
	const faults = (p.get('faults')?.split('.') ?? []).map((code): Fault | null => {
		const m = FAULT_CODE.exec(code);
		return m && { dir: m[1] === 'c' ? 'c2s' : 's2c', index: +m[2]!, kind: FAULTS.find((k) => KIND_LETTER[k] === m[3])! };
	});
	const good =
		scenarios.includes(scenario) &&
		isn.length === 2 &&
		!isn.includes(null) &&
		PROFILE_NAMES.includes(profile) &&
		(tw === null || (closing && (TIME_WAIT_SECONDS as readonly (number | null)[]).includes(timeWait))) &&
		SIDES.includes(closer) &&
		(closing || closer === 'client') &&
		step !== null &&
		faults.length <= MAX_FAULTS &&
		faults.every((f, i) => f && !faults.slice(0, i).some((g) => sameSelector(f, g!)));
	return good
		? { ok: true, state: { scenario, isn: { client: isn[0]!, server: isn[1]! }, profile, timeWait, closer, faults: faults as Fault[], step } }
		: { ok: false, error: 'bad' };
}

/**
 * Whether a well-formed link no longer fits the run it opens, as when the model changed after it
 * was made: a fault on a segment that is not sent (or whose fate is the scenario's), or a step past the last.
 */
export const outdated = (state: RunState, run: ExplorerRun): boolean =>
	state.step > run.steps.length ||
	state.faults.some((f) => !run.steps.some((s) => s.selector && !s.fixed && sameSelector(s.selector, f)));
