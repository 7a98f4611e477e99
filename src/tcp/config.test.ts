import { describe, expect, it } from 'vitest';
import { LINUX_CONFIG, resolveConfig, RFC9293_CONFIG } from './config.ts';

describe('configs', () => {
	it('RFC: initial RTO 1 s (RFC 6298), TIME-WAIT 2×MSL with MSL 2 minutes (RFC 9293 §3.4.2)', () => {
		const c = resolveConfig(RFC9293_CONFIG);
		expect(c.rtoInitialMs).toBe(1000);
		expect(c.timeWaitMs).toBe(240_000);
		expect(resolveConfig({ mslMs: 30_000 }).timeWaitMs).toBe(60_000);
	});

	it('Linux: tcp_syn_retries 6, tcp_synack_retries 5, TIME-WAIT a fixed 60 s', () => {
		const c = resolveConfig(LINUX_CONFIG);
		expect([c.synRetries, c.synAckRetries, c.timeWaitMs, c.rtoInitialMs]).toEqual([6, 5, 60_000, 1000]);
	});

	it.each([{ rtoInitialMs: -1 }, { rtoInitialMs: 0 }, { synRetries: 1.5 }, { wnd: 0 }, { wnd: 70_000 }, { mslMs: -5 }, { timeWaitMs: Number.NaN }])(
		'rejects %o',
		(bad) => {
			expect(() => resolveConfig(bad)).toThrow(expect.objectContaining({ code: 'invalid-config' }));
		},
	);
});
