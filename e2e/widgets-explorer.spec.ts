/**
 * The handshake and teardown explorers in both locales: the drawn ladder checked against the
 * model's SCENARIO_EXPECTATIONS and against a hand-written ladder, faults by mouse and by keyboard,
 * links that reopen a run (or explain why not), predict mode, TIME-WAIT's clock, no JavaScript, axe.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCENARIO_EXPECTATIONS, type ScenarioName, type Step } from '../src/tcp';
import { CLOCK_RATE, EXPLORERS, type ExplorerKind } from '../src/widgets/explorer/config';
import { widgetStrings } from '../src/widgets/i18n';
import { fill } from '../src/widgets/text';
import { LOCALES, pathOf, type Locale } from './lessons';
import { axeViolations } from './axe';
import { openWidget } from './widgets';

const ISN = { client: 100, server: 300 };
const stringsOf = (locale: Locale) => widgetStrings(locale).explorer;
const sidesOf = (locale: Locale) => ({ client: widgetStrings(locale).common.client, server: widgetStrings(locale).common.server });

/** The steps an explorer shows for a scenario: the teardowns start after the handshake. */
const expected = (kind: ExplorerKind, name: ScenarioName): Step[] =>
	SCENARIO_EXPECTATIONS[name].steps.slice(kind === 'teardown' ? 3 : 0);

const open = (page: Page, locale: Locale, kind: ExplorerKind, hash = '') => openWidget(page, pathOf(locale, kind) + hash, 'section.explorer');

interface Drawn {
	step: number;
	/** The arrow runs from the client's lifeline (left) to the server's. */
	clientToServer: boolean;
	lost: boolean;
	lines: string[];
	name: string;
	shown: boolean;
	selected: boolean;
}

/** Every segment drawn on the ladder, as the page has it. */
const drawn = (ex: Locator): Promise<Drawn[]> =>
	ex.locator('.lad-seg').evaluateAll((segs) =>
		segs.map((g) => {
			const line = g.querySelector('.lad-arrow')!;
			return {
				step: Number(g.getAttribute('data-step')),
				clientToServer: Number(line.getAttribute('x1')) < Number(line.getAttribute('x2')),
				lost: g.querySelector('.lad-cross') !== null,
				lines: [...g.querySelectorAll('.lad-label tspan')].map((s) => s.textContent ?? ''),
				name: g.getAttribute('aria-label') ?? '',
				shown: getComputedStyle(g).display !== 'none',
				selected: g.getAttribute('aria-selected') === 'true',
			};
		}),
	);

/** A drawn segment against the model's expectation: direction, flags, seq, ack, lost or not, states after it. */
function expectArrow(locale: Locale, name: ScenarioName, d: Drawn, step: Step, total: number) {
	const t = stringsOf(locale);
	const label = `${name} segment ${d.step}`;
	expect(d.clientToServer, label).toBe(step.from === 'client');
	expect(d.lost, label).toBe(step.lost === true);
	expect(d.lines, label).toEqual([
		step.flags,
		step.ack === null ? `seq=${step.seq}` : `seq=${step.seq} ack=${step.ack}`,
		...(step.len ? [fill(t.bytes, { len: step.len })] : []),
	]);
	// Relative numbers count from the sender's ISN; a side that never sent a SYN (a refusing host) counts from 0.
	const other = step.from === 'client' ? 'server' : 'client';
	const seqBase = name === 'refused' && step.from === 'server' ? 0 : ISN[step.from];
	const [head, tail] = fill(t.segmentName, {
		n: d.step,
		total,
		dir: t.dir[step.from],
		flags: step.flags,
		seq: `${step.seq} (${seqBase + step.seq})`,
		ack: step.ack === null ? t.none : `${step.ack} (${ISN[other] + step.ack})`,
		data: step.len ? fill(t.data, { len: step.len }) : '',
		fate: '\u0000',
		client: step.clientState,
		server: step.serverState,
	}).split('\u0000');
	expect(d.name.startsWith(head!) && d.name.endsWith(tail!), `${label}: ${d.name}`).toBe(true);
	const fate = d.name.slice(head!.length, d.name.length - tail!.length);
	if (step.lost) expect(fate, label).toBe(t.fates.lost);
	else expect(fate, label).not.toBe(t.fates.lost);
}

const option = (ex: Locator, n: number) => ex.locator(`.lad-seg[data-step="${n}"]`);

