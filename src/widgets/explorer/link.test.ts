import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES, SIDES } from '../../tcp';
import { EXPLORERS, TIME_WAIT_SECONDS, type ExplorerKind } from './config';
import { decodeLink, encodeLink, MAX_FAULTS, outdated, type RunState } from './link';
import { FAULTS, runExplorer } from './run';

const state = (kind: ExplorerKind): fc.Arbitrary<RunState> => {
	const closing = EXPLORERS[kind].closing;
	return fc.record({
		scenario: fc.constantFrom(...EXPLORERS[kind].scenarios),
		isn: fc.record({ client: fc.nat({ max: 0xffff_ffff }), server: fc.nat({ max: 0xffff_ffff }) }),
		profile: fc.constantFrom(...PROFILE_NAMES),
		timeWait: closing ? fc.constantFrom(null, ...TIME_WAIT_SECONDS) : fc.constant(null),
		closer: closing ? fc.constantFrom(...SIDES) : fc.constant('client' as const),
		faults: fc.uniqueArray(
			fc.record({ kind: fc.constantFrom(...FAULTS), dir: fc.constantFrom('c2s' as const, 's2c' as const), index: fc.nat(999) }),
			{ maxLength: MAX_FAULTS, selector: (f) => `${f.dir}${f.index}` },
		),
		step: fc.nat(9999),
	});
};

describe('run links', () => {
	it('reads back exactly the run it wrote, for either explorer', () => {
		for (const kind of ['handshake', 'teardown'] as const) {
			fc.assert(
				fc.property(state(kind), (s) => {
					expect(decodeLink(EXPLORERS[kind], `#${encodeLink(kind, s)}`)).toEqual({ ok: true, state: s });
				}),
			);
		}
	});

	it('writes a short, readable fragment', () => {
		const s: RunState = {
			scenario: 'lost-syn',
			isn: { client: 100, server: 300 },
			profile: 'linux',
			timeWait: null,
			closer: 'client',
			faults: [
				{ kind: 'drop', dir: 'c2s', index: 1 },
				{ kind: 'duplicate', dir: 's2c', index: 0 },
			],
			step: 2,
		};
		expect(encodeLink('handshake', s)).toBe('explore=handshake&v=1&scenario=lost-syn&isn=100-300&profile=linux&faults=c1l.s0u&step=2');
		expect(encodeLink('teardown', { ...s, scenario: 'teardown', timeWait: 60, closer: 'server', faults: [], profile: 'rfc9293' })).toBe(
			'explore=teardown&v=1&scenario=teardown&isn=100-300&timewait=60&closer=server&step=2',
		);
	});

	it('ignores fragments that are not explorer links, and refuses bad or foreign ones with the reason', () => {
		expect(decodeLink(EXPLORERS.handshake, '')).toBeNull();
		expect(decodeLink(EXPLORERS.handshake, '#try-it-yourself')).toBeNull();
		const ok = 'explore=handshake&v=1&scenario=handshake&isn=100-300&step=3';
		expect(decodeLink(EXPLORERS.handshake, ok)).toMatchObject({ ok: true });
		const cases: Array<[string, 'other' | 'bad' | 'outdated']> = [
			['explore=teardown&v=1&scenario=teardown&isn=1-2&step=0', 'other'],
			[ok.replace('v=1', 'v=0'), 'outdated'],
			[ok.replace('&v=1', ''), 'outdated'],
			[ok.replace('scenario=handshake', 'scenario=teardown'), 'bad'],
			[ok.replace('scenario=handshake', 'scenario=__proto__'), 'bad'],
			[ok.replace('isn=100-300', 'isn=100'), 'bad'],
			[ok.replace('isn=100-300', 'isn=4294967296-1'), 'bad'],
			[ok.replace('isn=100-300', 'isn=-1-3'), 'bad'],
			[ok.replace('isn=100-300', 'isn=1.5-3'), 'bad'],
			[`${ok}&profile=bsd`, 'bad'],
			[`${ok}&timewait=60`, 'bad'],
			[`${ok}&closer=server`, 'bad'],
			[`${ok}&faults=c0x`, 'bad'],
			[`${ok}&faults=c0l.c0d`, 'bad'],
			[`${ok}&faults=${Array.from({ length: MAX_FAULTS + 1 }, (_, i) => `c${i}l`).join('.')}`, 'bad'],
			[ok.replace('step=3', 'step=-1'), 'bad'],
			[ok.replace('&step=3', ''), 'bad'],
		];
		for (const [fragment, error] of cases) expect(decodeLink(EXPLORERS.handshake, fragment), fragment).toEqual({ ok: false, error });
		expect(decodeLink(EXPLORERS.teardown, 'explore=teardown&v=1&scenario=teardown&isn=1-2&timewait=45&step=0')).toEqual({ ok: false, error: 'bad' });
		// Whatever the fragment, reading it never throws.
		fc.assert(fc.property(fc.string(), (text) => void decodeLink(EXPLORERS.handshake, `explore=handshake&${text}`)));
	});

	it('knows a link the model no longer fits: a fault on a segment that is not sent or is the scenario’s, or a step past the end', () => {
		const s: RunState = { scenario: 'handshake', isn: { client: 1, server: 2 }, profile: 'rfc9293', timeWait: null, closer: 'client', faults: [], step: 3 };
		const run = (x: RunState) => runExplorer({ scenario: x.scenario, isn: x.isn, faults: x.faults });
		expect(outdated(s, run(s))).toBe(false);
		expect(outdated({ ...s, step: 4 }, run(s))).toBe(true);
		const far = { ...s, faults: [{ kind: 'drop' as const, dir: 'c2s' as const, index: 7 }] };
		expect(outdated(far, run(far))).toBe(true);
		const scripted = { ...s, scenario: 'lost-syn' as const, faults: [{ kind: 'delay' as const, dir: 'c2s' as const, index: 0 }] };
		expect(outdated(scripted, run(scripted))).toBe(true);
		const fine = { ...s, faults: [{ kind: 'drop' as const, dir: 's2c' as const, index: 0 }] };
		expect(outdated(fine, run(fine))).toBe(false);
	});
});
