/**
 * Loads and starts a widget's code once the widget comes near the viewport, or as soon as the
 * reader reaches into it (pointer, focus or key), whichever happens first. Until then a lesson's
 * widgets cost a phone nothing while the page loads: neither download nor main-thread time
 * (issue 6: Lighthouse's blocking time), and the server-rendered widget is already readable.
 *
 * A click that arrives while the code is still loading is held and replayed once the widget has
 * started, so a reader's first click (or Enter on a button) is never lost. A started widget's root
 * carries `data-ready`.
 */
export interface Widget {
	start(root: HTMLElement): void;
}

const REACH_IN = ['pointerdown', 'focusin', 'keydown'] as const;

export function startNear(selector: string, load: () => Promise<Widget>): void {
	for (const root of document.querySelectorAll<HTMLElement>(selector)) watch(root, load);
}

/** Starts widgets at once, for one whose code is too small to be worth deferring (the self-check). */
export function startNow(selector: string, widget: Widget): void {
	for (const root of document.querySelectorAll<HTMLElement>(selector)) started(root, widget);
}

function started(root: HTMLElement, widget: Widget) {
	widget.start(root);
	root.dataset.ready = '';
}

function watch(root: HTMLElement, load: () => Promise<Widget>) {
	let loading = false;
	const held: HTMLElement[] = [];
	const hold = (event: Event) => {
		event.preventDefault();
		event.stopImmediatePropagation();
		if (event.target instanceof HTMLElement) held.push(event.target);
	};
	const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void begin(), {
		// Half a screen of lead time, so a widget is live before a scrolling reader sees it.
		rootMargin: '50% 0px',
	});
	async function begin() {
		if (loading) return;
		loading = true;
		observer.disconnect();
		for (const type of REACH_IN) root.removeEventListener(type, begin, true);
		root.addEventListener('click', hold, true);
		try {
			started(root, await load());
		} finally {
			root.removeEventListener('click', hold, true);
		}
		for (const target of held.splice(0)) target.click();
	}
	for (const type of REACH_IN) root.addEventListener(type, begin, true);
	observer.observe(root);
}
