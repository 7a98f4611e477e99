import type { ScenarioInput } from '../scenario.ts';

// The real-capture lesson's three-segment teardown (content/captures/fin-ack.pcap), recorded 2026-11-25.
export default {
	name: 'fin-ack',
	title: 'The same exchange, but the server closes as soon as the client’s FIN arrives, so its FIN rides on the ACK of that FIN',
	topology: 'loopback',
	port: 40002,
	pinned: 'the real-capture lesson quotes its segments and timestamps',
	steps: [
		// Node ends an accepted socket as soon as its peer's FIN arrives, within the 40 ms the kernel
		// delays the ACK of that FIN: one segment carries both.
		{ do: 'listen', allowHalfOpen: false },
		{ do: 'connect', localPort: 46071 },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'write', side: 'client', data: 'HI\n' },
		{ do: 'await', side: 'server', event: 'data' },
		{ do: 'write', side: 'server', data: 'HELLO\n' },
		{ do: 'await', side: 'client', event: 'data' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'client' },
		{ do: 'await', side: 'client', event: 'close' },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s PSH,ACK seq=1 ack=1 len=3',
		's>c ACK seq=1 ack=4 len=0',
		's>c PSH,ACK seq=1 ack=4 len=6',
		'c>s ACK seq=4 ack=7 len=0',
		'c>s FIN,ACK seq=4 ack=7 len=0',
		's>c FIN,ACK seq=7 ack=5 len=0',
		'c>s ACK seq=5 ack=8 len=0',
	],
} satisfies ScenarioInput;
