import type { ScenarioInput } from '../scenario.ts';

const prefix = (n: number) => (n === 1 ? '' : `#${n} `);
/** A crafted SYN that found room in the SYN queue: its SYN,ACK is retransmitted 1 s later. */
const queued = (n: number) => [
	`${prefix(n)}c>s SYN seq=0 ack=- len=0`,
	`${prefix(n)}s>c SYN,ACK seq=0 ack=1 len=0 lost`,
	`${prefix(n)}s>c SYN,ACK seq=0 ack=1 len=0 lost @+1±0.1`,
];
/** A crafted SYN answered with a SYN cookie: the server keeps no state, so nothing is retransmitted. */
const cookie = (n: number) => [`${prefix(n)}c>s SYN seq=0 ack=- len=0`, `${prefix(n)}s>c SYN,ACK seq=0 ack=1 len=0 lost`];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Sixteen SYNs crafted with a raw socket (scripts/lab/synflood.py) from ports 61000–61015 of the
 * client's address, then a real client. With tcp_syncookies = 1 the SYN queue counts as full once
 * it holds more than the listen backlog (4): tcp_max_syn_backlog (8 here) limits it only when SYN
 * cookies are off.
 */
export default {
	name: 'syn-flood-cookies',
	title: 'A SYN flood fills the listener’s SYN queue; the kernel answers further SYNs with SYN cookies, and a real client still connects',
	sysctls: { server: { 'ipv4.tcp_syncookies': 1, 'ipv4.tcp_max_syn_backlog': 8 } },
	// The crafted SYNs' sources do not exist: whatever the server sends them is lost.
	drops: [{ dir: 's2c', clientPorts: [61000, 61015], count: 'all' }],
	steps: [
		{ do: 'listen', backlog: 4 },
		{ do: 'flood', count: 16, fromPort: 61000 },
		{ do: 'wait', ms: 200 },
		{
			do: 'snapshot',
			label: 'flooded',
			side: 'server',
			commands: ['ss -tan', 'nstat -as'],
			expect: { server: ['^TcpExtSyncookiesSent +11 ', '^TcpExtTCPReqQFullDoCookies +11 '] },
		},
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'write', side: 'client', data: 'HI\n' },
		{ do: 'await', side: 'server', event: 'data' },
		{ do: 'wait', ms: 700 },
		{ do: 'snapshot', label: 'the real client is served', side: 'server', commands: ['ss -tan', 'nstat -as'], expect: { server: ['^TcpExtSyncookiesRecv +1 '] } },
	],
	shape: [
		// The SYN queue takes five (one more than the backlog); the other eleven get cookies.
		...range(1, 5).flatMap(queued),
		...range(6, 16).flatMap(cookie),
		// The real client's SYN is answered with a cookie too; its ACK brings the cookie back.
		'#17 c>s SYN seq=0 ack=- len=0',
		'#17 s>c SYN,ACK seq=0 ack=1 len=0',
		'#17 c>s ACK seq=1 ack=1 len=0',
		'#17 c>s PSH,ACK seq=1 ack=1 len=3',
		'#17 s>c ACK seq=1 ack=4 len=0',
	],
} satisfies ScenarioInput;
