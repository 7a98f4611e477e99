import { runScenario, traceToMermaid, type IsnSource, type ScenarioName } from '../../tcp';
import { widgetStrings } from '../i18n';

export type Numbers = 'relative' | 'absolute';

interface DiagramSetup {
	/** Start the diagram here (virtual ms), leaving out the handshake before a teardown. */
	fromMs?: number;
	numbers?: Numbers;
	server?: IsnSource;
}

// The teardowns' closes start at 200 ms (src/tcp/scenarios.ts); the server closes at 400 ms.
const SETUP: Partial<Record<ScenarioName, DiagramSetup>> = {
	// RFC 9293 §3.5 Figure 8 in its own numbers: by the time the real SYN arrives,
	// the server's ISN clock has moved on from 300 to 400.
	'old-duplicate-syn': { numbers: 'absolute', server: (t) => (t < 100 ? 300 : 400) },
	teardown: { fromMs: 200 },
	'teardown-fin-ack': { fromMs: 200 },
	'half-close': { fromMs: 200 },
	'simultaneous-close': { fromMs: 200 },
	'lost-final-ack': { fromMs: 400 },
	'time-wait-expiry': { fromMs: 400 },
};

/** The Mermaid text of a named scenario run with fixed ISNs (client 100, server 300), in the page's language. */
export function scenarioMermaid(name: ScenarioName, lang: string | undefined, numbers?: Numbers): string {
	const t = widgetStrings(lang);
	const setup = SETUP[name] ?? {};
	const trace = runScenario(name, { isn: { client: 100, server: setup.server ?? 300 } });
	const { title, description } = t.scenarioDiagram.scenarios[name];
	return traceToMermaid(trace, {
		labels: { client: t.common.client, server: t.common.server, ...t.scenarioDiagram },
		numbers: numbers ?? setup.numbers ?? 'relative',
		...(setup.fromMs && { fromMs: setup.fromMs }),
		accTitle: title,
		accDescr: description,
	});
}
