import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINUX_CONFIG, RFC9293_CONFIG } from './config.ts';
import type { EndpointConfig } from './endpoint.ts';
import type { NetworkAction, Side } from './network.ts';
import { PROFILE_NAMES, PROFILES, sourceUrl, SWITCH_IDS, type ProfileName } from './profile.ts';
import { runScenario } from './scenarios.ts';
import { flagText, parseFlags } from './segment.ts';
import { simulate, type UserAction } from './simulate.ts';
import type { Trace } from './trace.ts';

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

// Each switch, both profiles, on a timeline written out by hand from the RFC or the kernel source.
const call = (at: number, who: Side, what: UserAction['call'], bytes?: number): UserAction => ({ at, who, call: what, ...(bytes && { bytes }) });
const OPEN = [call(0, 'server', 'listen'), call(0, 'client', 'open')];
const dropAll = (dir: 'c2s' | 's2c', from = 0): NetworkAction[] => Array.from({ length: 40 }, (_, i) => ({ do: 'drop', dir, index: from + i }));

interface Run {
	actions: UserAction[];
	script?: NetworkAction[];
	client?: Partial<EndpointConfig>;
	server?: Partial<EndpointConfig>;
	delayMs?: number;
	untilMs?: number;
}
const sim = (profile: ProfileName, r: Run) =>
	simulate({
		client: { ...PROFILES[profile].config, isn: 100, ...r.client },
		server: { ...PROFILES[profile].config, isn: 300, ...r.server },
		network: { delayMs: { c2s: r.delayMs ?? 50, s2c: r.delayMs ?? 50 }, script: r.script ?? [] },
		actions: r.actions,
		...(r.untilMs !== undefined && { untilMs: r.untilMs }),
	});
/** "t side flags reason" for every segment sent, handshake left out when `from` is set. */
const sends = (trace: Trace, from = 0) =>
	trace.events.flatMap((e) => (e.kind === 'send' && e.t >= from ? [`${e.t} ${e.side} ${flagText(e.seg)} ${e.reason}`] : []));
const moves = (trace: Trace, side: Side) =>
	trace.events.flatMap((e) => (e.kind === 'state' && e.side === side ? [`${e.t} ${e.to} ${e.event}`] : []));

describe('SYN retransmission: synLinearTimeouts, synRetries', () => {
	const lostSyns = (profile: ProfileName) => sim(profile, { actions: OPEN, script: dropAll('c2s') });

	it('Linux ≥ 6.5: SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s; connect() fails at 131 s (tcp_retransmit_timer, tcp_write_timeout)', () => {
		const t = lostSyns('linux');
		expect(sends(t)).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67].map((s, i) => `${s * 1000} client SYN ${i ? 'retransmit' : 'syn'}`));
		expect(moves(t, 'client').at(-1)).toBe('131000 CLOSED timeout-retries');
	});

	it('RFC 9293: doubling from 1 s (RFC 6298 §5.5) capped at 60 s (§2.5); 7 retries, so more than 3 minutes (§3.8.3)', () => {
		const t = lostSyns('rfc9293');
		expect(sends(t).map((s) => Number(s.split(' ')[0]) / 1000)).toEqual([0, 1, 3, 7, 15, 31, 63, 123]);
		expect(moves(t, 'client').at(-1)).toBe('183000 CLOSED timeout-retries');
	});

	it('rtoMaxMs: Linux caps a doubled timeout at 120 s (TCP_RTO_MAX), where RFC 6298 §2.5 allows 60 s (above: 63 s, then 123 s)', () => {
		const t = sim('linux', { actions: OPEN, script: dropAll('c2s'), client: { synLinearTimeouts: 0, synRetries: 9 } });
		expect(sends(t).map((s) => Number(s.split(' ')[0]) / 1000)).toEqual([0, 1, 3, 7, 15, 31, 63, 127, 247, 367]);
	});

	it('for any linear count L and retry count R: L + 1 gaps of the initial RTO, then doubling, R + L + 1 SYNs in all', () => {
		fc.assert(
			fc.property(fc.nat({ max: 6 }), fc.integer({ min: 1, max: 7 }), (L, R) => {
				const t = sim('linux', { actions: OPEN, script: dropAll('c2s'), client: { synLinearTimeouts: L, synRetries: R } });
				const times = sends(t).map((s) => Number(s.split(' ')[0]));
				expect(times).toHaveLength(R + L + 1);
				times.slice(1).forEach((at, i) => expect(at - times[i]!).toBe(Math.min(1000 * 2 ** Math.max(0, i - L), 120_000)));
			}),
			{ numRuns: 200 },
		);
	});
});

