/**
 * The handshake and teardown explorers, driven by mouse and by keyboard in both locales, checked
 * against the model's SCENARIO_EXPECTATIONS (flags, relative and absolute seq/ack, both states).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCENARIO_EXPECTATIONS, type ScenarioName, type Step } from '../src/tcp';
import { EXPLORERS, type ExplorerKind } from '../src/widgets/explorer/config';
import { widgetStrings } from '../src/widgets/i18n';
import { fill } from '../src/widgets/text';
import { LOCALES, type Locale } from './lessons';
import { axeViolations } from './axe';
import { openWidget } from './widgets';

const ISN = { client: 4_294_967_290, server: 5000 };
const mod32 = (n: number) => ((n % 2 ** 32) + 2 ** 32) % 2 ** 32;
const pathOf = (locale: Locale, kind: ExplorerKind) => `${locale === 'en' ? 'en/' : ''}${kind}/`;
const stringsOf = (locale: Locale) => widgetStrings(locale).explorer;

/** The steps an explorer shows for a scenario: the teardowns start after the handshake. */
const expected = (kind: ExplorerKind, name: ScenarioName): Step[] =>
	SCENARIO_EXPECTATIONS[name].steps.slice(kind === 'teardown' ? 3 : 0);

async function open(page: Page, locale: Locale, kind: ExplorerKind): Promise<Locator> {
	return openWidget(page, pathOf(locale, kind), 'section.explorer');
}

async function setIsn(ex: Locator, locale: Locale) {
	const t = stringsOf(locale);
	await ex.getByLabel(t.isnClient).fill(String(ISN.client));
	await ex.getByLabel(t.isnServer).fill(String(ISN.server));
	await ex.getByRole('button', { name: t.apply }).click();
}

/** What the explorer must show after `step`: flags, seq and ack (relative and absolute), both states. */
async function expectStep(ex: Locator, locale: Locale, name: ScenarioName, n: number, total: number, step: Step) {
	const t = stringsOf(locale);
	const other = step.from === 'client' ? 'server' : 'client';
	// Relative numbers count from the sender's ISN; a side that never sent a SYN (a refusing host) counts from 0.
	const seqBase = name === 'refused' && step.from === 'server' ? 0 : ISN[step.from];
	await expect(ex.locator('[data-ex-stepno]')).toHaveText(fill(t.step, { n, total }));
	await expect(ex.locator('[data-ex-dir]')).toHaveText(t.dir[step.from]);
	const flags = ex.locator('[data-ex-flags]');
	await expect(flags).toContainText(step.flags);
	if (step.lost) await expect(flags).toContainText(t.lost);
	else await expect(flags).not.toContainText(t.lost);
	await expect(ex.locator('[data-ex-seq]')).toHaveText(`${step.seq} (${mod32(seqBase + step.seq)})`);
	await expect(ex.locator('[data-ex-ack]')).toHaveText(step.ack === null ? t.none : `${step.ack} (${mod32(ISN[other] + step.ack)})`);
	await expect(ex.locator('[data-ex-state="client"]')).toHaveText(step.clientState);
	await expect(ex.locator('[data-ex-state="server"]')).toHaveText(step.serverState);
	await expect(ex.locator('[data-ex-why]')).not.toBeEmpty();
}

