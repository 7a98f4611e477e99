import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'closed-port',
	title: 'A SYN to a port nobody listens on is answered by RST,ACK; connect() fails with ECONNREFUSED',
	steps: [
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'error', code: 'ECONNREFUSED' },
		{ do: 'snapshot', label: 'refused', side: 'both', commands: ['nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		// seq 0, counted as Wireshark does as if a SYN had come before it: 1.
		's>c RST,ACK seq=1 ack=1 len=0',
	],
} satisfies ScenarioInput;
