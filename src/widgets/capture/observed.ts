/** From a capture's connection (src/capture) to what the state inference needs. */
import type { Connection } from '../../capture';
import type { ObservedSegment } from './infer';

export function observedSegments(connection: Connection): ObservedSegment[] {
	return connection.segments.map(({ packet, direction }) => {
		const { flags, seq, ack, payloadLength } = packet.tcp;
		return {
			from: direction === 'client-to-server' ? 'client' : 'server',
			syn: flags.syn,
			ack: flags.ack,
			fin: flags.fin,
			rst: flags.rst,
			seq,
			ackNumber: ack,
			len: payloadLength,
		};
	});
}
