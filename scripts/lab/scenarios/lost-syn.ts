import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-syn',
	title: 'Every SYN is lost: the client retransmits it, 1 s apart at first (tcp_syn_linear_timeouts), then doubling, until it gives up',
	drops: [{ dir: 'c2s', flags: 'SYN', count: 'all' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'waiting for a SYN,ACK', side: 'client', commands: ['ss -tano'], expect: { client: ['^SYN-SENT '] } },
		{ do: 'await', side: 'client', event: 'error', code: 'ETIMEDOUT', timeoutMs: 300_000 },
		{ do: 'snapshot', label: 'the client gave up', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	// Linux ≥ 6.5 with tcp_syn_linear_timeouts = 4: five retransmissions 1 s apart, then doubling.
	// tcp_syn_retries = 6 bounds the time, not the count: the kernel gives up once the seven SYNs of
	// a doubling schedule would have taken (1 + 2 + … + 64 = 127 s), at the first expiry after that.
	// The timer wheel (HZ 250) rounds each timeout up, by up to 32 ms at 1–2 s, 256 ms at 4–16 s and
	// 2.048 s at 32–64 s.
	shape: [
		'c>s SYN seq=0 ack=- len=0 lost',
		'c>s SYN seq=0 ack=- len=0 lost @+1±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+1±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+1±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+1±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+1±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+2±0.1',
		'c>s SYN seq=0 ack=- len=0 lost @+4±0.4',
		'c>s SYN seq=0 ack=- len=0 lost @+8±0.4',
		'c>s SYN seq=0 ack=- len=0 lost @+16±0.4',
		'c>s SYN seq=0 ack=- len=0 lost @+32±2.3',
	],
} satisfies ScenarioInput;
