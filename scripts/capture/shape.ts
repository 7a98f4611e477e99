// The shape of a recorded conversation: one line per segment with direction,
// flags, relative seq/ack and payload length. Ports, initial sequence numbers
// and timestamps differ on every run; the shape should not.
import { flagNames, groupConnections, readCapture } from '../../src/capture/index.ts';

export const CAPTURES = ['half-close', 'fin-ack', 'refused'] as const;
export type CaptureName = (typeof CAPTURES)[number];

const HANDSHAKE_AND_REQUEST = [
	'c>s SYN seq=0 ack=- len=0',
	's>c SYN,ACK seq=0 ack=1 len=0',
	'c>s ACK seq=1 ack=1 len=0',
	'c>s PSH,ACK seq=1 ack=1 len=3', // "HI\n"
	's>c ACK seq=1 ack=4 len=0',
	's>c PSH,ACK seq=1 ack=4 len=6', // "HELLO\n"
	'c>s ACK seq=4 ack=7 len=0',
];

export const EXPECTED_SHAPES: Record<CaptureName, string[]> = {
	// Four-segment teardown with data sent in CLOSE-WAIT.
	'half-close': [
		...HANDSHAKE_AND_REQUEST,
		'c>s FIN,ACK seq=4 ack=7 len=0',
		's>c ACK seq=7 ack=5 len=0',
		's>c PSH,ACK seq=7 ack=5 len=4', // "BYE\n"
		'c>s ACK seq=5 ack=11 len=0',
		's>c FIN,ACK seq=11 ack=5 len=0',
		'c>s ACK seq=5 ack=12 len=0',
	],
	// The server's FIN rides on its ACK of the client's FIN.
	'fin-ack': [
		...HANDSHAKE_AND_REQUEST,
		'c>s FIN,ACK seq=4 ack=7 len=0',
		's>c FIN,ACK seq=7 ack=5 len=0',
		'c>s ACK seq=5 ack=8 len=0',
	],
	// The RST has sequence number 0; counted as Wireshark does, as if a SYN
	// had come before it, that is 1.
	refused: ['c>s SYN seq=0 ack=- len=0', 's>c RST,ACK seq=1 ack=1 len=0'],
};

/** One line per segment of each connection in the file, plus a line per skipped packet. */
export function shapeOf(bytes: Uint8Array): string[] {
	const { packets } = readCapture(bytes);
	const skipped = packets.flatMap((p) => (p.kind === 'skipped' ? [`packet ${p.index} skipped: ${p.reason}`] : []));
	const segments = groupConnections(packets).flatMap((connection, i) =>
		connection.segments.map(({ direction, relativeSeq, relativeAck, packet }) => {
			const arrow = direction === 'client-to-server' ? 'c>s' : 's>c';
			const line = `${arrow} ${flagNames(packet.tcp.flags).join(',')} seq=${relativeSeq} ack=${relativeAck ?? '-'} len=${packet.tcp.payloadLength}`;
			return i === 0 ? line : `connection ${i + 1}: ${line}`;
		}),
	);
	return [...segments, ...skipped];
}