for (const locale of LOCALES) {
	const t = stringsOf(locale);
	const sides = sidesOf(locale);

	for (const kind of ['handshake', 'teardown'] as const) {
		test(`${locale} ${kind}: for every scenario it offers, the drawn arrows are the model's expected segments`, async ({ page }) => {
			const ex = await open(page, locale, kind);
			for (const name of EXPLORERS[kind].scenarios) {
				await ex.getByLabel(t.scenario, { exact: true }).selectOption(name);
				const steps = expected(kind, name);
				await expect(ex.locator('.lad-seg')).toHaveCount(steps.length);
				const arrows = await drawn(ex);
				// The whole run is drawn, the last segment current.
				expect(arrows.map((a) => [a.step, a.shown, a.selected])).toEqual(steps.map((_, i) => [i + 1, true, i === steps.length - 1]));
				for (const [i, step] of steps.entries()) expectArrow(locale, name, arrows[i]!, step, steps.length);
				// The table, the text view of the same run, has a row per segment with the same states.
				const rows = ex.locator('table tbody tr:first-child');
				await expect(rows).toHaveCount(steps.length);
				for (const [i, step] of steps.entries()) {
					await expect(rows.nth(i).locator('td').nth(4)).toHaveText(step.clientState);
					await expect(rows.nth(i).locator('td').nth(5)).toHaveText(step.serverState);
				}
			}
		});
	}

	test(`${locale} handshake: with ISNs 100 and 300 the ladder reads as RFC 9293 Figure 6, in absolute numbers on demand`, async ({ page }) => {
		const ex = await open(page, locale, 'handshake');
		await ex.getByLabel(t.absolute).check();
		// Written out by hand, not derived from the model: SYN seq=100; SYN,ACK seq=300 ack=101; ACK seq=101 ack=301.
		expect((await drawn(ex)).map((a) => [a.clientToServer, ...a.lines])).toEqual([
			[true, 'SYN', 'seq=100'],
			[false, 'SYN, ACK', 'seq=300 ack=101'],
			[true, 'ACK', 'seq=101 ack=301'],
		]);
		await ex.getByLabel(t.absolute).uncheck();
		expect((await drawn(ex)).map((a) => a.lines[1])).toEqual(['seq=0', 'seq=0 ack=1', 'seq=1 ack=1']);
	});

	test(`${locale} handshake: a lost SYN is drawn ending in a cross, and its retransmission leaves at the RTO`, async ({ page }) => {
		const ex = await open(page, locale, 'handshake');
		await option(ex, 1).click();
		await ex.getByLabel(t.fateChoices.drop, { exact: true }).check();
		await expect(ex.locator('.lad-seg')).toHaveCount(4);
		const [lost, again] = await drawn(ex);
		expect([lost!.lost, lost!.lines[0], lost!.selected]).toEqual([true, 'SYN', true]);
		expect(lost!.name).toContain(t.fates.lost);
		// Only what happened up to the current segment is shown; End shows the rest.
		expect(again!.shown).toBe(false);
		await option(ex, 1).press('End');
		// The retransmission timer's bracket: 1 s, the first retry; the same SYN leaves where it ends, at 1 s.
		const bracket = ex.locator('.lad-bracket.is-rtx');
		await expect(bracket).toHaveCount(1);
		await expect(ex.locator('.lad-note.is-timer')).toHaveText(`${fill(t.rto, { s: 1 })} ${fill(t.retry, { n: 1 })}`);
		const bottom = await bracket.evaluate((p) => {
			const box = (p as SVGGraphicsElement).getBBox();
			return box.y + box.height;
		});
		const y1 = Number(await option(ex, 2).locator('.lad-arrow').getAttribute('y1'));
		expect(Math.abs(bottom - y1)).toBeLessThan(1);
		expect((await drawn(ex))[1]!.name).toContain(fill(t.fates.delivered, { t: 1.05 }));
		await expect(ex.locator('table tbody').nth(1)).toContainText(fill(t.why['retransmit-syn'], { Sender: t.The.client }));
	});

	test(`${locale} handshake: by keyboard alone, Tab reaches the segments, arrows and Home/End move, and a segment's fate changes`, async ({
		page,
	}) => {
		const ex = await open(page, locale, 'handshake');
		await ex.getByLabel(t.predictMode).focus();
		await page.keyboard.press('Tab');
		await expect(ex.locator('[data-ex-ladder]')).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(option(ex, 3)).toBeFocused();
		await expect(option(ex, 3)).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('ArrowUp');
		await expect(option(ex, 2)).toBeFocused();
		await expect(option(ex, 3)).toBeHidden();
		await page.keyboard.press('Home');
		await expect(option(ex, 1)).toBeFocused();
		await expect(ex.locator('[data-ex-live]')).toHaveText(/.+/);
		await page.keyboard.press('End');
		await expect(option(ex, 3)).toBeFocused();
		await page.keyboard.press('Home');
		// The fate of segment 1 is the next stop: ↓ moves from "delivers" to "loses".
		await page.keyboard.press('Tab');
		await expect(ex.getByLabel(t.fateChoices.none, { exact: true })).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(ex.getByLabel(t.fateChoices.drop, { exact: true })).toBeChecked();
		await expect(option(ex, 1)).toHaveAttribute('aria-label', new RegExp(`${t.fates.lost}`));
		await expect(ex.locator('.lad-seg')).toHaveCount(4);
		await page.keyboard.press('Shift+Tab');
		await expect(option(ex, 1)).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(option(ex, 2)).toBeFocused();
		await expect(option(ex, 2)).toHaveAttribute('aria-label', new RegExp(fill(t.fates.delivered, { t: 1.05 }).replace('.', '\\.')));
	});

	test(`${locale}: a link reopens the exact run in a new page and in the other locale`, async ({ page, context }) => {
		const ex = await open(page, locale, 'teardown');
		await ex.getByLabel(sides.server, { exact: true }).check();
		await ex.getByLabel(t.profile).selectOption('linux');
		await ex.getByLabel(t.isnClient).fill('4294967295');
		await ex.getByRole('button', { name: t.apply }).click();
		await option(ex, 1).click();
		await ex.getByLabel(t.fateChoices.duplicate, { exact: true }).check();
		// Two segments on: the duplicated FIN's second copy.
		await option(ex, 1).press('ArrowDown');
		await option(ex, 2).press('ArrowDown');
		const before = await drawn(ex);
		await ex.getByRole('button', { name: t.copyLink }).click();
		const link = await ex.getByLabel(t.link, { exact: true }).inputValue();
		expect(link).toMatch(/#explore=teardown&v=1&scenario=teardown&isn=4294967295-300&profile=linux&closer=server&faults=s1u&step=3$/);
		await expect(page).toHaveURL(link);
		for (const other of LOCALES) {
			const again = await context.newPage();
			const url = new URL(link);
			url.pathname = url.pathname.replace(/(en\/)?teardown\/$/, pathOf(other, 'teardown'));
			const opened = await openWidget(again, url.pathname + url.hash, 'section.explorer');
			const tt = stringsOf(other);
			await expect(opened.getByLabel(tt.profile)).toHaveValue('linux');
			await expect(opened.getByLabel(tt.isnClient)).toHaveValue('4294967295');
			await expect(opened.getByLabel(sidesOf(other).server, { exact: true })).toBeChecked();
			await expect(opened.locator('[data-ex-notice]')).toBeHidden();
			const after = await drawn(opened);
			expect(after.map((a) => [a.step, a.clientToServer, a.lost, a.lines, a.shown, a.selected])).toEqual(
				before.map((a) => [a.step, a.clientToServer, a.lost, a.lines, a.shown, a.selected]),
			);
			await expect(option(opened, 3)).toHaveAttribute('aria-selected', 'true');
			await again.close();
		}
	});

	test(`${locale}: a bad or outdated link opens the default run with a short notice`, async ({ page }) => {
		const cases: Array<[string, keyof typeof t.linkErrors]> = [
			['#explore=handshake&v=1&scenario=no-such-thing&isn=1-2&step=0', 'bad'],
			['#explore=handshake&v=1&scenario=handshake&isn=100-300&faults=c9l&step=1', 'outdated'],
			['#explore=handshake&v=0&scenario=handshake&isn=1-2&step=0', 'outdated'],
			['#explore=teardown&v=1&scenario=teardown&isn=1-2&step=0', 'other'],
		];
		for (const [hash, error] of cases) {
			// A new document each time: going to the same page with another fragment would not reload it.
			await page.goto('about:blank');
			const ex = await open(page, locale, 'handshake', hash);
			await expect(ex.locator('[data-ex-notice]')).toHaveText(fill(t.notice, { reason: t.linkErrors[error] }));
			await expect(ex.getByLabel(t.scenario, { exact: true })).toHaveValue('handshake');
			await expect(ex.getByLabel(t.isnClient)).toHaveValue('100');
			expect((await drawn(ex)).map((a) => [a.lost, a.shown])).toEqual([
				[false, true],
				[false, true],
				[false, true],
			]);
		}
		// An ordinary fragment (a heading's) is not a link to a run: no notice.
		await page.goto('about:blank');
		const ex = await open(page, locale, 'handshake', '#_top');
		await expect(ex.locator('[data-ex-notice]')).toBeHidden();
	});

	test(`${locale} handshake: predict mode marks a right and a wrong answer, each with its one-sentence reason`, async ({ page }) => {
		const ex = await open(page, locale, 'handshake');
		await ex.getByLabel(t.predictMode).check();
		await expect(option(ex, 1)).toBeHidden();
		const form = ex.locator('[data-ex-predict]');
		await expect(form).toContainText(fill(t.predict.legend, { n: 1, total: 3, dir: t.dir.client }));
		await form.getByRole('checkbox', { name: 'SYN', exact: true }).check();
		await form.getByLabel(t.predict.seq, { exact: true }).fill('0');
		await form.getByLabel(t.predict.client).selectOption('SYN-SENT');
		await form.getByLabel(t.predict.server).selectOption('SYN-RECEIVED');
		await form.getByRole('button', { name: t.predict.check }).click();
		const verdict = ex.locator('[data-ex-verdict]');
		await expect(verdict).toHaveText(`${t.predict.right} ${t.why['syn:rcv-syn:LISTEN']}`);
		await expect(verdict).toHaveClass(/is-right/);
		await expect(option(ex, 1)).toBeVisible();
		// The SYN, ACK: a reader who forgets its ACK and expects the client to stay in SYN-SENT.
		await expect(form).toContainText(fill(t.predict.legend, { n: 2, total: 3, dir: t.dir.server }));
		await form.getByRole('checkbox', { name: 'SYN', exact: true }).check();
		await form.getByLabel(t.predict.seq, { exact: true }).fill('0');
		await form.getByLabel(t.predict.client).selectOption('SYN-SENT');
		await form.getByLabel(t.predict.server).selectOption('SYN-RECEIVED');
		await form.getByRole('button', { name: t.predict.check }).click();
		const misses = [
			fill(t.predict.miss, { field: t.flags, right: 'SYN, ACK', guess: 'SYN' }),
			fill(t.predict.miss, { field: t.ack, right: '1', guess: t.predict.empty }),
			fill(t.predict.miss, { field: sides.client, right: 'ESTABLISHED', guess: 'SYN-SENT' }),
		].join('; ');
		const why = fill(t.why['syn-ack:rcv-syn-ack'], { Sender: t.The.server, receiver: t.the.client });
		await expect(verdict).toHaveText(`${fill(t.predict.wrong, { misses })} ${why}`);
		await expect(verdict).toHaveClass(/is-wrong/);
	});

	test(`${locale} teardown: the server closes first under Linux, and TIME-WAIT's 60 s count down on its lifeline`, async ({ page }) => {
		const ex = await open(page, locale, 'teardown');
		await ex.getByLabel(sides.server, { exact: true }).check();
		await ex.getByLabel(t.profile).selectOption('linux');
		expect((await drawn(ex))[0]!.clientToServer).toBe(false);
		const note = ex.locator('[data-tw="server"]');
		await expect(note).toHaveText(fill(t.waitFor, { time: '1:00' }));
		await ex.getByRole('button', { name: t.countdownPlay }).click();
		// 60 s at CLOCK_RATE times real time.
		await expect(note).toHaveText(fill(t.waitLeft, { time: '0:00' }), { timeout: (60_000 / CLOCK_RATE) * 3 });
		await expect(ex.locator('[data-ex-clock]')).toHaveText(fill(t.countdownDone, { side: t.the.server }));
		// A shorter TIME-WAIT, chosen by the reader, is drawn and counted as chosen.
		await ex.getByLabel(t.timeWait).selectOption('1');
		await expect(note).toHaveText(fill(t.waitFor, { time: '0:01' }));
	});

	test(`${locale} handshake: the profile sets the SYN retransmission times drawn, RFC 9293 doubling and Linux 1 s apart`, async ({ page }) => {
		const ex = await open(page, locale, 'handshake');
		// Written out by hand: RFC 6298 §5.5 doubles the RTO from 1 s; Linux ≥ 6.5 keeps 1 s for
		// tcp_syn_linear_timeouts (4) tries. Three SYNs lost, the fourth arrives after the one-way 50 ms.
		const schedules = { rfc9293: { rto: [1, 2, 4], arrives: 7.05 }, linux: { rto: [1, 1, 1], arrives: 3.05 } } as const;
		for (const [profile, { rto, arrives }] of Object.entries(schedules)) {
			await ex.getByLabel(t.profile).selectOption(profile);
			await option(ex, 1).click();
			for (const n of [1, 2, 3]) {
				// Only the run up to the current segment is drawn: ↓ reveals the retransmission.
				if (n > 1) await option(ex, n - 1).press('ArrowDown');
				await ex.getByLabel(t.fateChoices.drop, { exact: true }).check();
			}
			await option(ex, 3).press('End');
			await expect(ex.locator('.lad-note.is-timer')).toHaveText(rto.map((s, i) => `${fill(t.rto, { s })} ${fill(t.retry, { n: i + 1 })}`));
			await expect(option(ex, 4)).toHaveAttribute('aria-label', new RegExp(fill(t.fates.delivered, { t: arrives }).replace('.', '\\.')));
			// Back to the scenario's default run before the other profile.
			await ex.getByLabel(t.scenario, { exact: true }).selectOption('lost-syn');
			await ex.getByLabel(t.scenario, { exact: true }).selectOption('handshake');
		}
	});

	test(`${locale}: the ISN fields reject -1, 4294967296, 1.5 and abc with an inline message`, async ({ page }) => {
		const ex = await open(page, locale, 'handshake');
		const first = ex.locator('table tbody').first().locator('td').nth(2);
		const input = ex.getByLabel(t.isnClient);
		for (const bad of ['-1', '4294967296', '1.5', 'abc']) {
			await input.fill(bad);
			await input.press('Enter');
			await expect(ex.locator('[data-ex-error]')).toHaveText(t.isnError);
			await expect(input).toHaveAttribute('aria-invalid', 'true');
			await expect(input).toHaveAccessibleDescription(t.isnError);
			await expect(first).toHaveText('0 (100)');
		}
		await input.fill('0');
		await ex.getByRole('button', { name: t.apply }).click();
		await expect(ex.locator('[data-ex-error]')).toBeEmpty();
		await expect(first).toHaveText('0 (0)');
	});

	test.describe(() => {
		test.use({ javaScriptEnabled: false });
		for (const kind of ['handshake', 'teardown'] as const) {
			test(`${locale} ${kind} without JavaScript: the finished ladder and the table, no dead controls`, async ({ page }) => {
				await page.goto(pathOf(locale, kind));
				const ex = page.locator('section.explorer');
				const steps = expected(kind, EXPLORERS[kind].scenarios[0]!);
				const arrows = await drawn(ex);
				expect(arrows.map((a) => a.shown)).toEqual(steps.map(() => true));
				for (const [i, step] of steps.entries()) expectArrow(locale, EXPLORERS[kind].scenarios[0]!, arrows[i]!, step, steps.length);
				const rows = ex.getByRole('table').locator('tbody tr:first-child');
				await expect(rows).toHaveCount(steps.length);
				for (const [i, step] of steps.entries()) await expect(rows.nth(i).locator('td').nth(1)).toHaveText(step.flags);
				for (const name of [t.back, t.next, t.copyLink]) await expect(ex.getByRole('button', { name })).toBeHidden();
				await expect(ex.getByLabel(t.scenario, { exact: true })).toBeHidden();
			});
		}
	});
}

// Each explorer in each locale once, each scheme twice: the locales share the widget's markup and
// colours, and each axe pass over the widget costs seconds on a busy 2-core machine.
for (const [scheme, localeOf] of [
	['light', { handshake: 'zh-CN', teardown: 'en' }],
	['dark', { handshake: 'en', teardown: 'zh-CN' }],
] as const) {
	for (const kind of ['handshake', 'teardown'] as const) {
		const locale: Locale = localeOf[kind];
		test(`${locale} ${kind}: no axe-core violations in ${scheme}, at rest, with a lost segment, predicting, and with a bad ISN`, async ({
			page,
		}) => {
			test.setTimeout(120_000); // three analyses of a large widget on a busy 2-core machine
			await page.emulateMedia({ colorScheme: scheme });
			const t = stringsOf(locale);
			const ex = await open(page, locale, kind);
			await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
			const check = async (state: string) => expect(await axeViolations(page, { include: ['section.explorer'] }), state).toEqual([]);
			await check('at rest');
			await option(ex, 1).click();
			await ex.getByLabel(t.fateChoices.drop, { exact: true }).check();
			await ex.getByRole('button', { name: t.copyLink }).click();
			await check('a lost segment, the link shown');
			await ex.getByLabel(t.predictMode).check();
			await ex.getByLabel(t.isnClient).fill('abc');
			await ex.getByRole('button', { name: t.apply }).click();
			await check('predicting, a bad ISN');
		});
	}
}

for (const locale of LOCALES) {
	test(`${locale}: nothing on the page moves when the explorers' code starts, at 360 and 1280 px`, async ({ page }) => {
		// Every layout shift the browser reports (the Layout Instability API), and when the explorer started.
		await page.addInitScript(() => {
			const w = window as unknown as { shifts: Array<{ value: number; at: number }>; startedAt?: number };
			w.shifts = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.shifts.push({ value: (e as PerformanceEntry & { value: number }).value, at: e.startTime });
			}).observe({ type: 'layout-shift', buffered: true });
			new MutationObserver(() => {
				if (w.startedAt === undefined && document.querySelector('section.explorer[data-ready]')) w.startedAt = performance.now();
			}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
		});
		for (const [kind, width] of [['handshake', 1280], ['teardown', 360]] as const) {
			await page.setViewportSize({ width, height: 800 });
			const ex = await open(page, locale, kind);
			// Two frames on, any shift its first render caused has been reported. Shifts before it
			// started are the page's own loading (Starlight's header), not the explorer's.
			await ex.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
			const { shifts, startedAt } = await page.evaluate(() => {
				const w = window as unknown as { shifts: Array<{ value: number; at: number }>; startedAt: number };
				return { shifts: w.shifts, startedAt: w.startedAt };
			});
			expect(startedAt, `${kind} at ${width} px`).toBeGreaterThan(0);
			expect(shifts.filter((s) => s.at >= startedAt), `${kind} at ${width} px`).toEqual([]);
		}
	});
}

