// A Node `net` client and server on loopback that play one short TCP
// conversation, so that tcpdump can record it. Run with Node 24, which strips
// the types itself:  node scripts/capture/peers.ts <scenario> <port>
//
// The pauses between steps are longer than Linux's delayed-ACK timer (40 ms
// on loopback), so every ACK the kernel owes is sent on its own before the
// next step; without them the segments a run produces would depend on timing.
import * as net from 'node:net';

const HOST = '127.0.0.1';
const PAUSE_MS = 250;

type Scenario = 'half-close' | 'fin-ack' | 'refused';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function once<T>(emitter: net.Socket | net.Server, event: string): Promise<T> {
	return new Promise((resolve, reject) => {
		emitter.once(event, resolve);
		emitter.once('error', reject);
	});
}

/**
 * The server answers one request. With `halfClose` it keeps its half open
 * after the client's FIN (CLOSE-WAIT), sends a last message, and closes later:
 * FIN and ACK of each side travel separately (four segments). Without it,
 * Node ends the socket as soon as the FIN arrives, so the kernel's delayed ACK
 * of that FIN leaves together with the server's own FIN (three segments).
 */
async function converse(port: number, halfClose: boolean): Promise<void> {
	const server = net.createServer({ allowHalfOpen: halfClose }, (socket) => {
		socket.once('data', () => socket.write('HELLO\n'));
		if (halfClose) {
			socket.once('end', async () => {
				await pause(PAUSE_MS);
				socket.write('BYE\n');
				await pause(PAUSE_MS);
				socket.end();
			});
		}
	});
	server.listen(port, HOST);
	await once(server, 'listening');

	const client = net.connect({ host: HOST, port, allowHalfOpen: true });
	await once(client, 'connect');
	await pause(PAUSE_MS);
	client.write('HI\n');
	await once(client, 'data');
	client.resume(); // keep reading, so the server's last message and FIN are consumed
	await pause(PAUSE_MS);
	client.end();
	await once(client, 'close');
	server.close();
	await pause(PAUSE_MS);
}

/** Nobody listens on `port`: the kernel answers the SYN with RST,ACK. */
async function refused(port: number): Promise<void> {
	const client = net.connect({ host: HOST, port });
	try {
		await once(client, 'connect');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return;
		throw error;
	}
	throw new Error(`port ${port} accepted a connection; it must have no listener`);
}

const [scenario, portText] = process.argv.slice(2) as [Scenario | undefined, string | undefined];
const port = Number(portText);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
	throw new Error('usage: node peers.ts <half-close|fin-ack|refused> <port>');
}
switch (scenario) {
	case 'half-close':
		await converse(port, true);
		break;
	case 'fin-ack':
		await converse(port, false);
		break;
	case 'refused':
		await refused(port);
		break;
	default:
		throw new Error(`unknown scenario ${String(scenario)}`);
}