describe('SYN,ACK retransmission: synAckRetries, synReceivedTimeoutToListen', () => {
	// A SYN from nobody (no client socket answers), and every SYN,ACK lost.
	const syn: NetworkAction = { do: 'inject', dir: 'c2s', at: 0, seg: { flags: parseFlags('SYN'), seq: 100, ack: 0, wnd: 65_535, len: 0 } };
	const run = (profile: ProfileName) => sim(profile, { actions: [call(0, 'server', 'listen')], script: [syn, ...dropAll('s2c')] });

	it('Linux: SYN,ACKs at 0, 1, 3, 7, 15, 31 s after the SYN; at 63 s the listener forgets it and still listens (reqsk_timer_handler)', () => {
		const t = run('linux');
		expect(sends(t).filter((s) => s.includes('server')).map((s) => Number(s.split(' ')[0]) - 50)).toEqual([0, 1000, 3000, 7000, 15_000, 31_000]);
		expect(moves(t, 'server').at(-1)).toBe('63050 LISTEN timeout-retries');
	});

	it('RFC 9293: 7 retries, then CLOSED (§3.8.3, §3.10.8)', () => {
		const t = run('rfc9293');
		expect(sends(t).filter((s) => s.includes('server'))).toHaveLength(8);
		expect(moves(t, 'server').at(-1)).toBe('183050 CLOSED timeout-retries');
	});
});

describe('a repeated SYN in SYN-RECEIVED: synAckOnDupSyn', () => {
	// The SYN,ACK is lost; the server's own timer is slowed to 3 s so that only the client's repeat can bring it back sooner.
	const run = (profile: ProfileName) => sim(profile, { actions: OPEN, script: [{ do: 'drop', dir: 's2c', index: 0 }], server: { rtoInitialMs: 3000 } });

	it('Linux answers it with the SYN,ACK again (tcp_check_req): connected at 1.1 s', () => {
		expect(sends(run('linux'), 1000)).toEqual(['1000 client SYN retransmit', '1050 server SYN, ACK retransmit', '1100 client ACK ack']);
	});

	it('RFC 9293 answers with a bare ACK, which SYN-SENT ignores (§3.10.7.4): connected only when the server’s timer fires', () => {
		expect(sends(run('rfc9293'), 1000)).toEqual([
			'1000 client SYN retransmit',
			'1050 server ACK dup-ack',
			'3000 client SYN retransmit',
			'3050 server SYN, ACK retransmit',
			'3050 server ACK dup-ack',
			'3100 client ACK ack',
		]);
	});
});

