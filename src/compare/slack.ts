/**
 * How late a Linux timer may fire. The kernel counts time in jiffies (HZ per second) and files a
 * timer in a wheel whose outer levels are coarser (kernel/time/timer.c calc_wheel_index): level 0
 * holds expiries up to 63 jiffies ahead at 1 jiffy, each further level 8 times further at 8 times
 * coarser, and an expiry is rounded up to its level's granularity so it never fires early. A
 * duration rounded up to whole jiffies, and arming mid-jiffy, add up to two jiffies more. With
 * HZ = 250: a 200 ms RTO within 12 ms, a 1 s SYN timer within 40 ms, a 32 s one within 2.06 s.
 */
export function timerSlackMs(ms: number, hz: number): number {
	const jiffy = 1000 / hz;
	const jiffies = Math.ceil(ms / jiffy);
	let level = 0;
	while (level < 8 && jiffies >= 63 * 8 ** level) level++;
	return (8 ** level + 2) * jiffy;
}
