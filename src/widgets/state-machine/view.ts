/**
 * Pure view logic of the state-machine explorer, shared by the server render and the client
 * script: what a button says, why an event is not valid, what the live region announces.
 */
import { TRANSITIONS, type EventOutcome, type TcpState, type TransitionEvent } from '../../tcp';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';

export type StateMachineStrings = WidgetStrings['stateMachine'];

export const EVENT_GROUPS: ReadonlyArray<{ key: keyof StateMachineStrings['groups']; events: TransitionEvent[] }> = [
	{ key: 'calls', events: ['passive-open', 'active-open', 'send', 'close', 'abort'] },
	{ key: 'segments', events: ['rcv-syn', 'rcv-syn-ack', 'rcv-ack-of-syn', 'rcv-fin', 'rcv-ack-of-fin', 'rcv-rst'] },
	{ key: 'timeouts', events: ['timeout-2msl', 'timeout-retries'] },
];

export const moved = (o: EventOutcome): boolean => o.moves.length > 0;

/** Index of the Figure 5 arrow an outcome took, or −1 (a move §3.10 adds, or none). */
export const figureIndex = (o: EventOutcome): number =>
	moved(o) ? TRANSITIONS.findIndex((t) => t.from === o.from && t.event === o.event && t.to === o.to) : -1;

const sentFlags = (o: EventOutcome): string => o.sent.map((s) => s.flags).join(' + ');

/** The second line of an event's button: where it leads, or that it does not. */
export function resultText(o: EventOutcome, s: StateMachineStrings): string {
	if (!moved(o)) return s.notValid;
	const to = fill(s.goesTo, { to: o.to });
	return o.sent.length ? `${to} · ${fill(s.sends, { flags: sentFlags(o) })}` : to;
}

/** Why an event changes no state here, from what the engine did with it. */
export function explain(o: EventOutcome, s: StateMachineStrings): string {
	const r = s.reasons;
	if (o.error) return s.errors[o.error];
	if (o.noTimer) return o.event === 'timeout-2msl' ? r.noTimeWait : r.noRetransmission;
	if (o.queued) return r.queued;
	const reasons = o.sent.map((x) => x.reason);
	if (reasons.includes('data')) return r.data;
	if (reasons.includes('rst-listen')) return r.rstListen;
	if (reasons.includes('rst-no-connection')) return r.rstNoConnection;
	if (reasons.includes('rst-bad-ack')) return r.rstBadAck;
	if (reasons.includes('challenge-ack')) return r.challengeAck;
	if (o.sent.length) return r.ack;
	return fill(r.ignored, { state: o.from });
}

/** What the live region says after an event: the move, or why there was none. */
export function announce(o: EventOutcome, s: StateMachineStrings): string {
	const event = s.events[o.event];
	if (!moved(o)) return fill(s.invalid, { event, state: o.from, reason: explain(o, s) });
	const base = fill(o.sent.length ? s.movedSent : s.moved, { event, from: o.from, to: o.to, flags: sentFlags(o) });
	const extra = figureIndex(o) < 0 ? ` ${s.notInFigure}` : '';
	return `${base}${extra} ${fill(s.currentState, { state: o.to })}`;
}

/** The breadcrumb: the states visited, each with the event that led there. */
export function pathItems(outcomes: readonly EventOutcome[]): Array<{ state: TcpState; event?: TransitionEvent }> {
	return [{ state: 'CLOSED' }, ...outcomes.map((o) => ({ state: o.to, event: o.event }))];
}
