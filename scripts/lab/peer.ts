// One application of a lab scenario: a Node `net` client or server, run inside a network namespace
// (`ip netns exec NS node peer.ts`), driven by scripts/lab/lab.ts. It reads one JSON command per line
// on stdin, answers each with {id, t} once the kernel has it (t: when the Node call was made), and
// reports what Node tells it as {event, t, …} lines on stdout. Times are milliseconds since 1970 with
// microseconds, the clock the capture's timestamps use.
//
// Client sockets are known by the letter the scenario gives them; the server knows an accepted
// socket by its peer's port, which lab.ts maps to the same letter.
import * as net from 'node:net';
import { createInterface } from 'node:readline';

export type PeerCommand =
	| { id: number; cmd: 'listen'; host: string; port: number; backlog?: number; allowHalfOpen: boolean }
	| { id: number; cmd: 'connect'; conn: string; host: string; port: number; localAddress: string; localPort: number }
	| { id: number; cmd: 'write'; conn: string; data: string }
	| { id: number; cmd: 'end' | 'destroy' | 'reset'; conn: string }
	| { id: number; cmd: 'keepalive'; conn: string; idleMs: number }
	| { id: number; cmd: 'stall'; ms: number };

/** A command as lab.ts writes it, before the id is added. */
export type PeerRequest = PeerCommand extends infer C ? (C extends PeerCommand ? Omit<C, 'id'> : never) : never;

export interface PeerEvent {
	event: 'listening' | 'connect' | 'accept' | 'data' | 'end' | 'close' | 'error';
	t: number;
	conn?: string;
	bytes?: number;
	code?: string;
}

export type PeerMessage = { id: number; t: number; error?: string } | PeerEvent;

const now = () => performance.timeOrigin + performance.now();
const send = (message: PeerMessage) => process.stdout.write(`${JSON.stringify(message)}\n`);

const sockets = new Map<string, net.Socket>();
let server: net.Server | undefined;

function watch(socket: net.Socket, conn: string): void {
	sockets.set(conn, socket);
	socket.on('data', (data) => send({ event: 'data', t: now(), conn, bytes: data.length }));
	socket.on('end', () => send({ event: 'end', t: now(), conn }));
	socket.on('close', () => send({ event: 'close', t: now(), conn }));
	socket.on('error', (error: NodeJS.ErrnoException) => send({ event: 'error', t: now(), conn, code: error.code ?? error.message }));
}

function socketOf(conn: string): net.Socket {
	const socket = sockets.get(conn);
	if (!socket) throw new Error(`no connection ${conn} (known: ${[...sockets.keys()].join(', ') || 'none'})`);
	return socket;
}

/**
 * Runs one command; resolves when the kernel has it: written data and a shutdown reach the kernel
 * on a later turn of Node's event loop, so 'write' and 'end' resolve in their callbacks. (A 'stall'
 * resolves when the stall is over.)
 */
async function run(command: PeerCommand): Promise<void> {
	switch (command.cmd) {
		case 'listen':
			server = net.createServer({ allowHalfOpen: command.allowHalfOpen }, (socket) => {
				const conn = String(socket.remotePort);
				send({ event: 'accept', t: now(), conn });
				watch(socket, conn);
			});
			server.on('listening', () => send({ event: 'listening', t: now() }));
			server.on('error', (error: NodeJS.ErrnoException) => send({ event: 'error', t: now(), code: error.code ?? error.message }));
			server.listen({ host: command.host, port: command.port, ...(command.backlog !== undefined && { backlog: command.backlog }) });
			return;
		case 'connect': {
			const socket = net.connect({
				host: command.host,
				port: command.port,
				localAddress: command.localAddress,
				localPort: command.localPort,
				allowHalfOpen: true,
			});
			socket.on('connect', () => send({ event: 'connect', t: now(), conn: command.conn }));
			watch(socket, command.conn);
			return;
		}
		case 'write': {
			const socket = socketOf(command.conn);
			await new Promise<void>((resolve) => socket.write(command.data, () => resolve()));
			return;
		}
		case 'end': {
			const socket = socketOf(command.conn);
			await new Promise<void>((resolve) => socket.end(() => resolve()));
			return;
		}
		case 'destroy':
			socketOf(command.conn).destroy();
			return;
		case 'reset':
			socketOf(command.conn).resetAndDestroy();
			return;
		case 'keepalive':
			socketOf(command.conn).setKeepAlive(true, command.idleMs);
			return;
		case 'stall':
			// Blocks this thread: libuv neither accepts nor reads until it returns.
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, command.ms);
			return;
	}
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
	const command = JSON.parse(line) as PeerCommand;
	// When the application made the call, whenever the kernel got it.
	const t = now();
	run(command).then(
		() => send({ id: command.id, t }),
		(error: Error) => send({ id: command.id, t, error: error.message }),
	);
});
// lab.ts closes stdin when the scenario is over; sockets still open are left to the kernel as they are.
lines.on('close', () => process.exit(0));