describe('RTO from the measured RTT: rtoMinMs, rtoMinOnVariance; tail loss probe; dataRetries, dataRetriesAsTime', () => {
	// 10 bytes at 200 ms, then the client's peer vanishes (everything it sends after the handshake is lost); RTT 100 ms.
	const vanish = (profile: ProfileName, more: Partial<Run> = {}) =>
		sim(profile, { actions: [...OPEN, call(200, 'client', 'send', 10)], script: dropAll('c2s', 2), client: { dataRetries: 3 }, ...more });

	it('Linux: RTO = SRTT + max(4·RTTVAR, 200 ms) = 300 ms; a loss probe first, then doubling RTOs; gives up when 3 doublings from 200 ms (3 s) have passed since the first RTO', () => {
		const t = vanish('linux');
		expect(sends(t, 200)).toEqual([
			'200 client PSH, ACK data',
			'500 client PSH, ACK loss-probe',
			'800 client PSH, ACK retransmit',
			'1400 client PSH, ACK retransmit',
			'2600 client PSH, ACK retransmit',
		]);
		expect(moves(t, 'client').at(-1)).toBe('5000 CLOSED timeout-retries');
	});

	it('RFC 9293: RTO max(SRTT + 4·RTTVAR, 1 s) = 1 s; 3 retransmissions, doubling', () => {
		const t = vanish('rfc9293');
		expect(sends(t, 200)).toEqual(['200 client PSH, ACK data', '1200 client PSH, ACK retransmit', '3200 client PSH, ACK retransmit', '7200 client PSH, ACK retransmit']);
		expect(moves(t, 'client').at(-1)).toBe('15200 CLOSED timeout-retries');
	});

	it('Linux counts tcp_retries2 in time: with a 400 ms RTT (RTO 1.2 s) only 2 RTO retransmissions fit in 3 s, where a count would allow 3', () => {
		const slow = { delayMs: 200, actions: [...OPEN, call(600, 'client', 'send', 10)] };
		const byTime = vanish('linux', slow);
		expect(sends(byTime, 600).map((s) => s.split(' ')[0] + ' ' + s.split(' ').at(-1))).toEqual(['600 data', '1600 loss-probe', '2800 retransmit', '5200 retransmit']);
		expect(moves(byTime, 'client').at(-1)).toBe('10000 CLOSED timeout-retries');
		const byCount = vanish('linux', { ...slow, client: { dataRetries: 3, dataRetriesAsTime: false } });
		expect(sends(byCount, 600).filter((s) => s.endsWith('retransmit'))).toHaveLength(3);
	});
});

describe('RTT samples from retransmitted segments: timestamps', () => {
	// The SYN is lost, then the FIN.
	const run = (profile: ProfileName, client: Partial<EndpointConfig> = {}) =>
		sim(profile, {
			actions: [...OPEN, call(1500, 'client', 'close')],
			script: [{ do: 'drop', dir: 'c2s', index: 0 }, { do: 'drop', dir: 'c2s', flags: 'FIN, ACK', index: 0 }],
			client,
			untilMs: 5000,
		});
	const finAgain = (t: Trace) => sends(t, 1500).find((s) => !s.endsWith(' fin'));

	it('Linux times the retransmitted SYN by its echoed timestamp: RTT 100 ms, so the lost FIN is probed 300 ms later', () => {
		expect(finAgain(run('linux'))).toBe('1800 client FIN, ACK loss-probe');
	});

	it('without timestamps Karn’s rule (RFC 6298 §3) leaves no sample: the FIN waits for the initial 1 s RTO', () => {
		expect(finAgain(run('rfc9293'))).toBe('2500 client FIN, ACK retransmit');
		expect(finAgain(run('linux', { timestamps: false }))).toBe('2500 client FIN, ACK retransmit');
	});
});

describe('delayed ACKs: delayedAckMs, quickAcks', () => {
	// A 3-byte request, a 6-byte reply, the client closes at 500 ms and the server 10 ms after the FIN arrives.
	const exchange = (profile: ProfileName, data: boolean) =>
		sim(profile, {
			actions: [...OPEN, ...(data ? [call(200, 'client', 'send', 3), call(300, 'server', 'send', 6)] : []), call(500, 'client', 'close'), call(560, 'server', 'close')],
			untilMs: 2000,
		});

	it('Linux: data is acknowledged at once (quick-ack mode); the FIN’s ACK waits up to 40 ms, so the server’s FIN carries it', () => {
		expect(sends(exchange('linux', true), 200)).toEqual([
			'200 client PSH, ACK data',
			'250 server ACK ack',
			'300 server PSH, ACK data',
			'350 client ACK ack',
			'500 client FIN, ACK fin',
			'560 server FIN, ACK fin',
			'610 client ACK ack',
		]);
	});

	it('Linux, no data received yet: the delayed-ACK timeout is still 0, so the ACK leaves at once and the FIN follows alone', () => {
		expect(sends(exchange('linux', false), 500)).toEqual(['500 client FIN, ACK fin', '550 server ACK delayed-ack', '560 server FIN, ACK fin', '610 client ACK ack']);
	});

	it('RFC 9293 (no delay): every ACK at once, four segments to close', () => {
		expect(sends(exchange('rfc9293', true), 500)).toEqual(['500 client FIN, ACK fin', '550 server ACK ack', '560 server FIN, ACK fin', '610 client ACK ack']);
	});
});

