import type { Side } from '../../tcp/network';
import type { ScenarioName } from '../../tcp/scenarios';

export type ExplorerKind = 'handshake' | 'teardown';

export interface ExplorerConfig {
	kind: ExplorerKind;
	scenarios: ScenarioName[];
	/** Leave out segments sent before this time: the teardowns start at ESTABLISHED. */
	fromMs: number;
	/** Teardown only: who closes first, TIME-WAIT's length and its countdown. */
	closing: boolean;
}

export const EXPLORERS: Record<ExplorerKind, ExplorerConfig> = {
	handshake: {
		kind: 'handshake',
		scenarios: ['handshake', 'lost-syn', 'lost-syn-ack', 'lost-ack', 'simultaneous-open', 'refused', 'old-duplicate-syn'],
		fromMs: 0,
		closing: false,
	},
	teardown: {
		kind: 'teardown',
		// The closes start at 200 ms (src/tcp/scenarios.ts), after the handshake.
		scenarios: ['teardown', 'half-close', 'teardown-fin-ack', 'lost-final-ack', 'simultaneous-close'],
		fromMs: 200,
		closing: true,
	},
};

/** The ISNs of RFC 9293's figures, which the page shows before the reader picks others. */
export const DEFAULT_ISN: Record<Side, number> = { client: 100, server: 300 };

/** A delayed segment arrives this much later: longer than the 1 s initial RTO, so its sender retransmits first. */
export const DELAY_MS = 1500;

/** TIME-WAIT lengths a reader may pick, in seconds, besides the profile's own. */
export const TIME_WAIT_SECONDS = [1, 30, 60, 120, 240] as const;

/** TIME-WAIT's countdown runs this many times faster than real time. */
export const CLOCK_RATE = 20;

/** Milliseconds between steps when playing: time to read a segment's label and see the states change. */
export const PLAY_MS = 1600;
