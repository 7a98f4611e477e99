import { describe, expect, it } from 'vitest';
import { ssState } from './states.ts';

describe('ssState', () => {
	const output = `State      Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
LISTEN     0      511        192.0.2.2:8080      0.0.0.0:*
ESTAB      0      0          192.0.2.2:8080    192.0.2.1:40001
FIN-WAIT-1 0      1          192.0.2.1:40002    192.0.2.2:8080 timer:(on,132ms,0)
SYN-RECV   0      0          192.0.2.2:8080    192.0.2.1:40003`;
	const client = (port: number) => ({ address: '192.0.2.1', port });
	const server = { address: '192.0.2.2', port: 8080 };

	it('finds the socket by its local and peer address, in RFC 9293’s spelling', () => {
		expect(ssState(output, server, client(40001))).toBe('ESTABLISHED');
		expect(ssState(output, client(40002), server)).toBe('FIN-WAIT-1');
		expect(ssState(output, server, client(40003))).toBe('SYN-RECEIVED');
	});

	it('a socket ss does not list is closed (the listener is another socket)', () => {
		expect(ssState(output, client(40001), server)).toBe('CLOSED');
		expect(ssState(output, server, client(40009))).toBe('CLOSED');
	});
});
