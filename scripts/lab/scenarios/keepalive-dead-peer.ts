import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'keepalive-dead-peer',
	title: 'The server vanishes from an idle connection: tcp_keepalive_probes probes go unanswered, then the client resets the connection (ETIMEDOUT)',
	sysctls: { client: { 'ipv4.tcp_keepalive_time': 2, 'ipv4.tcp_keepalive_intvl': 1, 'ipv4.tcp_keepalive_probes': 3 } },
	// c2s: 0 SYN, 1 ACK; everything after that is lost, as if the server's host had gone.
	drops: [{ dir: 'c2s', index: 2, count: 'all' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'keepalive', side: 'client', idleMs: 0 },
		{ do: 'wait', ms: 3_500 },
		{ do: 'snapshot', label: 'probing', side: 'client', commands: ['ss -tano'], expect: { client: ['timer:\\(keepalive,[^,]+,[12]\\)'] } },
		{ do: 'await', side: 'client', event: 'error', code: 'ETIMEDOUT', timeoutMs: 10_000 },
		{ do: 'snapshot', label: 'given up', side: 'client', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s ACK seq=0 ack=1 len=0 lost @+2±0.3',
		'c>s ACK seq=0 ack=1 len=0 lost @+1±0.1',
		'c>s ACK seq=0 ack=1 len=0 lost @+1±0.1',
		// After the last probe's interval the kernel gives up, and says so with a RST.
		'c>s RST,ACK seq=1 ack=1 len=0 lost @+1±0.1',
	],
} satisfies ScenarioInput;
