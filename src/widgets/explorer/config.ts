import type { ScenarioName } from '../../tcp';

export type ExplorerKind = 'handshake' | 'teardown';

export interface ExplorerConfig {
	kind: ExplorerKind;
	scenarios: ScenarioName[];
	/** Leave out segments sent before this time: the teardowns start at ESTABLISHED. */
	fromMs: number;
	/** Teardown only: who closes first, TIME-WAIT length and its countdown. */
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

/** TIME-WAIT's countdown runs this many times faster than real time. */
export const CLOCK_RATE = 20;

/** Milliseconds between steps when playing. */
export const SPEEDS = { slow: 2400, normal: 1400, fast: 700 } as const;
export type Speed = keyof typeof SPEEDS;
