/**
 * synack's model of TCP connection management (RFC 9293), pure TypeScript that
 * runs in the browser and at build time. It imports nothing else of the project
 * and holds no human prose: callers pass labels from their locale files.
 *
 * Numbers:   seqAdd(a, n), seqSub(a, b), seqLt/seqLeq/seqGt/seqGeq(a, b), isSeqNumber(x)
 * Accepting: receiveAcceptability({ rcvNxt, rcvWnd, segSeq, segLen }) → { row, acceptable, tests, windowEnd } (§3.4 Table 5),
 *            ackAcceptability({ sndUna, sndNxt, segAck }) → 'acceptable' | 'duplicate' | 'unsent',
 *            resetAcceptability({ rcvNxt, rcvWnd, segSeq }) → 'reset' | 'challenge-ack' | 'drop' (RFC 5961 §3.2)
 * Segments:  Segment { flags: Flags; seq; ack; wnd; len }, segLen(s), flagText(s), parseFlags('SYN, ACK')
 * States:    TcpState, TCP_STATES, TRANSITIONS (Figure 5's arrows), OTHER_TRANSITIONS (§3.10's others),
 *            LINUX_TRANSITIONS (moves only the Linux profile makes)
 * Errors:    TcpError { code: TcpErrorCode; state?: TcpState; isCallError() } — never a silent wrong state
 * Config:    TcpConfig, RFC9293_CONFIG, LINUX_CONFIG, PROFILE_CONFIGS[name], resolveConfig(partial)
 * Profiles:  ProfileName 'rfc9293' | 'linux', PROFILES[name] = { id, config, switches: { id, value, unit, source }[] },
 *            SWITCH_IDS, sourceUrl(source); each switch, its source and the lab capture that shows it: PROFILES.md
 * ISNs:      fixedIsn(n), seededIsn(seed): IsnSource = (nowMs) => number
 * Endpoint:  createEndpoint(config, out, now?) → { state, tcb(), listen, open, send, close, abort, keepAlive, receive, fire };
 *            config = { isn, acceptQueueFull?: (nowMs) => boolean, ...TcpConfig switches }
 * Simulate:  simulate({ client, server, network?: { delayMs?, script?: NetworkAction[] }, actions, untilMs? }) → Trace
 *            Trace { events: TraceEvent[]; isn; final }, traceSteps(trace) → Step[], relativeNumbers(trace, from, seg)
 * Driver:    createDriver({ isn?, peerIsn? }) → { state, path, probe(event), apply(event), reset() }: one endpoint
 *            moved by Figure 5's events (TRANSITION_EVENTS), its peer's segments built from its TCB
 * Scenarios: SCENARIO_NAMES (the lessons'), MORE_SCENARIO_NAMES (the kernel lab's), scenario(name, { isn?, profile?, timeWaitMs?, extra?, closer? }) → SimulationConfig, runScenario(name, opts?) → Trace,
 *            SCENARIO_EXPECTATIONS[name] = { steps: Step[]; final }
 * Mermaid:   traceToMermaid(trace, { labels, numbers?, accTitle?, accDescr?, fromMs? }) → sequenceDiagram text
 *
 * To let a reader drop a segment in flight, re-run with an extra network action:
 *   runScenario('handshake', { extra: [{ do: 'drop', dir: 's2c', index: 0 }] })
 */
export * from './sequence.ts';
export * from './acceptability.ts';
export * from './segment.ts';
export * from './states.ts';
export * from './errors.ts';
export * from './config.ts';
export * from './profile.ts';
export * from './isn.ts';
export * from './endpoint.ts';
export * from './network.ts';
export * from './trace.ts';
export * from './simulate.ts';
export * from './drive.ts';
export * from './scenarios.ts';
export * from './expectations.ts';
export * from './mermaid.ts';
