/**
 * Starts a widget once it comes near the viewport, or as soon as the reader reaches into it
 * (pointer, focus or key), whichever happens first. A widget further down a lesson then costs
 * nothing while the page loads, which keeps main-thread blocking low on a phone (issue 6), and the
 * reader's first click or keystroke is never lost to a widget that has not started yet: the start
 * runs in the capture phase, before the event reaches the control it was aimed at.
 */
const REACH_IN = ['pointerdown', 'focusin', 'keydown'] as const;

export function startNear(root: HTMLElement, start: (root: HTMLElement) => void): void {
	let started = false;
	const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && begin(), {
		// Half a screen of lead time, so a widget is live before a scrolling reader sees it.
		rootMargin: '50% 0px',
	});
	function begin() {
		if (started) return;
		started = true;
		observer.disconnect();
		for (const type of REACH_IN) root.removeEventListener(type, begin, true);
		start(root);
	}
	for (const type of REACH_IN) root.addEventListener(type, begin, true);
	observer.observe(root);
}
