import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'peer-vanishes',
	title: 'The server vanishes while the client sends: the client retransmits with doubling timeouts until tcp_retries2 (5 here) runs out',
	sysctls: { client: { 'ipv4.tcp_retries2': 5 } },
	// c2s: 0 SYN, 1 ACK; the data and everything after it are lost.
	drops: [{ dir: 'c2s', index: 2, count: 'all' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'write', side: 'client', data: 'HI\n' },
		{ do: 'wait', ms: 1_000 },
		{ do: 'snapshot', label: 'retransmitting', side: 'client', commands: ['ss -tano'], expect: { client: ['^ESTAB .*timer:\\(on,'] } },
		{ do: 'await', side: 'client', event: 'error', code: 'ETIMEDOUT', timeoutMs: 60_000 },
		{ do: 'snapshot', label: 'given up', side: 'client', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s PSH,ACK seq=1 ack=1 len=3 lost',
		// A tail loss probe after about 200 ms (2 × SRTT + the 200 ms minimum RTO for a single segment in flight),
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+0.2±0.05',
		// then the retransmission timer: RTO ≈ 200 ms (SRTT is a fraction of a millisecond on a veth),
		// doubled after each expiry; the timer wheel rounds the longer ones up.
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+0.2±0.05',
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+0.4±0.05',
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+0.8±0.1',
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+1.6±0.1',
		'c>s PSH,ACK seq=1 ack=1 len=3 lost @+3.2±0.4',
	],
} satisfies ScenarioInput;
