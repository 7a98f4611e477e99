/**
 * Captured connections against the TCP model (src/tcp), segment by segment. Pure: it reads what
 * src/capture decoded and runs src/tcp; the command line (scripts/compare.ts) and the browser both
 * use it. Neither src/tcp nor src/capture imports it.
 *
 *   connections(capture) → CapturedConnection[]: each with its segments on the capture's clock
 *   compareConnection(segments, { profile, scenarioDrops?, drops?, calls?, config?, hz?, readings?, acceptQueueFull? }) → Comparison
 *   acceptQueue(connections, backlog) → Queued[], queueFullFor(queue, numbers, backlog) → (t) => boolean: a listener's accept queue
 *   describe(comparison) → the scenario the connection shows, by the model's names
 */
export * from './observed.ts';
export * from './infer.ts';
export * from './slack.ts';
export * from './compare.ts';
export * from './describe.ts';
export * from './sysctls.ts';
export * from './states.ts';
export * from './queue.ts';
