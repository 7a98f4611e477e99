import type { ScenarioInput } from '../scenario.ts';
import overflow from './accept-overflow.ts';

/** accept-overflow's run, with tcp_abort_on_overflow = 1: the ignored ACK is answered by a RST instead. */
export default {
	...overflow,
	name: 'accept-overflow-abort',
	title: 'Accept queue full, tcp_abort_on_overflow = 1: the ACK that would complete a handshake is answered by RST; a new SYN is still dropped',
	sysctls: { server: { 'ipv4.tcp_abort_on_overflow': 1 } },
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'#2 c>s SYN seq=0 ack=- len=0',
		'#2 s>c SYN,ACK seq=0 ack=1 len=0',
		'#2 c>s ACK seq=1 ack=1 len=0 lost',
		'#2 s>c SYN,ACK seq=0 ack=1 len=0 @+1±0.1',
		'#2 c>s ACK seq=1 ack=1 len=0',
		// A reset for the ACK: its sequence number is the ACK's acknowledgment number (RFC 9293 §3.10.7.3).
		'#2 s>c RST seq=1 ack=- len=0',
		'#3 c>s SYN seq=0 ack=- len=0',
		'#3 s>c SYN,ACK seq=0 ack=1 len=0',
		'#3 c>s ACK seq=1 ack=1 len=0',
		'#4 c>s SYN seq=0 ack=- len=0',
		'#4 c>s SYN seq=0 ack=- len=0 @+1±0.1',
		'#4 c>s SYN seq=0 ack=- len=0 @+1±0.1',
	],
} satisfies ScenarioInput;
