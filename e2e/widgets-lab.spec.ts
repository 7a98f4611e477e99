/**
 * The state-machine explorer and the sequence-number lab, driven by mouse and keyboard in both
 * locales and checked against the model (src/tcp) and its scenario expectations.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCENARIO_EXPECTATIONS, TCP_STATES, TRANSITION_EVENTS, TRANSITIONS, type TcpState, type TransitionEvent } from '../src/tcp';
import { widgetStrings } from '../src/widgets/i18n';
import { DEFAULT_INPUT, runLab, WRAP_INPUT } from '../src/widgets/sequence-lab/view';
import { fill } from '../src/widgets/text';
import { expectNoViolationsInBothSchemes } from './axe';
import { LOCALES, pathOf } from './lessons';
import { openWidget } from './widgets';


/**
 * The default connection (client ISN 1000, server ISN 5000, 100 bytes each way then 200), worked
 * out by hand from RFC 9293 §3.4: SYN and FIN take one sequence number each, data its length, and
 * an ACK carries the next number expected. The model (runLab) must agree, and the page with it.
 */
const DEFAULT_CONNECTION = [
	['client', 'SYN', '1000', ''],
	['server', 'SYN, ACK', '5000', '1001'],
	['client', 'ACK', '1001', '5001'],
	['client', 'PSH, ACK', '1001', '5001'],
	['server', 'ACK', '5001', '1101'],
	['server', 'PSH, ACK', '5001', '1101'],
	['client', 'ACK', '1101', '5201'],
	['client', 'FIN, ACK', '1101', '5201'],
	['server', 'ACK', '5201', '1102'],
	['server', 'FIN, ACK', '5201', '1102'],
	['client', 'ACK', '1102', '5202'],
];

/** The passive closer's states in the model's teardown: CLOSED, LISTEN, then each change the server goes through. */
const SERVER_PATH: TcpState[] = ['CLOSED', 'LISTEN'];
for (const step of SCENARIO_EXPECTATIONS.teardown.steps) {
	if (SERVER_PATH.at(-1) !== step.serverState) SERVER_PATH.push(step.serverState);
}
/** The events of Figure 5 that take that path. */
const SERVER_EVENTS: TransitionEvent[] = ['passive-open', 'rcv-syn', 'rcv-ack-of-syn', 'rcv-fin', 'close', 'rcv-ack-of-fin'];

