import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'reset-abort',
	title: 'The client aborts with socket.resetAndDestroy() (SO_LINGER 0): one RST, no FIN, no TIME-WAIT',
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'write', side: 'client', data: 'HI\n' },
		{ do: 'await', side: 'server', event: 'data' },
		{ do: 'wait', ms: 250 },
		{ do: 'reset', side: 'client' },
		{ do: 'await', side: 'server', event: 'error', code: 'ECONNRESET' },
		{ do: 'wait', ms: 100 },
		{ do: 'snapshot', label: 'after the RST', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s PSH,ACK seq=1 ack=1 len=3',
		's>c ACK seq=1 ack=4 len=0',
		'c>s RST,ACK seq=4 ack=1 len=0',
	],
} satisfies ScenarioInput;
