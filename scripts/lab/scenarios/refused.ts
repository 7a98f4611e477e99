import type { ScenarioInput } from '../scenario.ts';

// The real-capture lesson's refused connection (content/captures/refused.pcap), recorded 2026-11-25.
export default {
	name: 'refused',
	title: 'A SYN to a port with no listener, answered by RST,ACK',
	topology: 'loopback',
	port: 40003,
	pinned: 'the real-capture lesson shows its segments byte by byte',
	steps: [
		{ do: 'connect', localPort: 46072 },
		{ do: 'await', side: 'client', event: 'error', code: 'ECONNREFUSED' },
	],
	// The RST has sequence number 0; counted as Wireshark does, as if a SYN had come before it, that is 1.
	shape: ['c>s SYN seq=0 ack=- len=0', 's>c RST,ACK seq=1 ack=1 len=0'],
} satisfies ScenarioInput;