describe('challenge and duplicate ACKs: ackRateLimitMs', () => {
	// Three RSTs in the window but not at RCV.NXT, 100 ms and then 600 ms apart.
	const rst = (at: number): NetworkAction => ({ do: 'inject', dir: 's2c', at, seg: { flags: parseFlags('RST'), seq: 311, ack: 0, wnd: 0, len: 0 } });
	const challenges = (profile: ProfileName) =>
		sends(sim(profile, { actions: OPEN, script: [rst(300), rst(400), rst(1000)] })).filter((s) => s.endsWith('challenge-ack'));

	it('Linux: at most one per 500 ms (tcp_oow_rate_limited)', () => {
		expect(challenges('linux')).toEqual(['350 client ACK challenge-ack', '1050 client ACK challenge-ack']);
	});

	it('RFC 5961 §3: one for each', () => {
		expect(challenges('rfc9293')).toHaveLength(3);
	});
});

describe('ABORT’s reset: abortRstAck', () => {
	const abort = (profile: ProfileName) => sim(profile, { actions: [...OPEN, call(300, 'client', 'abort')] }).events.find((e) => e.kind === 'send' && e.reason === 'rst-abort');

	it('Linux: RST, ACK, acknowledging what arrived (tcp_send_active_reset)', () => {
		expect(abort('linux')).toMatchObject({ seg: { flags: parseFlags('RST, ACK'), seq: 101, ack: 301 } });
	});

	it('RFC 9293 §3.10.5: <SEQ=SND.NXT><CTL=RST>', () => {
		expect(abort('rfc9293')).toMatchObject({ seg: { flags: parseFlags('RST'), seq: 101, ack: 0 } });
	});
});

describe('a new SYN in TIME-WAIT: timeWaitNewSyn', () => {
	// The server closes first and sits in TIME-WAIT; the client connects again from the same port at 1 s.
	const reopen = (profile: ProfileName, isn2: number, server: Partial<EndpointConfig> = {}) =>
		sim(profile, {
			actions: [...OPEN, call(200, 'server', 'close'), call(400, 'client', 'close'), call(1000, 'client', 'open')],
			client: { isn: (t: number) => (t < 1000 ? 100 : isn2) },
			server,
			untilMs: 2500,
		});

	it('Linux: a SYN above RCV.NXT reopens the connection, the ISN 65537 past the old SND.NXT (tcp_timewait_state_process)', () => {
		const t = reopen('linux', 5000);
		expect(moves(t, 'server').slice(-2)).toEqual(['1050 SYN-RECEIVED rcv-syn', '1150 ESTABLISHED rcv-ack-of-syn']);
		expect(t.events.find((e) => e.kind === 'send' && e.side === 'server' && e.t === 1050)).toMatchObject({ seg: { seq: 302 + 65_537, ack: 5001 } });
	});

	it('Linux without timestamps, a SYN below RCV.NXT: answered with the old connection’s ACK', () => {
		expect(sends(reopen('linux', 50, { timestamps: false }), 1000).slice(0, 2)).toEqual(['1000 client SYN syn', '1050 server ACK dup-ack']);
	});

	it('RFC 9293: TIME-WAIT answers any SYN with a challenge ACK (§3.10.7.4; MAY-2 of §3.6.1 not taken)', () => {
		expect(sends(reopen('rfc9293', 5000), 1000).slice(0, 2)).toEqual(['1000 client SYN syn', '1050 server ACK challenge-ack']);
	});
});