test('the server path the walk takes is the model’s teardown, ending where the scenario does', () => {
	expect(SERVER_PATH).toEqual(['CLOSED', 'LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
	expect(SCENARIO_EXPECTATIONS.teardown.final.server).toBe('CLOSED');
});

for (const locale of LOCALES) {
	const s = widgetStrings(locale);
	const sm = s.stateMachine;

	test.describe(`${locale} StateMachineExplorer`, () => {
		const path = pathOf(locale, 'state-machine');

		async function expectState(root: Locator, state: TcpState, node = state as string) {
			await expect(root.locator('[data-node].is-current')).toHaveCount(1);
			await expect(root.locator('[data-node].is-current')).toHaveAttribute('data-node', node);
			await expect(root.locator('[data-sm-current]')).toHaveText(fill(sm.currentState, { state }));
			await expect(root.locator('svg')).toHaveAttribute('aria-label', fill(sm.diagramLabel, { state }));
		}

		// One load for the three ways a reader drives it (Reset between them): mouse, keyboard, and
		// an event the state cannot take; axe in both schemes after the first and the last.
		test('walks the server path by mouse, then by keyboard, and says why an invalid event changes nothing', async ({ page }) => {
			test.setTimeout(180_000); // three walks and four axe analyses of a widget-heavy page
			await openWidget(page, path, '[data-sm], [data-lab]');
			const root = page.locator('[data-sm]');
			const status = root.getByRole('status');

			await test.step('by mouse, announcing each state', async () => {
				await expectState(root, 'CLOSED');
				await expect(status).toHaveText(sm.start);
				for (const [i, event] of SERVER_EVENTS.entries()) {
					const [from, to] = [SERVER_PATH[i]!, SERVER_PATH[i + 1]!];
					const button = root.locator(`button[data-event="${event}"]`);
					await expect(button).toHaveAttribute('data-valid', 'true');
					await expect(button).toContainText(fill(sm.goesTo, { to }));
					await button.click();
					await expectState(root, to, i === SERVER_EVENTS.length - 1 ? 'CLOSED-END' : to);
					await expect(status).toContainText(`${sm.events[event]}`);
					await expect(status).toContainText(`${from} → ${to}`);
					await expect(status).toContainText(fill(sm.currentState, { state: to }));
				}
				// The breadcrumb lists every state, the last one current.
				await expect(root.locator('[data-sm-path] .sm-path-state')).toHaveText(SERVER_PATH);
				await expect(root.locator('[data-sm-path] li').last()).toHaveAttribute('aria-current', 'step');
				// The last arrow taken is marked in the diagram and the table (with text, not colour alone).
				await expect(root.locator('g[data-edge].is-last')).toHaveCount(1);
				await expect(root.locator('tr.is-last')).toContainText(sm.table.last);
				await expect(root.locator('tr.is-last td').first()).toHaveText('LAST-ACK');
				await expectNoViolationsInBothSchemes(page, { include: ['[data-sm]'] });
				await root.locator('[data-sm-reset]').click();
				await expectState(root, 'CLOSED');
				await expect(root.locator('[data-sm-path] li')).toHaveCount(1);
				await expect(status).toHaveText(sm.start);
			});

			await test.step('by keyboard: Tab, arrows, Enter and Space', async () => {
				const buttons = root.locator('button[data-event]');
				// Wiring: one button per event the model knows (the model's own tests pin the list).
				await expect(buttons).toHaveCount(TRANSITION_EVENTS.length);
				// Tab reaches each button in turn.
				await buttons.first().focus();
				await page.keyboard.press('Tab');
				await expect(buttons.nth(1)).toBeFocused();
				await page.keyboard.press('Shift+Tab');
				let at = 0;
				for (const [i, event] of SERVER_EVENTS.entries()) {
					const target = TRANSITION_EVENTS.indexOf(event);
					const key = target > at ? 'ArrowRight' : 'ArrowLeft';
					for (; at !== target; at += target > at ? 1 : -1) await page.keyboard.press(key);
					await expect(root.locator(`button[data-event="${event}"]`)).toBeFocused();
					expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
					await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
					const to = SERVER_PATH[i + 1]!;
					await expect(root.locator('[data-sm-current]')).toHaveText(fill(sm.currentState, { state: to }));
					await expect(root.getByRole('status')).toContainText(fill(sm.currentState, { state: to }));
				}
				await expect(root.locator('[data-node].is-current')).toHaveAttribute('data-node', 'CLOSED-END');
				// Home and End jump to the ends.
				await page.keyboard.press('End');
				await expect(buttons.last()).toBeFocused();
				await page.keyboard.press('Home');
				await expect(buttons.first()).toBeFocused();
				await root.locator('[data-sm-reset]').click();
				await expectState(root, 'CLOSED');
			});

			await test.step('an event that is not valid says why, in RFC 9293’s words, and changes nothing', async () => {
				const send = root.locator('button[data-event="send"]');
				await expect(send).toHaveAttribute('data-valid', 'false');
				await expect(send).toContainText(sm.notValid);
				await send.click();
				await expect(status).toHaveText(
					fill(sm.invalid, { event: sm.events.send, state: 'CLOSED', reason: sm.errors['connection-does-not-exist'] }),
				);
				await expect(status).toContainText('error: connection does not exist');
				await expectState(root, 'CLOSED');
				await expect(root.locator('[data-sm-path] li')).toHaveCount(1);
				// A segment the state cannot take: the engine's answer is the reason.
				await root.locator('button[data-event="passive-open"]').click();
				await root.locator('button[data-event="rcv-fin"]').press('Enter');
				await expect(status).toHaveText(
					fill(sm.invalid, { event: sm.events['rcv-fin'], state: 'LISTEN', reason: sm.reasons.rstListen }),
				);
				await expectState(root, 'LISTEN');
				await expectNoViolationsInBothSchemes(page, { include: ['[data-sm]'] });
			});
		});

		test('without JavaScript shows the diagram and every transition, not dead buttons', async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(path);
			const root = page.locator('[data-sm]');
			await expect(root.locator('svg.sm-svg')).toBeVisible();
			// Wiring: a node per state of the model plus the drawing's second CLOSED, a row per arrow of
			// Figure 5 (src/tcp's tests pin 11 states and 20 arrows against RFC 9293).
			await expect(root.locator('[data-node]')).toHaveCount(TCP_STATES.length + 1);
			await expect(root.locator('table.sm-table')).toBeVisible();
			await expect(root.locator('table.sm-table tbody tr')).toHaveCount(TRANSITIONS.length);
			await expect(root.locator('caption')).toHaveText(sm.table.caption);
			await expect(root.locator('button[data-event]').first()).toBeHidden();
			await context.close();
		});
	});

	test.describe(`${locale} SequenceLab`, () => {
		const path = pathOf(locale, 'sequence-numbers');
		const lab = s.lab;
		const rows = (page: Page) => page.locator('[data-lab-rows] tr');
		const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
		const seqs = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.seq));
		const connection = (page: Page) =>
			rows(page).evaluateAll((trs) => trs.map((tr) => ['from', 'flags', 'seq', 'ack'].map((key) => (tr as HTMLElement).dataset[key])));

		// One load: the default run, then the reader's own numbers, then the presets.
		test('shows the default connection, wraps past 2^32 − 1 (keyboard), and runs the presets', async ({ page }) => {
			await openWidget(page, path, '[data-sm], [data-lab]');

			await test.step('the default connection as worked out by hand, and as the model runs it', async () => {
				expect(await connection(page)).toEqual(DEFAULT_CONNECTION);
				expect(runLab(DEFAULT_INPUT).map((r) => [r.from, r.flags, String(r.seq), r.ack === null ? '' : String(r.ack)])).toEqual(DEFAULT_CONNECTION);
				const handshake = SCENARIO_EXPECTATIONS.handshake.steps;
				for (const [i, step] of handshake.entries()) {
					const row = rows(page).nth(i);
					await expect(row.locator('.lab-flags')).toHaveText(step.flags);
					await expect(row.locator('.lab-seq .lab-rel')).toHaveText(fill(lab.rel, { n: String(step.seq) }));
					if (step.ack !== null) await expect(row.locator('.lab-ack .lab-rel')).toHaveText(fill(lab.rel, { n: String(step.ack) }));
				}
				// SYN and FIN count in SEG.LEN, said in text.
				await expect(rows(page).first().locator('.lab-len')).toContainText(lab.synCounts);
				await expect(page.locator('[data-lab-rows] tr[data-flags="FIN, ACK"] .lab-len').first()).toContainText(lab.finCounts);
			});

			await test.step('ISN 4294967290 and 10 bytes put the client’s FIN at seq 5', async () => {
				const isn = field(page, lab.clientIsn);
				await isn.focus();
				await isn.press('ControlOrMeta+a');
				await page.keyboard.type('4294967290');
				await field(page, lab.clientBytes).fill('10');
				await field(page, lab.clientBytes).press('Enter');
				const fin = page.locator('[data-lab-rows] tr[data-from="client"][data-flags="FIN, ACK"]');
				await expect(fin).toHaveAttribute('data-seq', '5');
				await expect(fin.locator('.lab-seq .lab-abs')).toHaveText('5');
				// By hand: 4294967290 + 1 (SYN) + 10 bytes = 2^32 + 5, so 5; the FIN then takes 5.
				expect(await seqs(page)).toEqual(['4294967290', '5000', '4294967291', '4294967291', '5001', '5001', '5', '5', '5201', '5201', '6']);
				const expected = runLab({ ...DEFAULT_INPUT, clientIsn: 4294967290, clientBytes: 10 });
				expect(await seqs(page)).toEqual(expected.map((r) => String(r.seq)));
				await expect(page.locator('[data-lab-rows] tr[data-from="client"] .lab-wrap')).toHaveText(lab.seqWraps);
				await expect(page.locator('[data-lab-rows] tr[data-from="server"] .lab-wrap')).toHaveText(lab.ackWraps);
				await expect(page.locator('[data-lab] [role="status"]')).toContainText('5');
				await expect(page.locator('[data-lab-caption]')).toContainText('4294967290');
			});

			await test.step('the presets, by keyboard and by mouse', async () => {
				await page.getByRole('button', { name: lab.wrap }).focus();
				await page.keyboard.press('Enter');
				// By hand: the server's ISN 4294967200 plus its SYN and 200 bytes wraps to 105.
				expect(await seqs(page)).toEqual(['4294967290', '4294967200', '4294967291', '4294967291', '4294967201', '4294967201', '5', '5', '105', '105', '6']);
				expect(await seqs(page)).toEqual(runLab(WRAP_INPUT).map((r) => String(r.seq)));
				await expect(field(page, lab.serverIsn)).toHaveValue(String(WRAP_INPUT.serverIsn));
				await page.getByRole('button', { name: lab.random }).click();
				const clientIsn = Number(await field(page, lab.clientIsn).inputValue());
				const serverIsn = Number(await field(page, lab.serverIsn).inputValue());
				expect(Number.isInteger(clientIsn) && clientIsn >= 0 && clientIsn < 2 ** 32).toBe(true);
				expect(await seqs(page)).toEqual(runLab({ ...WRAP_INPUT, clientIsn, serverIsn }).map((r) => String(r.seq)));
			});
		});

		test('an ISN of “-1”, “4294967296”, “1.5” or “abc” gets an inline message and changes nothing', async ({ page }) => {
			test.slow(); // four inputs, and axe in both schemes on the last
			await openWidget(page, path, '[data-sm], [data-lab]');
			const body = page.locator('[data-lab-rows]');
			const isn = field(page, lab.clientIsn);
			for (const bad of ['-1', '4294967296', '1.5', 'abc']) {
				await test.step(bad, async () => {
					await isn.fill(String(DEFAULT_INPUT.clientIsn));
					await page.getByRole('button', { name: lab.run }).click();
					const before = await body.innerHTML();
					await isn.fill(bad);
					await page.getByRole('button', { name: lab.run }).click();
					const error = page.locator('[data-error-for="clientIsn"]');
					const message = bad === 'abc' ? lab.errors.notNumber : bad === '1.5' ? lab.errors.notWhole : fill(lab.errors.range, { max: '4294967295' });
					await expect(error).toHaveText(message);
					await expect(isn).toHaveAttribute('aria-invalid', '');
					await expect(isn).toBeFocused();
					await expect(page.locator('[data-lab] [role="status"]')).toContainText(message);
					expect(await body.innerHTML()).toBe(before);
					await expect(page.locator('[data-lab-caption]')).toContainText('1000');
					if (bad === 'abc') await expectNoViolationsInBothSchemes(page, { include: ['[data-lab]'] });
					// Fixing it clears the message.
					await isn.fill('7');
					await isn.press('Enter');
					await expect(error).toBeEmpty();
					await expect(rows(page).first()).toHaveAttribute('data-seq', '7');
				});
			}
		});

		test('without JavaScript shows the default run’s table', async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(path);
			await expect(page.locator('table.lab-table')).toBeVisible();
			expect(await connection(page)).toEqual(DEFAULT_CONNECTION);
			await expect(page.locator('[data-lab-caption]')).toContainText('1000');
			await expect(page.locator('[data-lab-form]')).toBeHidden();
			await context.close();
		});
	});
}