for (const locale of LOCALES) {
	for (const kind of ['handshake', 'teardown'] as const) {
		const t = stringsOf(locale);

		test(`${locale} ${kind}: by mouse, every scenario's segments match the model's expectations`, async ({ page }) => {
			test.slow(); // some forty steps, each checked eight ways
			const ex = await open(page, locale, kind);
			await setIsn(ex, locale);
			for (const name of EXPLORERS[kind].scenarios) {
				await ex.getByLabel(t.scenario, { exact: true }).selectOption(name);
				const steps = expected(kind, name);
				await expect(ex.locator('[data-ex-rows] tr')).toHaveCount(steps.length);
				const next = ex.getByRole('button', { name: t.next });
				for (const [i, step] of steps.entries()) {
					await next.click();
					await expectStep(ex, locale, name, i + 1, steps.length, step);
				}
				await expect(ex.getByRole('button', { name: t.next })).toBeDisabled();
				await ex.getByRole('button', { name: t.back }).click();
				await expect(ex.locator('[data-ex-stepno]')).toHaveText(fill(t.step, { n: steps.length - 1, total: steps.length }));
			}
		});

		test(`${locale} ${kind}: by keyboard, Tab, Enter, Space and the arrow keys step through, the live region follows; the ISN input rejects -1, 4294967296, 1.5 and abc`, async ({
			page,
		}) => {
			const ex = await open(page, locale, kind);
			await setIsn(ex, locale);
			const name = EXPLORERS[kind].scenarios[0]!;
			const steps = expected(kind, name);
			// From the ISN buttons, Tab reaches Back (the wire's segment is hidden at the start), Play, then Next.
			await ex.getByRole('button', { name: t.random }).focus();
			await page.keyboard.press('Tab');
			await expect(ex.getByRole('button', { name: t.back })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(ex.getByRole('button', { name: t.play })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(ex.getByRole('button', { name: t.next })).toBeFocused();
			await page.keyboard.press('Enter');
			await expectStep(ex, locale, name, 1, steps.length, steps[0]!);
			await page.keyboard.press('Space');
			await expectStep(ex, locale, name, 2, steps.length, steps[1]!);
			await page.keyboard.press('ArrowRight');
			await expectStep(ex, locale, name, 3, steps.length, steps[2]!);
			await page.keyboard.press('ArrowLeft');
			await expectStep(ex, locale, name, 2, steps.length, steps[1]!);
			await page.keyboard.press('End');
			await expectStep(ex, locale, name, steps.length, steps.length, steps.at(-1)!);
			await expect(ex.locator('[data-ex-live]')).toContainText(fill(t.step, { n: steps.length, total: steps.length }));
			await page.keyboard.press('Home');
			await expect(ex.locator('[data-ex-stepno]')).toContainText(fill(t.step, { n: 0, total: steps.length }));
			// The scenario picker works from the keyboard too.
			await ex.getByLabel(t.scenario, { exact: true }).focus();
			await page.keyboard.press('ArrowDown');
			const second = EXPLORERS[kind].scenarios[1]!;
			await expect(ex.getByLabel(t.scenario, { exact: true })).toHaveValue(second);
			await expect(ex.locator('[data-ex-rows] tr')).toHaveCount(expected(kind, second).length);

			// Same load: the ISN input rejects -1, 4294967296, 1.5 and abc with an inline message.
			await setIsn(ex, locale);
			const firstSeq = ex.locator('[data-ex-rows] tr').first().locator('td').nth(2);
			const before = await firstSeq.textContent();
			const input = ex.getByLabel(t.isnClient);
			for (const bad of ['-1', '4294967296', '1.5', 'abc']) {
				await input.fill(bad);
				await input.press('Enter');
				await expect(ex.locator('[data-ex-error]')).toHaveText(t.isnError);
				await expect(input).toHaveAttribute('aria-invalid', 'true');
				await expect(input).toHaveAccessibleDescription(t.isnError);
				await expect(firstSeq).toHaveText(before!);
			}
			await input.fill('0');
			await ex.getByRole('button', { name: t.apply }).click();
			await expect(ex.locator('[data-ex-error]')).toBeEmpty();
			await expect(input).not.toHaveAttribute('aria-invalid', 'true');
		});
	}

	test(`${locale} handshake: dropping a segment re-runs the model: retransmissions after 1 s, then 2 s`, async ({ page }) => {
		const t = stringsOf(locale);
		const sides = widgetStrings(locale).common;
		const ex = await open(page, locale, 'handshake');
		await ex.getByRole('button', { name: t.next }).click();
		// The SYN on the wire, dropped by mouse.
		await ex.getByRole('button', { name: fill(t.drop, { flags: 'SYN' }) }).click();
		await expect(ex.locator('[data-ex-flags]')).toContainText(t.lost);
		await expect(ex.locator('[data-ex-state="server"]')).toHaveText('LISTEN');
		await expect(ex.locator('[data-ex-rtx] li')).toHaveText([fill(t.retransmission, { side: sides.client, flags: 'SYN', t: 1, s: 1 })]);
		// The retransmission, dropped by keyboard.
		await ex.getByRole('button', { name: t.next }).click();
		await expect(ex.locator('[data-ex-time]')).toHaveText(fill(t.at, { t: 1.05 }));
		await ex.getByRole('button', { name: fill(t.drop, { flags: 'SYN' }) }).focus();
		await page.keyboard.press('Enter');
		await expect(ex.locator('[data-ex-rtx] li')).toHaveText([
			fill(t.retransmission, { side: sides.client, flags: 'SYN', t: 1, s: 1 }),
			fill(t.retransmission, { side: sides.client, flags: 'SYN', t: 3, s: 2 }),
		]);
		await expect(ex.locator('.ex-bar')).toHaveText([fill(t.rto, { s: 1 }), fill(t.rto, { s: 2 })]);
		await ex.getByRole('button', { name: t.next }).click();
		await expect(ex.locator('[data-ex-time]')).toHaveText(fill(t.at, { t: 3.05 }));
		await expect(ex.locator('[data-ex-state="server"]')).toHaveText('SYN-RECEIVED');
		await ex.getByRole('button', { name: t.undrop }).click();
		await expect(ex.locator('[data-ex-rtx] li')).toHaveText([t.noRetransmission]);
	});

	test(`${locale} teardown: the server can close first, and TIME-WAIT counts down to CLOSED`, async ({ page }) => {
		const t = stringsOf(locale);
		const sides = widgetStrings(locale).common;
		const ex = await open(page, locale, 'teardown');
		await ex.getByLabel(sides.server, { exact: true }).check();
		await expect(ex.locator('[data-ex-rows] tr').first().locator('td').first()).toHaveText(t.dir.server);
		await ex.getByLabel(t.preset).selectOption('linux');
		await ex.getByRole('button', { name: t.next }).focus();
		await page.keyboard.press('End');
		await expect(ex.locator('[data-ex-state="server"]')).toHaveText('TIME-WAIT');
		await expect(ex.locator('[data-ex-countdowns]')).toHaveText(fill(t.countdown, { side: sides.server, time: '1:00' }));
		await ex.getByRole('button', { name: t.countdownPlay }).click();
		await expect(ex.locator('[data-ex-countdowns]')).toHaveText(fill(t.countdownDone, { side: sides.server }), { timeout: 8000 });
		await expect(ex.locator('[data-ex-state="server"]')).toHaveText('CLOSED');
		await expect(ex.locator('[data-ex-state="client"]')).toHaveText('CLOSED');
	});

	test.describe(() => {
		test.use({ javaScriptEnabled: false });
		for (const kind of ['handshake', 'teardown'] as const) {
			test(`${locale} ${kind} without JavaScript: the default scenario as a table, no dead controls`, async ({ page }) => {
				const t = stringsOf(locale);
				await page.goto(pathOf(locale, kind));
				const ex = page.locator('section.explorer');
				const table = ex.getByRole('table');
				await expect(table).toBeVisible();
				const steps = expected(kind, EXPLORERS[kind].scenarios[0]!);
				const rows = table.locator('tbody tr');
				await expect(rows).toHaveCount(steps.length);
				for (const [i, step] of steps.entries()) {
					const cells = rows.nth(i).locator('th, td');
					await expect(cells.nth(1)).toHaveText(t.dir[step.from]);
					await expect(cells.nth(2)).toHaveText(step.flags);
					await expect(cells.nth(3)).toHaveText(new RegExp(`^${step.seq} \\(`));
					await expect(cells.nth(5)).toHaveText(step.clientState);
					await expect(cells.nth(6)).toHaveText(step.serverState);
					await expect(cells.nth(7)).not.toBeEmpty();
				}
				await expect(ex.getByRole('button', { name: t.next })).toBeHidden();
				await expect(ex.getByLabel(t.scenario, { exact: true })).toBeHidden();
			});
		}
	});
}

// One load per explorer and locale; in each state, axe (every rule, not only WCAG's) in both schemes.
for (const locale of LOCALES) {
	for (const kind of ['handshake', 'teardown'] as const) {
		test(`${locale} ${kind} explorer and self-check: no axe-core violations in light or dark, at rest and mid-scenario`, async ({ page }) => {
			test.setTimeout(180_000); // six axe analyses of a widget-heavy page
			const t = stringsOf(locale);
			const ex = await open(page, locale, kind);
			const check = async (state: string) => {
				for (const scheme of ['light', 'dark'] as const) {
					await page.emulateMedia({ colorScheme: scheme });
					await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
					expect(await axeViolations(page, { include: ['section.explorer', '[data-selfcheck]'] }), `${state}, ${scheme}`).toEqual([]);
				}
			};
			await check('at rest');
			await ex.getByRole('button', { name: t.next }).click();
			await ex.locator('[data-ex-seg]').click();
			await ex.getByLabel(t.isnClient).fill('abc');
			await ex.getByRole('button', { name: t.apply }).click();
			await page.locator('[data-selfcheck] input[type=radio]').first().check();
			await check('mid-scenario, a bad ISN, an answer chosen');
			await ex.getByRole('button', { name: t.next }).focus();
			await page.keyboard.press('End');
			await check('at the end');
		});
	}
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
	// Reaching in without scrolling: focus alone starts it, and the same Enter steps forward.
	const next = ex.getByRole('button', { name: t.next });
	await next.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
	await expect(ex).toHaveAttribute('data-ready', '');
	await page.keyboard.press('Enter');
	const total = expected('teardown', EXPLORERS.teardown.scenarios[0]!).length;
	await expect(ex.locator('[data-ex-stepno]')).toHaveText(fill(t.step, { n: 1, total }));
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
	await ex.getByRole('button', { name: t.next }).click();
	const total = expected('handshake', EXPLORERS.handshake.scenarios[0]!).length;
	await expect(ex).not.toHaveAttribute('data-ready');
	await expect(ex.locator('[data-ex-stepno]')).toHaveText(`${t.start} · ${fill(t.step, { n: 0, total })}`);
	release();
	await expect(ex).toHaveAttribute('data-ready', '');
	await expect(ex.locator('[data-ex-stepno]')).toHaveText(fill(t.step, { n: 1, total }));
});