describe('the RTO floor: rtoMinOnVariance; timer ticks: hz', () => {
	// A 20 ms RTT, the FIN lost: the probe (Linux) or the RTO (RFC) resends it.
	const again = (profile: ProfileName, client: Partial<EndpointConfig> = {}, delayMs = 10) =>
		sends(sim(profile, { actions: [...OPEN, call(200, 'client', 'close')], script: [{ do: 'drop', dir: 'c2s', flags: 'FIN, ACK', index: 0 }], client, delayMs, untilMs: 3000 }), 200)[1];

	it('Linux floors the variance term: RTO = 20 + max(4 × 10, 200) = 220 ms (tcp_rtt_estimator)', () => {
		expect(again('linux')).toBe('420 client FIN, ACK loss-probe');
	});

	it('RFC 6298 §2.4 floors the whole RTO: max(20 + 40, 200) = 200 ms with the same floor', () => {
		expect(again('linux', { rtoMinOnVariance: false })).toBe('400 client FIN, ACK loss-probe');
		expect(again('rfc9293')).toBe('1200 client FIN, ACK retransmit');
	});

	it('at HZ 250 a loopback RTO of 200.05 ms is 51 jiffies, 204 ms (usecs_to_jiffies); without ticks it stays 200.05', () => {
		expect(again('linux', {}, 0.025)).toBe('404 client FIN, ACK loss-probe');
		expect(again('linux', { hz: 0 }, 0.025)).toBe('400.05 client FIN, ACK loss-probe');
	});
});

describe('keep-alive: keepAliveMs, keepAliveIntervalMs, keepAliveProbes', () => {
	// The client turns keep-alive on once connected; idle 2 s, then probes 1 s apart, 3 of them.
	const shortened = { keepAliveMs: 2000, keepAliveIntervalMs: 1000, keepAliveProbes: 3 };
	const idle = (profile: ProfileName, script: NetworkAction[] = []) =>
		sim(profile, { actions: [...OPEN, call(100, 'client', 'keepalive')], client: shortened, script, untilMs: 9000 });

	it('answered: a probe (an ACK one below SND.NXT) after 2 s without a segment from the peer, each answer restarting the count', () => {
		const t = idle('linux');
		// The answer arrives 100 ms after each probe: 2.1 s apart.
		expect(sends(t, 200)).toEqual([
			'2100 client ACK keepalive',
			'2150 server ACK dup-ack',
			'4200 client ACK keepalive',
			'4250 server ACK dup-ack',
			'6300 client ACK keepalive',
			'6350 server ACK dup-ack',
			'8400 client ACK keepalive',
			'8450 server ACK dup-ack',
		]);
		expect(t.events.find((e) => e.kind === 'send' && e.reason === 'keepalive')).toMatchObject({ seg: { seq: 100, ack: 301 } });
	});

	it('unanswered: probes 1 s apart, then Linux resets the connection after the third (tcp_keepalive_timer)', () => {
		const t = idle('linux', dropAll('c2s', 2));
		expect(sends(t, 200)).toEqual(['2100 client ACK keepalive', '3100 client ACK keepalive', '4100 client ACK keepalive', '5100 client RST, ACK rst-keepalive']);
		expect(moves(t, 'client').at(-1)).toBe('5100 CLOSED timeout-retries');
	});

	it('RFC 9293 §3.8.4: no probe before two hours of silence', () => {
		const t = sim('rfc9293', { actions: [...OPEN, call(100, 'client', 'keepalive')], untilMs: 7_300_000 });
		expect(sends(t, 200)).toEqual(['7200100 client ACK keepalive', '7200150 server ACK dup-ack']);
	});
});

