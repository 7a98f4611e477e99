import { describe, expect, it } from 'vitest';
import { configFromSysctls } from './sysctls.ts';

describe('configFromSysctls', () => {
	it('reads the sysctls each switch cites, in their own units, with or without "net."', () => {
		expect(
			configFromSysctls({
				'ipv4.tcp_syn_retries': '3',
				'ipv4.tcp_syn_linear_timeouts': '0',
				'net.ipv4.tcp_retries2': '5',
				'ipv4.tcp_rto_min_us': '200000',
				'ipv4.tcp_keepalive_time': '2',
				'ipv4.tcp_keepalive_intvl': '1',
				'ipv4.tcp_early_retrans': '0',
				'ipv4.tcp_timestamps': '1',
				'ipv4.tcp_abort_on_overflow': '1',
			}),
		).toEqual({ synRetries: 3, synLinearTimeouts: 0, dataRetries: 5, rtoMinMs: 200, keepAliveMs: 2000, keepAliveIntervalMs: 1000, tailLossProbe: false, timestamps: true, abortOnOverflow: true });
		expect(configFromSysctls({ 'ipv4.tcp_abort_on_overflow': '0' })).toEqual({ abortOnOverflow: false });
	});

	it('leaves out what it does not know or cannot read', () => {
		expect(configFromSysctls({ 'ipv4.tcp_syn_retries': 'six', 'ipv4.tcp_ecn': '2', 'core.somaxconn': '4096' })).toEqual({});
	});
});
