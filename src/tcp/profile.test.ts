import { describe, expect, it } from 'vitest';
import { LINUX_CONFIG, RFC9293_CONFIG } from './config';
import { PROFILE_NAMES, PROFILES, sourceUrl, SWITCH_IDS } from './profile';
import { runScenario } from './scenarios';

describe('PROFILES', () => {
	it('lists every switch once per profile, its value read from the profile’s config', () => {
		for (const name of PROFILE_NAMES) {
			const p = PROFILES[name];
			expect(p.id).toBe(name);
			expect(p.switches.map((s) => s.id)).toEqual([...SWITCH_IDS]);
			for (const s of p.switches) expect(s.value).toBe(p.config[s.id]);
		}
	});

	it('states the values the RFCs and Linux’s defaults give', () => {
		const value = (name: 'rfc9293' | 'linux', id: string) => PROFILES[name].switches.find((s) => s.id === id)?.value;
		expect(value('rfc9293', 'timeWaitMs')).toBe(240_000);
		expect(value('linux', 'timeWaitMs')).toBe(60_000);
		expect(value('linux', 'synLinearTimeouts')).toBe(4);
		expect(value('linux', 'rtoMinMs')).toBe(200);
		expect(value('rfc9293', 'synAckOnDupSyn')).toBe(false);
		const { mslMs, ...rfcRest } = RFC9293_CONFIG;
		expect(PROFILES.rfc9293.config).toEqual({ ...rfcRest, timeWaitMs: 2 * mslMs! });
		expect(PROFILES.linux.config).toEqual(LINUX_CONFIG);
	});

	it('cites an RFC section for the RFC profile and a kernel file and function for Linux', () => {
		const ttw = (name: 'rfc9293' | 'linux') => PROFILES[name].switches.find((s) => s.id === 'timeWaitMs')!;
		expect(ttw('rfc9293')).toEqual({ id: 'timeWaitMs', value: 240_000, unit: 'ms', source: { rfc: 9293, section: '3.4.2' } });
		expect(ttw('linux').source).toEqual({ linux: 'net/ipv4/tcp_minisocks.c', fn: 'tcp_time_wait', constant: 'TCP_TIMEWAIT_LEN' });
		expect(sourceUrl(ttw('rfc9293').source)).toBe('https://www.rfc-editor.org/rfc/rfc9293#section-3.4.2');
		expect(sourceUrl(ttw('linux').source)).toBe('https://elixir.bootlin.com/linux/v6.18/source/net/ipv4/tcp_minisocks.c');
		for (const s of PROFILES.rfc9293.switches) expect(s.source).toHaveProperty('rfc');
		for (const s of PROFILES.linux.switches) expect(s.source).toHaveProperty('fn');
	});
});

describe('scenario options', () => {
	const expiry = (opts: Parameters<typeof runScenario>[1]) =>
		runScenario('time-wait-expiry', opts).events.filter((e) => e.kind === 'timer-fire' && e.timer === 'time-wait').map((e) => e.t);

	it('timeWaitMs overrides the profile’s TIME-WAIT (the client enters it at 450 ms)', () => {
		expect(expiry({ timeWaitMs: 5_000 })).toEqual([5_450]);
		expect(expiry({ profile: 'linux', timeWaitMs: 1_000 })).toEqual([1_450]);
		expect(expiry({ profile: 'linux' })).toEqual([60_450]);
	});

	it('rejects a TIME-WAIT length that is not a whole number of ms', () => {
		expect(() => runScenario('teardown', { timeWaitMs: -1 })).toThrow(expect.objectContaining({ code: 'invalid-config' }));
		expect(() => runScenario('teardown', { timeWaitMs: 1.5 })).toThrow(expect.objectContaining({ code: 'invalid-config' }));
	});
});
