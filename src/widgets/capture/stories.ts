/**
 * The stories the committed captures (content/captures/) tell, as user calls for the TCP model.
 * Their lab scenarios (scripts/lab/scenarios/) play them against Linux; here the same calls run through the model,
 * on top of the named scenario's own configuration (timers, the server's delayed ACK), so that
 * the model and the kernel can be compared segment by segment and the lesson can show the
 * model's states beside each captured segment.
 *
 * The scenarios themselves skip the request and reply ("HI\n", "HELLO\n") and, in 'half-close',
 * send 100 bytes in CLOSE-WAIT instead of "BYE\n"; the stories add exactly what the peers send.
 */
import { scenario, simulate, type ScenarioName, type Trace, type UserAction } from '../../tcp';

export const CAPTURE_NAMES = ['half-close', 'fin-ack', 'refused'] as const;
export type CaptureName = (typeof CAPTURE_NAMES)[number];

const call = (at: number, who: UserAction['who'], what: UserAction['call'], bytes?: number): UserAction => ({
	at,
	who,
	call: what,
	...(bytes !== undefined && { bytes }),
});

// The model's network takes 50 ms each way, so every step below is answered within 100 ms and
// the next starts 150 ms later, as the peers pause longer than Linux's delayed-ACK timer.
const OPEN = [call(0, 'server', 'listen'), call(0, 'client', 'open')];
const REQUEST_REPLY = [call(200, 'client', 'send', 3), call(350, 'server', 'send', 6)];

export interface Story {
	/** The model scenario that tells the same story in the lessons. */
	scenario: ScenarioName;
	actions: UserAction[];
}

export const STORIES: Record<CaptureName, Story> = {
	// Request, reply; the client closes; the server, in CLOSE-WAIT, sends "BYE\n" and closes later.
	'half-close': {
		scenario: 'half-close',
		actions: [...OPEN, ...REQUEST_REPLY, call(500, 'client', 'close'), call(650, 'server', 'send', 4), call(800, 'server', 'close')],
	},
	// The server closes 10 ms after the client's FIN arrives, inside its 40 ms delayed-ACK window
	// (the scenario's server config), so its ACK of that FIN rides on its own FIN.
	'fin-ack': {
		scenario: 'teardown-fin-ack',
		actions: [...OPEN, ...REQUEST_REPLY, call(500, 'client', 'close'), call(560, 'server', 'close')],
	},
	// Nobody listens: the client's SYN meets a CLOSED server.
	refused: { scenario: 'refused', actions: [call(0, 'client', 'open')] },
};

/** Runs a capture's story through the model (RFC timers, ISNs 100 and 300); stops well inside TIME-WAIT. */
export function runStory(name: CaptureName): Trace {
	const story = STORIES[name];
	return simulate({ ...scenario(story.scenario), actions: story.actions, untilMs: 2_000 });
}