test('an explorer far down the page waits until the reader nears it, and never loses their first keystroke', async ({ page }) => {
	const t = stringsOf('en');
	await page.setViewportSize({ width: 1280, height: 500 });
	await page.goto(pathOf('en', 'teardown'));
	const ex = page.locator('section.explorer');
	const top = await ex.evaluate((el) => el.getBoundingClientRect().top / innerHeight);
	expect(top, 'the explorer must start more than a screen and a half below the fold for this test').toBeGreaterThan(1.6);
	await page.waitForLoadState('load');
	await expect(ex).not.toHaveAttribute('data-ready');
	// Reaching in without scrolling: focus alone starts it, and the same Enter steps back.
	const back = ex.getByRole('button', { name: t.back });
	await back.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
	await expect(ex).toHaveAttribute('data-ready', '');
	await page.keyboard.press('Enter');
	const total = expected('teardown', EXPLORERS.teardown.scenarios[0]!).length;
	await expect(option(ex, total - 1)).toHaveAttribute('aria-selected', 'true');
	// A reader scrolling towards another explorer starts it before it is in view.
	await page.goto(pathOf('en', 'handshake'));
	const other = page.locator('section.explorer');
	await expect(other).not.toHaveAttribute('data-ready');
	await other.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight * 1.3));
	await expect(other).toHaveAttribute('data-ready', '');
});

test('a click that lands while the explorer’s code is still loading is kept and played once it starts', async ({ page }) => {
	const t = stringsOf('en');
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/explorer\.client\.[\w-]+\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(pathOf('en', 'handshake'));
	const ex = page.locator('section.explorer');
	await ex.getByRole('button', { name: t.back }).click();
	await expect(ex).not.toHaveAttribute('data-ready');
	await expect(ex.locator('.lad-seg').last()).toBeVisible();
	release();
	await expect(ex).toHaveAttribute('data-ready', '');
	await expect(option(ex, 2)).toHaveAttribute('aria-selected', 'true');
	await expect(option(ex, 3)).toBeHidden();
});
