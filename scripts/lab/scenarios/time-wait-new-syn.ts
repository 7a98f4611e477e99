import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'time-wait-new-syn',
	title: 'A new SYN for a 4-tuple the server holds in TIME-WAIT is accepted: its sequence number and timestamp are higher (RFC 9293 MAY-2, RFC 6191)',
	steps: [
		{ do: 'listen' },
		{ do: 'connect', conn: 'a' },
		{ do: 'await', side: 'client', conn: 'a', event: 'connect' },
		{ do: 'wait', ms: 250 },
		// The server closes first, so the server keeps the 4-tuple in TIME-WAIT.
		{ do: 'end', side: 'server', conn: 'a' },
		{ do: 'await', side: 'client', conn: 'a', event: 'end' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'client', conn: 'a' },
		{ do: 'await', side: 'client', conn: 'a', event: 'close' },
		{ do: 'wait', ms: 250 },
		{ do: 'snapshot', label: 'first connection closed', side: 'both', commands: ['ss -tan'], expect: { server: ['^TIME-WAIT +0 +0 +192\\.0\\.2\\.2:8080 +192\\.0\\.2\\.1:40001'] } },
		// The same client port again: the same 4-tuple.
		{ do: 'connect', conn: 'b', localPort: 40001 },
		{ do: 'await', side: 'client', conn: 'b', event: 'connect' },
		{ do: 'await', side: 'server', conn: 'b', event: 'accept' },
		{ do: 'wait', ms: 250 },
		{ do: 'snapshot', label: 'second connection established', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		's>c FIN,ACK seq=1 ack=1 len=0',
		'c>s ACK seq=1 ack=2 len=0',
		'c>s FIN,ACK seq=1 ack=2 len=0',
		's>c ACK seq=2 ack=2 len=0',
		// Same ports, new connection: the server's TIME-WAIT gives way to it at once.
		'#2 c>s SYN seq=0 ack=- len=0',
		'#2 s>c SYN,ACK seq=0 ack=1 len=0',
		'#2 c>s ACK seq=1 ack=1 len=0',
	],
} satisfies ScenarioInput;
