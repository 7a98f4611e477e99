/**
 * Takes over a server-rendered explorer (ScenarioExplorer.astro): every change runs the scenario
 * through the model again (run.ts), lays the ladder out (layout.ts) and redraws the same markup
 * (markup.ts); stepping only shows and hides what is drawn. The run lives in the page, and in the
 * URL fragment when the reader copies a link (link.ts).
 */
import { SIDES, type Side } from '../../tcp/network';
import { PROFILES, type ProfileName } from '../../tcp/profile';
import type { ScenarioName } from '../../tcp/scenarios';
import { fill } from '../text';
import { CLOCK_RATE, DEFAULT_ISN, PLAY_MS, type ExplorerConfig } from './config';
import { ladderLayout } from './layout';
import { decodeLink, encodeLink, outdated, type LinkError, type RunState } from './link';
import { ladderSvg, stepHtml, tableBodyHtml } from './markup';
import { checkGuess, type Guess } from './predict';
import { runExplorer, sameSelector, type ExplorerRun, type FaultKind } from './run';
import { announce, clock, ladderText, parseIsn, timerLines, whyText, type ClientStrings } from './view';

type Config = ExplorerConfig & { strings: ClientStrings };

const randomIsn = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

export function start(root: HTMLElement) {
	const cfg = JSON.parse(root.querySelector('[data-explorer-config]')!.textContent!) as Config;
	const t = cfg.strings;
	// Every part the script touches carries a data-ex-<hook> attribute.
	const maybe = <E extends Element = HTMLElement>(hook: string) => root.querySelector<E>(`[data-ex-${hook}]`);
	const $ = <E extends Element = HTMLElement>(hook: string) => maybe<E>(hook)!;
	const $$ = <E extends Element = HTMLElement>(hook: string) => [...root.querySelectorAll<E>(`[data-ex-${hook}]`)];
	const ui = {
		notice: $('notice'),
		scenario: $<HTMLSelectElement>('scenario'),
		profile: $<HTMLSelectElement>('profile'),
		timeWait: maybe<HTMLSelectElement>('timewait-length'),
		closers: $$<HTMLInputElement>('closer'),
		isn: { client: $<HTMLInputElement>('isn="client"'), server: $<HTMLInputElement>('isn="server"') },
		error: $('error'),
		absolute: $<HTMLInputElement>('absolute'),
		predictMode: $<HTMLInputElement>('predict-mode'),
		ladder: $('ladder'),
		detail: $('detail'),
		fateLegend: $('fate-legend'),
		fates: $$<HTMLInputElement>('fate-choice'),
		fixed: $('fixed'),
		predict: $<HTMLFormElement>('predict'),
		predictLegend: $('predict-legend'),
		verdict: $('verdict'),
		back: $<HTMLButtonElement>('back'),
		play: $<HTMLButtonElement>('play'),
		next: $<HTMLButtonElement>('next'),
		scrub: $<HTMLInputElement>('scrub'),
		timewait: maybe('timewait'),
		countdown: maybe<HTMLButtonElement>('countdown'),
		clock: maybe('clock'),
		linkField: $('link-field'),
		link: $<HTMLInputElement>('link'),
		copied: $('copied'),
		live: $('live'),
		table: $('table'),
		caption: $('caption'),
	};

	const initial = (): RunState => ({
		scenario: cfg.scenarios[0]!,
		isn: { ...DEFAULT_ISN },
		profile: 'rfc9293',
		timeWait: null,
		closer: 'client',
		faults: [],
		step: 0,
	});
	let s = initial();
	let run: ExplorerRun;
	let absolute = false;
	let predicting = false;
	let player: number | undefined;
	let clockTimer: number | undefined;
	/** Virtual ms TIME-WAIT's clock has run. */
	let elapsed = 0;
	// The live region speaks from the reader's first action on, not on page load.
	let speak = false;

	const compute = () => runExplorer({ ...s, fromMs: cfg.fromMs, ...(s.timeWait !== null && { timeWaitMs: s.timeWait * 1000 }) });

	/** Runs the model again and redraws everything; shows step `to` (clamped), the last if null. */
	function rerun(to: number | null) {
		stopPlay();
		stopClock();
		elapsed = 0;
		run = compute();
		const scenario = t.scenarios[s.scenario];
		const layout = ladderLayout(run, ladderText(t, absolute));
		ui.ladder.setAttribute('aria-label', fill(t.diagram, { scenario }));
		ui.ladder.innerHTML = ladderSvg(run, layout, t, { live: true, absolute });
		ui.caption.textContent = fill(t.table.caption, { scenario });
		for (const body of ui.table.querySelectorAll('tbody')) body.remove();
		ui.table.insertAdjacentHTML('beforeend', tableBodyHtml(run, t));
		ui.scenario.value = s.scenario;
		ui.profile.value = s.profile;
		if (ui.timeWait) {
			ui.timeWait.value = s.timeWait === null ? '' : String(s.timeWait);
			// The first choice names the profile's own length.
			ui.timeWait.options[0]!.text = fill(t.timeWaitProfile, { time: clock(PROFILES[s.profile].config.timeWaitMs) });
		}
		for (const r of ui.closers) r.checked = r.value === s.closer;
		for (const side of SIDES) ui.isn[side].value = String(s.isn[side]);
		ui.scrub.max = String(run.steps.length);
		if (ui.timewait) ui.timewait.hidden = !run.timers.some((x) => x.timer === 'time-wait');
		show(Math.min(to ?? Infinity, run.steps.length), false);
	}

	const list = () => ui.ladder.querySelector<SVGGElement>('[data-ex-list]')!;
	const options = () => [...list().querySelectorAll<SVGGElement>('[data-step]')];

	/** Reveals the first i segments and what happened up to them; the i-th is current. */
	function show(i: number, announceIt = true) {
		s.step = i;
		const total = run.steps.length;
		for (const el of ui.ladder.querySelectorAll<SVGElement>('[data-from]')) el.classList.toggle('is-later', Number(el.dataset.from) > i);
		for (const el of options()) {
			const n = Number(el.dataset.step);
			el.classList.toggle('is-later', n > i);
			el.classList.toggle('is-current', n === i);
			el.setAttribute('aria-selected', String(n === i));
			el.setAttribute('tabindex', n === i ? '0' : '-1');
		}
		// With nothing revealed the list itself takes the focus, so the diagram stays reachable.
		list().setAttribute('tabindex', i === 0 ? '0' : '-1');
		ui.detail.innerHTML = stepHtml(run, i, t, absolute);
		for (const body of ui.table.querySelectorAll<HTMLElement>('tbody')) {
			const current = Number(body.dataset.step) === i;
			body.classList.toggle('is-current', current);
			if (current) body.setAttribute('aria-current', 'step');
			else body.removeAttribute('aria-current');
		}
		ui.scrub.value = String(i);
		ui.scrub.setAttribute('aria-valuetext', fill(t.step, { n: i, total }));
		// aria-disabled, not disabled: a button that disables itself under focus would drop it.
		ui.back.setAttribute('aria-disabled', String(i === 0));
		ui.next.setAttribute('aria-disabled', String(i === total));
		renderFate();
		renderPredict();
		if (i < total) elapsed = 0;
		renderTimeWait();
		if (!speak) return;
		// Keeps the current segment in the diagram's box as time scrolls (not on load: the page must not move).
		ui.ladder.querySelector('.lad-seg.is-current')?.scrollIntoView({ block: 'nearest' });
		if (announceIt) ui.live.textContent = announce(run, i, t, absolute);
	}

	function renderFate() {
		const step = run.steps[s.step - 1];
		const fixed = !step || step.fixed || !step.selector;
		ui.fateLegend.textContent = step ? fill(t.fateLegend, { n: s.step }) : t.noSegment;
		ui.fixed.hidden = !step || !fixed;
		for (const r of ui.fates) {
			r.checked = r.value === (step?.fault ?? 'none');
			r.disabled = fixed;
		}
	}

	function renderPredict() {
		const step = run.steps[s.step];
		ui.predict.hidden = !predicting || !step;
		if (!predicting || !step) return;
		ui.predictLegend.textContent = fill(t.predict.legend, { n: s.step + 1, total: run.steps.length, dir: t.dir[step.from] });
		ui.predict.reset();
	}

	function guess(): Guess {
		const value = (name: string) => $<HTMLInputElement>(`guess="${name}"`).value;
		return {
			flags: $$<HTMLInputElement>('guess-flag').flatMap((c) => (c.checked ? [c.value] : [])),
			seq: value('seq'),
			ack: value('ack'),
			client: value('client'),
			server: value('server'),
		};
	}

	function check() {
		const step = run.steps[s.step];
		if (!step) return;
		const misses = checkGuess(step, guess(), absolute);
		const names = { flags: t.flags, seq: t.seq, ack: t.ack, client: t.sides.client, server: t.sides.server };
		const verdict = misses.length
			? fill(t.predict.wrong, {
					misses: misses
						.map((m) => fill(t.predict.miss, { field: names[m.field], right: m.right || t.predict.empty, guess: m.guess || t.predict.empty }))
						.join('; '),
				})
			: t.predict.right;
		show(s.step + 1);
		ui.verdict.hidden = false;
		ui.verdict.className = `ex-verdict ${misses.length ? 'is-wrong' : 'is-right'}`;
		ui.verdict.textContent = `${verdict} ${whyText(step, t)}`;
		if (s.step === run.steps.length) ui.verdict.textContent += ` ${t.predict.done}`;
	}

	/** TIME-WAIT's countdown on its lifeline, `elapsed` virtual ms after the last segment arrived. */
	function renderTimeWait() {
		const last = run.steps.at(-1)?.at.t ?? 0;
		let running = false;
		for (const span of run.timers.filter((x) => x.timer === 'time-wait')) {
			const left = Math.max(0, span.end.t - last - elapsed);
			running ||= left > 0;
			const note = ui.ladder.querySelector(`[data-tw="${span.side}"] tspan`);
			if (note) note.textContent = timerLines(span, t, elapsed ? left : span.ms)[0]!;
		}
		if (!ui.countdown || !ui.clock) return;
		const done = elapsed > 0 && !running;
		ui.countdown.disabled = done;
		const closer = run.timers.find((x) => x.timer === 'time-wait')?.side ?? s.closer;
		ui.clock.textContent = done ? fill(t.countdownDone, { side: t.the[closer] }) : fill(t.clock, { x: CLOCK_RATE });
		if (done) stopClock();
	}

	function startClock() {
		if (!ui.countdown || clockTimer !== undefined) return;
		stopPlay();
		show(run.steps.length, false);
		let last = performance.now();
		ui.countdown.setAttribute('aria-pressed', 'true');
		ui.countdown.textContent = t.countdownPause;
		clockTimer = window.setInterval(() => {
			elapsed += (performance.now() - last) * CLOCK_RATE;
			last = performance.now();
			renderTimeWait();
		}, 250);
	}

	function stopClock() {
		if (clockTimer !== undefined) window.clearInterval(clockTimer);
		clockTimer = undefined;
		if (!ui.countdown) return;
		ui.countdown.setAttribute('aria-pressed', 'false');
		ui.countdown.textContent = `▶ ${t.countdownPlay}`;
	}

	function go(i: number) {
		const to = Math.max(0, Math.min(run.steps.length, i));
		stopClock();
		if (to !== s.step) show(to);
	}

	function stopPlay() {
		if (player !== undefined) window.clearInterval(player);
		player = undefined;
		ui.play.setAttribute('aria-pressed', 'false');
		ui.play.textContent = `▶ ${t.play}`;
	}

	function startPlay() {
		if (s.step === run.steps.length) go(0);
		ui.play.setAttribute('aria-pressed', 'true');
		ui.play.textContent = t.pause;
		player = window.setInterval(() => {
			go(s.step + 1);
			if (s.step === run.steps.length) {
				stopPlay();
				if (ui.timewait && !ui.timewait.hidden) startClock();
			}
		}, PLAY_MS);
	}

	function applyIsn(values: Record<Side, string>) {
		const parsed = { client: parseIsn(values.client), server: parseIsn(values.server) };
		for (const side of SIDES) ui.isn[side].setAttribute('aria-invalid', String(parsed[side] === null));
		if (parsed.client === null || parsed.server === null) {
			ui.error.textContent = t.isnError;
			return;
		}
		for (const side of SIDES) ui.isn[side].removeAttribute('aria-invalid');
		ui.error.textContent = '';
		s.isn = { client: parsed.client, server: parsed.server };
		rerun(s.step);
	}

	function setFate(kind: FaultKind | 'none') {
		const step = run.steps[s.step - 1];
		if (!step?.selector || step.fixed) return;
		const at = step.selector;
		s.faults = s.faults.filter((f) => !sameSelector(f, at));
		if (kind !== 'none') s.faults.push({ ...at, kind });
		rerun(s.step);
		ui.live.textContent = `${fill(t.rerun, { n: run.steps.length })} ${announce(run, s.step, t, absolute)}`;
	}

	async function copyLink() {
		const url = `${location.href.replace(/#.*$/, '')}#${encodeLink(cfg.kind, s)}`;
		history.replaceState(history.state, '', url);
		ui.linkField.hidden = false;
		ui.link.value = url;
		try {
			await navigator.clipboard.writeText(url);
			ui.copied.textContent = t.copied;
		} catch {
			ui.copied.textContent = t.copyFailed;
			ui.link.select();
		}
	}

	function notice(error: LinkError) {
		ui.notice.hidden = false;
		ui.notice.textContent = fill(t.notice, { reason: t.linkErrors[error] });
	}

	// The settings: another scenario or closer starts without the reader's faults, the rest keep the step.
	function readSettings() {
		const scenario = ui.scenario.value as ScenarioName;
		const closer = (ui.closers.find((r) => r.checked)?.value ?? 'client') as Side;
		const fresh = scenario !== s.scenario || closer !== s.closer;
		const timeWait = ui.timeWait?.value;
		s = { ...s, scenario, closer, profile: ui.profile.value as ProfileName, timeWait: timeWait ? +timeWait : null, faults: fresh ? [] : s.faults };
		absolute = ui.absolute.checked;
		rerun(!fresh ? s.step : predicting ? 0 : null);
	}
	for (const el of [ui.scenario, ui.profile, ui.timeWait, ...ui.closers, ui.absolute]) el?.addEventListener('change', readSettings);
	$('isns').addEventListener('submit', (e) => {
		e.preventDefault();
		applyIsn({ client: ui.isn.client.value, server: ui.isn.server.value });
	});
	$('random').addEventListener('click', () => applyIsn({ client: String(randomIsn()), server: String(randomIsn()) }));
	ui.predictMode.addEventListener('change', () => {
		predicting = ui.predictMode.checked;
		ui.verdict.hidden = true;
		stopPlay();
		show(predicting ? 0 : s.step);
	});
	ui.predict.addEventListener('submit', (e) => {
		e.preventDefault();
		check();
	});
	for (const r of ui.fates) r.addEventListener('change', () => r.checked && setFate(r.value as FaultKind | 'none'));
	ui.back.addEventListener('click', () => go(s.step - 1));
	ui.next.addEventListener('click', () => go(s.step + 1));
	ui.play.addEventListener('click', () => (player === undefined ? startPlay() : stopPlay()));
	ui.scrub.addEventListener('input', () => {
		stopPlay();
		go(Number(ui.scrub.value));
	});
	ui.countdown?.addEventListener('click', () => (clockTimer === undefined ? startClock() : stopClock()));
	$('copy').addEventListener('click', () => void copyLink());

	// The diagram: select a segment by pointer; in its listbox the arrow keys step and Home/End jump.
	// Elsewhere but in a field (on the step buttons), ← and → step too.
	ui.ladder.addEventListener('click', (e) => {
		const seg = (e.target as Element).closest<SVGGElement>('.lad-seg');
		if (!seg) return;
		stopPlay();
		go(Number(seg.dataset.step));
		seg.focus();
	});
	root.addEventListener('keydown', (e) => {
		const inLadder = ui.ladder.contains(e.target as Node);
		if (e.altKey || e.ctrlKey || e.metaKey || (!inLadder && (e.target as Element).closest('input, select'))) return;
		const keys: Record<string, number> = { ArrowRight: s.step + 1, ArrowLeft: s.step - 1 };
		if (inLadder) Object.assign(keys, { ArrowDown: s.step + 1, ArrowUp: s.step - 1, Home: 1, End: run.steps.length });
		const to = keys[e.key];
		if (to === undefined) return;
		e.preventDefault();
		stopPlay();
		go(to);
		if (inLadder) (ui.ladder.querySelector<SVGGElement>('.lad-seg.is-current') ?? list()).focus();
	});

	// A link to a run opens it; a bad or outdated one opens the default run and says why.
	const linked = decodeLink(cfg, location.hash);
	if (linked?.ok) {
		s = linked.state;
		if (outdated(s, compute())) {
			s = initial();
			notice('outdated');
		}
	} else if (linked) notice(linked.error);
	rerun(linked?.ok && !ui.notice.textContent ? s.step : null);
	if (linked) root.scrollIntoView();
	speak = true;
}