describe('a full accept queue: acceptQueue, abortOnOverflow', () => {
	// The client's handshake ACK is lost (as in the lab's accept-overflow); other connections fill the
	// listener's accept queue at 500 ms, before the server's SYN,ACK comes again at 1050 ms.
	const fullFrom = (at: number) => (now: number) => now >= at;

	it('is a switch of each profile: Linux has an accept queue and the sysctl’s default 0; RFC 9293 has neither', () => {
		const sw = (name: ProfileName, id: string) => PROFILES[name].switches.find((s) => s.id === id);
		expect(sw('linux', 'abortOnOverflow')).toEqual({
			id: 'abortOnOverflow',
			value: false,
			unit: null,
			source: { linux: 'net/ipv4/tcp_minisocks.c', fn: 'tcp_check_req', sysctl: 'net.ipv4.tcp_abort_on_overflow' },
		});
		expect(sw('linux', 'acceptQueue')).toMatchObject({ value: true, source: { linux: 'net/ipv4/tcp_ipv4.c', fn: 'tcp_v4_syn_recv_sock' } });
		expect(sw('rfc9293', 'acceptQueue')).toMatchObject({ value: false, source: { rfc: 9293, section: '3.10.7.4' } });
	});
	const overflow = (profile: ProfileName, server: Partial<EndpointConfig> = {}) =>
		sim(profile, { actions: OPEN, script: [{ do: 'drop', dir: 'c2s', index: 1 }], server: { acceptQueueFull: fullFrom(500), ...server }, untilMs: 70_000 });

	it('Linux, tcp_abort_on_overflow 0: the ACK is dropped, the request stays SYN-RECEIVED and its SYN,ACK is resent until it gives up (tcp_check_req, listen_overflow)', () => {
		const t = overflow('linux');
		expect(sends(t, 1000).filter((s) => s.includes('server'))).toEqual(
			[1050, 3050, 7050, 15_050, 31_050].map((at) => `${at} server SYN, ACK retransmit`),
		);
		expect(moves(t, 'server')).toEqual(['0 LISTEN passive-open', '50 SYN-RECEIVED rcv-syn', '63050 LISTEN timeout-retries']);
		// The client never learns: it is ESTABLISHED throughout.
		expect(t.final.client).toBe('ESTABLISHED');
	});

	it('Linux, tcp_abort_on_overflow 1: the ACK is answered with a RST carrying its acknowledgment number; the request is gone and the client reset', () => {
		const t = overflow('linux', { abortOnOverflow: true });
		expect(sends(t, 1000)).toEqual(['1050 server SYN, ACK retransmit', '1100 client ACK challenge-ack', '1150 server RST rst-overflow']);
		expect(t.events.find((e) => e.kind === 'send' && e.reason === 'rst-overflow')).toMatchObject({ seg: { seq: 301, ack: 0 } });
		expect(moves(t, 'server').at(-1)).toBe('1150 LISTEN rcv-ack-of-syn');
		expect(moves(t, 'client').at(-1)).toBe('1200 CLOSED rcv-rst');
	});

	it('RFC 9293 has no accept queue: the ACK completes the handshake (§3.10.7.4), whatever the switch says', () => {
		for (const abortOnOverflow of [false, true]) {
			const t = overflow('rfc9293', { abortOnOverflow });
			expect(moves(t, 'server').at(-1)).toBe('1150 ESTABLISHED rcv-ack-of-syn');
			expect(sends(t).some((s) => s.includes('rst'))).toBe(false);
		}
	});

	it('Linux drops a SYN that meets a full accept queue, unanswered (tcp_conn_request); RFC 9293 answers it', () => {
		const syns = (profile: ProfileName) => sim(profile, { actions: OPEN, server: { acceptQueueFull: fullFrom(0) }, untilMs: 3500 });
		const linux = syns('linux');
		expect(sends(linux)).toEqual(['0 client SYN syn', '1000 client SYN retransmit', '2000 client SYN retransmit', '3000 client SYN retransmit']);
		expect(moves(linux, 'server')).toEqual(['0 LISTEN passive-open']);
		expect(moves(syns('rfc9293'), 'server').at(-1)).toBe('150 ESTABLISHED rcv-ack-of-syn');
	});

	it('for any moment the queue fills and any losses: Linux completes no handshake once it is full, and resets only then; RFC 9293 runs as if it had no queue', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: 4000 }),
				fc.boolean(),
				fc.array(fc.record({ do: fc.constant('drop' as const), dir: fc.constantFrom('c2s' as const, 's2c' as const), index: fc.nat({ max: 4 }) }), { maxLength: 3 }),
				(at, abortOnOverflow, script) => {
					const run = (profile: ProfileName, full?: (now: number) => boolean) =>
						sim(profile, { actions: OPEN, script, server: { abortOnOverflow, ...(full && { acceptQueueFull: full }) }, untilMs: 20_000 });
					const linux = run('linux', fullFrom(at));
					for (const e of linux.events) {
						if (e.kind === 'state' && e.side === 'server' && e.to === 'ESTABLISHED') expect(e.t).toBeLessThan(at);
						if (e.kind === 'send' && e.reason === 'rst-overflow') {
							expect(abortOnOverflow).toBe(true);
							expect(e.t).toBeGreaterThanOrEqual(at);
						}
					}
					expect(run('rfc9293', fullFrom(at))).toEqual(run('rfc9293'));
				},
			),
			{ numRuns: 100 },
		);
	});
});
