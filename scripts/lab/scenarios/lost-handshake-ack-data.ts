import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-handshake-ack-data',
	title: 'The handshake’s ACK is lost but the client sends data at once: its first data segment completes the handshake',
	drops: [{ dir: 'c2s', flags: 'ACK' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'write', side: 'client', data: 'HI\n' },
		{ do: 'await', side: 'server', event: 'data' },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'established', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0 lost',
		// Its ACK field acknowledges the SYN,ACK: the server, in SYN-RECEIVED, is established by it.
		'c>s PSH,ACK seq=1 ack=1 len=3',
		's>c ACK seq=1 ack=4 len=0',
	],
} satisfies ScenarioInput;
