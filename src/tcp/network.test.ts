import { describe, expect, it } from 'vitest';
import { createNetwork } from './network.ts';
import { parseFlags, type Segment } from './segment.ts';

const seg = (flags: string): Segment => ({ flags: parseFlags(flags), seq: 0, ack: 0, wnd: 0, len: 0 });

describe('network script', () => {
	it('selects the Nth segment per direction, or the Nth with given flags', () => {
		const net = createNetwork({
			delayMs: { c2s: 10, s2c: 20 },
			script: [
				{ do: 'drop', dir: 'c2s', index: 1 },
				{ do: 'duplicate', dir: 's2c', flags: 'ack, fin', index: 1 },
				{ do: 'delay', dir: 's2c', flags: 'FIN, ACK', index: 1, extraMs: 5 },
				{ do: 'reorder', dir: 'c2s', index: 2 },
			],
		});
		expect(net.route('c2s', seg('SYN'))).toEqual({ drop: false, delays: [10], reorder: false });
		expect(net.route('c2s', seg('ACK')).drop).toBe(true);
		expect(net.route('c2s', seg('ACK')).reorder).toBe(true);
		expect(net.route('s2c', seg('FIN, ACK'))).toEqual({ drop: false, delays: [20], reorder: false });
		expect(net.route('s2c', seg('ACK'))).toEqual({ drop: false, delays: [20], reorder: false });
		expect(net.route('s2c', seg('FIN, ACK'))).toEqual({ drop: false, delays: [25, 25], reorder: false });
	});

	it('defaults to 50 ms each way and keeps injections apart', () => {
		const inject = { do: 'inject' as const, dir: 'c2s' as const, at: 3, seg: seg('SYN') };
		const net = createNetwork({ script: [inject] });
		expect(net.delayMs).toEqual({ c2s: 50, s2c: 50 });
		expect(net.injections).toEqual([inject]);
		expect(net.route('c2s', seg('SYN')).delays).toEqual([50]);
	});

	it('rejects negative delays', () => {
		expect(() => createNetwork({ delayMs: { c2s: 1, s2c: -0.5 } })).toThrow(expect.objectContaining({ code: 'invalid-delay' }));
		expect(() => createNetwork({ script: [{ do: 'inject', dir: 'c2s', at: -1, seg: seg('SYN') }] })).toThrow(
			expect.objectContaining({ code: 'invalid-delay' }),
		);
	});
});
