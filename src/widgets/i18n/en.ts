/** English strings of the widgets. zh-CN.ts must have the same shape (the type checks it). */
const en = {
	/** Labels shared by every widget. */
	common: {
		client: 'Client',
		server: 'Server',
		lost: 'lost',
	},
	/** StateMachineExplorer: RFC 9293 Figure 5, moved by the model's events. */
	stateMachine: {
		title: 'Try the state machine',
		intro: 'One endpoint and an imaginary peer. Choose an event; the model decides where it leads.',
		diagramLabel: 'RFC 9293 Figure 5 state diagram, current state: {state}',
		currentState: 'Current state: {state}.',
		currentMarker: 'current',
		groups: { calls: 'Application calls', segments: 'Segments arriving', timeouts: 'Timeouts' },
		events: {
			'passive-open': 'passive OPEN',
			'active-open': 'active OPEN',
			send: 'SEND',
			close: 'CLOSE',
			abort: 'ABORT',
			'rcv-syn': 'rcv SYN',
			'rcv-syn-ack': 'rcv SYN, ACK',
			'rcv-ack-of-syn': 'rcv ACK of SYN',
			'rcv-fin': 'rcv FIN',
			'rcv-ack-of-fin': 'rcv ACK of FIN',
			'rcv-rst': 'rcv RST',
			'timeout-2msl': 'Timeout = 2MSL',
			'timeout-retries': 'Retransmission limit',
		},
		goesTo: '→ {to}',
		sends: 'sends {flags}',
		notValid: '✕ not valid here',
		reset: 'Reset to CLOSED',
		path: 'Path taken',
		moved: '{event}: {from} → {to}.',
		movedSent: '{event}: {from} → {to}, sending {flags}.',
		notInFigure: '(RFC 9293 §3.10; Figure 5 does not draw this arrow.)',
		invalid: '{event} is not valid in {state}: {reason}',
		start: 'Start: CLOSED. Choose an event.',
		/** RFC 9293 §3.10's replies to user calls, in its words. */
		errors: {
			'connection-does-not-exist': '“error: connection does not exist” (RFC 9293 §3.10).',
			'connection-already-exists': '“error: connection already exists” (RFC 9293 §3.10.1).',
			'connection-closing': '“error: connection closing” (RFC 9293 §3.10): this side has already closed.',
			'foreign-socket-unspecified': '“error: foreign socket unspecified” (RFC 9293 §3.10).',
		},
		reasons: {
			noTimeWait: 'no 2MSL timer is running; it starts only on entering TIME-WAIT.',
			noRetransmission: 'no retransmission timer is running: nothing sent is waiting for an acknowledgment.',
			queued: 'the data is queued until the connection is ESTABLISHED (RFC 9293 §3.10.2); the state stays.',
			data: 'the data goes out in a PSH, ACK segment and the state stays.',
			rstListen: 'in LISTEN any ACK is unacceptable; the endpoint answers with a RST and keeps listening (§3.10.7.2).',
			rstNoConnection: 'there is no connection; the endpoint answers with a RST (§3.10.7.1).',
			rstBadAck: 'its ACK acknowledges nothing this side sent; the endpoint answers with a RST (§3.10.7).',
			challengeAck: 'a SYN on a synchronized connection only gets a challenge ACK (RFC 5961 §4); the state stays.',
			ack: 'it is a duplicate or not acceptable here; the endpoint answers with an ACK and the state stays (§3.10.7.4).',
			ignored: 'the segment is ignored in {state} (§3.10.7).',
		},
		table: {
			caption: 'Every transition of RFC 9293 Figure 5',
			from: 'From',
			event: 'Event',
			to: 'To',
			sends: 'Segment sent',
			none: 'none',
			last: 'last taken',
		},
	},
	/** SequenceLab: a whole connection's numbers for ISNs and byte counts the reader picks. */
	lab: {
		title: 'Sequence number lab',
		intro: 'Pick both ISNs and how many bytes each side sends; the model runs the whole connection.',
		clientIsn: 'Client ISN',
		serverIsn: 'Server ISN',
		clientBytes: 'Client sends (bytes)',
		serverBytes: 'Server replies (bytes)',
		isnHint: '0 to 4294967295',
		bytesHint: '0 to 65535',
		run: 'Run the connection',
		random: 'Random ISNs',
		wrap: 'Near wraparound',
		errors: {
			empty: 'Enter a number.',
			notNumber: 'Not a number: use the digits 0–9.',
			notWhole: 'Use a whole number, written with digits only.',
			range: 'Must be between 0 and {max}.',
		},
		caption: 'Every segment: client ISN {clientIsn}, server ISN {serverIsn}; the client sends {clientBytes} bytes, the server {serverBytes}',
		segment: 'Segment',
		seq: 'seq',
		ack: 'ack',
		absRel: 'absolute / relative',
		segLen: 'SEG.LEN',
		c2s: 'C → S',
		s2c: 'S → C',
		c2sFull: 'client to server',
		s2cFull: 'server to client',
		rel: 'rel. {n}',
		noAck: '—',
		synCounts: '+1 SYN',
		finCounts: '+1 FIN',
		bytes: '{n} B',
		seqWraps: '↻ wraps past 2³²−1',
		ackWraps: '↻ wrapped',
		legend: 'SYN and FIN each take one sequence number, so they count in SEG.LEN although they carry no data. ↻ marks where numbers pass 4294967295 and start again at 0.',
		ran: 'Ran the connection: {count} segments. The client’s FIN has seq {finSeq}; the server’s last ack is {lastAck}.',
		unchanged: 'Nothing changed: {field}: {message}',
	},
	/** ScenarioDiagram: labels inside the diagrams and each scenario's caption and text alternative. */
	scenarioDiagram: {
		lost: '(lost)',
		rto: 'retransmission timer expires',
		timeWait: '2MSL timer expires',
		retransmit: '(retransmitted)',
		injected: '(old duplicate)',
		scenarios: {
			handshake: {
				title: 'The three-way handshake, run by the model (relative numbers)',
				description:
					'The client sends SYN seq=0 and enters SYN-SENT, the server in LISTEN replies SYN, ACK seq=0 ack=1 and enters SYN-RECEIVED, and the client answers ACK seq=1 ack=1 and is ESTABLISHED, as is the server once that ACK arrives.',
			},
			'lost-syn': {
				title: 'Lost SYN, run by the model',
				description:
					'The client’s first SYN is lost; when its retransmission timer expires after 1 s it sends the same SYN again, and the handshake then completes as usual.',
			},
			'lost-syn-ack': {
				title: 'Lost SYN, ACK, run by the model',
				description:
					'The server’s SYN, ACK is lost; after 1 s both timers expire, the client resends its SYN and the server its SYN, ACK, which makes the client ESTABLISHED; the server answers the repeated SYN with a bare ACK that changes nothing, and becomes ESTABLISHED when the client’s ACK arrives.',
			},
			'lost-ack': {
				title: 'Lost final ACK of the handshake, run by the model',
				description:
					'The client’s ACK is lost, so the client is ESTABLISHED while the server stays in SYN-RECEIVED until its timer expires after 1 s and it resends its SYN, ACK; the client acknowledges again and the server becomes ESTABLISHED.',
			},
			'simultaneous-open': {
				title: 'Simultaneous open, run by the model',
				description:
					'Both sides send a SYN at once; each receives the other’s SYN in SYN-SENT, enters SYN-RECEIVED and sends SYN, ACK, becomes ESTABLISHED when the other’s SYN, ACK arrives, and acknowledges it with an ACK: six segments in all.',
			},
			refused: {
				title: 'Connection refused, run by the model',
				description:
					'The client sends a SYN to a port where nothing listens; the host answers RST, ACK seq=0 ack=1, and the client goes from SYN-SENT to CLOSED.',
			},
			'old-duplicate-syn': {
				title: 'Old duplicate SYN (RFC 9293 Figure 8), run by the model (absolute numbers)',
				description:
					'An old SYN seq=90 arrives first and the server answers SYN, ACK seq=300 ack=91; the client, in SYN-SENT with ISN 100, resets it with RST seq=91, the server returns to LISTEN, and the delayed real SYN seq=100 then completes the handshake with SYN, ACK seq=400 ack=101 and ACK seq=101 ack=401.',
			},
			teardown: {
				title: 'The four-way teardown, run by the model (relative numbers)',
				description:
					'From ESTABLISHED the client sends FIN, ACK seq=1 ack=1 and enters FIN-WAIT-1, the server acknowledges with ACK seq=1 ack=2 in CLOSE-WAIT, later sends FIN, ACK seq=1 ack=2 and enters LAST-ACK, and the client’s ACK seq=2 ack=2 leaves the client in TIME-WAIT and the server CLOSED.',
			},
			'teardown-fin-ack': {
				title: 'Three-segment teardown, run by the model',
				description:
					'The server’s application closes within the delayed-ACK window, so its FIN, ACK seq=1 ack=2 carries the acknowledgement too, and the client goes from FIN-WAIT-1 straight to TIME-WAIT.',
			},
			'half-close': {
				title: 'Half-close, run by the model',
				description:
					'After the client’s FIN the server, in CLOSE-WAIT, still sends 100 bytes, which the client in FIN-WAIT-2 acknowledges with ack=101; then the server sends FIN, ACK seq=101 and the client’s ACK ack=102 closes it.',
			},
			'lost-final-ack': {
				title: 'The last ACK is lost, run by the model',
				description:
					'The client’s final ACK is lost; the server, still in LAST-ACK, retransmits its FIN after 1 s, and the client, still in TIME-WAIT, acknowledges it again, so the server closes.',
			},
			'simultaneous-close': {
				title: 'Simultaneous close, run by the model',
				description:
					'Both sides send FIN, ACK at once and enter FIN-WAIT-1; each receives the other’s FIN, acknowledges it and enters CLOSING, and each enters TIME-WAIT when the ACK of its own FIN arrives.',
			},
			'time-wait-expiry': {
				title: 'TIME-WAIT expires, run by the model',
				description:
					'After acknowledging the server’s FIN the client stays in TIME-WAIT while the server closes, and goes to CLOSED only when its 2MSL timer expires (4 minutes with the RFC’s MSL).',
			},
		},
	},
	/** SelfCheck: the quiz at the end of a lesson (front matter `quiz`). */
	selfCheck: {
		heading: 'Check yourself',
		intro: 'Choose an answer to each question to see whether it is right and why.',
		question: 'Question {n}',
		correct: 'Correct',
		incorrect: 'Not quite',
		/** The live region's words after a choice. */
		message: '{verdict}. {why}',
		/** Shown on the chosen option, next to its colour. */
		correctMark: '✓ Correct',
		incorrectMark: '✗ Not quite',
		reveal: 'Show the answer and every explanation',
		answer: 'Answer:',
		rightOption: '✓ Right answer:',
		wrongOption: '✗',
	},
	/** HandshakeExplorer and TeardownExplorer (src/widgets/explorer). */
	explorer: {
		title: { handshake: 'Handshake explorer', teardown: 'Teardown explorer' },
		intro: {
			handshake: 'Step through the segments, or play them. Select the segment on the wire to drop it and watch the retransmission timer.',
			teardown: 'Step through the close, or play it. Select the segment on the wire to drop it; after the last segment, watch TIME-WAIT count down.',
		},
		scenario: 'Scenario',
		scenarios: {
			handshake: 'Normal handshake',
			'lost-syn': 'Lost SYN',
			'lost-syn-ack': 'Lost SYN, ACK',
			'lost-ack': 'Lost ACK',
			'simultaneous-open': 'Simultaneous open',
			refused: 'Connection refused',
			'old-duplicate-syn': 'Old duplicate SYN',
			teardown: 'Normal close (four segments)',
			'teardown-fin-ack': 'FIN and ACK together',
			'half-close': 'Half-close: data in CLOSE-WAIT',
			'lost-final-ack': 'Lost final ACK',
			'simultaneous-close': 'Simultaneous close',
			'time-wait-expiry': 'TIME-WAIT expires',
		},
		closer: 'Who closes first',
		isn: 'Initial sequence numbers',
		isnClient: 'Client ISN',
		isnServer: 'Server ISN',
		apply: 'Use these',
		random: 'Random',
		isnError: 'Enter a whole number from 0 to 4294967295.',
		preset: 'TIME-WAIT length',
		presets: { rfc: 'RFC: 2 × MSL (2 min) = 4 min', linux: 'Linux: 60 s' },
		back: 'Back',
		next: 'Next',
		play: 'Play',
		pause: 'Pause',
		speed: 'Speed',
		speeds: { slow: 'Slow', normal: 'Normal', fast: 'Fast' },
		step: 'Step {n} of {total}',
		start: 'Start',
		dir: { client: 'client → server', server: 'server → client' },
		flags: 'Flags',
		seq: 'seq',
		ack: 'ack',
		relative: 'relative',
		absolute: 'absolute',
		none: '(none)',
		bytes: '{len} bytes of data',
		at: 't = {t} s',
		lost: '✗ lost',
		drop: 'Drop this segment ({flags}) and run the scenario again',
		undrop: 'Undo drops',
		dropped: 'Dropped: the model ran the scenario again.',
		cannotDrop: 'An injected segment',
		timeline: 'Timeline',
		rto: 'RTO {s} s',
		timeWait: 'TIME-WAIT {s} s',
		retransmission: '{side}: {flags} again at {t} s, after an RTO of {s} s',
		noRetransmission: 'No retransmission timer expired.',
		countdown: '{side} in TIME-WAIT: {time} left',
		countdownDone: '2MSL over: {side} is CLOSED.',
		clock: 'Clock sped up: 1 s shows {x} s',
		countdownPlay: 'Run the TIME-WAIT clock',
		countdownPause: 'Pause the TIME-WAIT clock',
		announce: '{step}: {dir}, {flags}, seq {seq}, ack {ack}. Client {client}, server {server}. {why}',
		announceStart: '{step}. Client {client}, server {server}. {why}',
		table: {
			caption: 'Every segment of “{scenario}”, relative numbers (absolute in brackets)',
			step: 'Step',
			direction: 'Direction',
			flags: 'Flags',
			seq: 'seq',
			ack: 'ack',
			client: 'Client state',
			server: 'Server state',
			why: 'Why',
		},
		/**
		 * One sentence per step, keyed by the model's codes: `lost`, or the send reason, then the
		 * state changes its arrival caused and the state they started from
		 * (`reason:event+event:FROM-STATE`), the most specific key found wins.
		 */
		why: {
			start: 'Nothing has been sent yet. Choose Next, or press →, to follow the first segment.',
			lost: 'The network loses this segment, so {receiver} never sees it; only a retransmission timer can repair that.',
			'syn:rcv-syn:LISTEN':
				'The client picks its initial sequence number and sends a SYN, which uses up one sequence number; the listening server moves to SYN-RECEIVED.',
			'syn:rcv-syn:SYN-SENT':
				'Both sides opened at once: this SYN reaches {receiver} while it is in SYN-SENT itself, so it moves to SYN-RECEIVED and answers with SYN, ACK.',
			syn: '{Sender} sends a SYN, but {receiver} has no listening socket for it.',
			'syn-ack:rcv-syn-ack':
				'{Sender} acknowledges the SYN (ack = its ISN + 1) and sends its own SYN in the same segment; {receiver} is now ESTABLISHED.',
			'syn-ack:rcv-ack-of-syn':
				'This SYN, ACK acknowledges {receiver}’s SYN, so {receiver} is ESTABLISHED; the SYN in it is a repeat, which {receiver} acknowledges.',
			'syn-ack': '{Sender} answers with SYN, ACK, but its ack matches no SYN that {receiver} sent.',
			'ack:rcv-ack-of-syn':
				'{Sender} acknowledges the SYN (ack = its ISN + 1); a bare ACK uses up no sequence number, and {receiver} is ESTABLISHED when it arrives.',
			'dup-ack:rcv-ack-of-syn': '{Sender} acknowledges the repeated SYN, ACK; this ACK gets through, so {receiver} is ESTABLISHED at last.',
			'dup-ack:rcv-ack-of-fin':
				'{Sender}, still in TIME-WAIT, acknowledges the repeated FIN and restarts its 2MSL timer; this time the ACK arrives and {receiver} is CLOSED.',
			'dup-ack': 'This ACK answers a segment that repeated something already received; it acknowledges nothing new and changes no state.',
			'challenge-ack': '{Sender} answers with a challenge ACK (RFC 5961): the segment was in its window but not the one it expected.',
			ack: '{Sender} acknowledges what it received: the ack is the next sequence number it expects.',
			'delayed-ack': '{Sender}’s delayed-ACK timer expired with nothing to ride on, so the ACK goes out alone.',
			'ack:rcv-ack-of-fin:FIN-WAIT-1':
				'{Sender}’s kernel acknowledges the FIN at once (ack = the FIN’s seq + 1); {receiver} moves to FIN-WAIT-2 and waits for the other FIN.',
			'ack:rcv-ack-of-fin:LAST-ACK': '{Sender} acknowledges the FIN and stays in TIME-WAIT; when this ACK arrives, {receiver} is CLOSED.',
			'ack:rcv-ack-of-fin:CLOSING': 'Each side acknowledges the other’s FIN; when the ACK of its own FIN arrives, {receiver} leaves CLOSING for TIME-WAIT.',
			'fin:rcv-fin:ESTABLISHED':
				'{Sender}’s application closes: it sends a FIN, which uses up one sequence number, and waits in FIN-WAIT-1; {receiver} is now in CLOSE-WAIT.',
			'fin:rcv-fin:FIN-WAIT-1': 'The FINs cross: {receiver} gets a FIN while its own is unacknowledged, acknowledges it and moves to CLOSING.',
			'fin:rcv-fin:FIN-WAIT-2':
				'{Sender}’s application has closed too: it sends its own FIN and waits in LAST-ACK; {receiver} acknowledges it and enters TIME-WAIT.',
			'fin:rcv-ack-of-fin+rcv-fin:FIN-WAIT-1':
				'{Sender}’s application closed inside the delayed-ACK window, so one segment acknowledges the FIN and carries its own; {receiver} goes from FIN-WAIT-1 straight to TIME-WAIT.',
			fin: '{Sender} sends a FIN: it has no more data to send.',
			data: '{Sender} still sends {len} bytes: a FIN closes one direction only, and this one is still open.',
			'rst-no-connection':
				'Nothing listens on that port, so the host answers with RST, ACK, ack = the SYN’s seq + 1; {receiver} accepts it and is CLOSED: connection refused.',
			'rst-bad-ack:rcv-rst':
				'{Sender} never sent the SYN being acknowledged, so it answers with a RST whose seq is that ack; {receiver} accepts it and returns to LISTEN.',
			'rst-bad-ack': '{Sender} answers with a RST: the segment acknowledged something it never sent.',
			'rst-listen': '{Sender} is listening and gets an ACK for no connection, so it answers with a RST.',
			'rst-abort': '{Sender} aborts the connection with a RST.',
			'injected:rcv-syn':
				'An old duplicate SYN from an earlier connection arrives first; the server cannot tell it is old, so it moves to SYN-RECEIVED and answers it.',
			injected: 'An old duplicate segment from an earlier connection arrives.',
			'retransmit-syn': '{Sender}’s retransmission timer expired before an answer came, so it sends the same SYN again, with the same ISN.',
			'retransmit-syn-ack': '{Sender}’s retransmission timer expired before its SYN was acknowledged, so it sends the SYN, ACK again.',
			'retransmit-fin': '{Sender}’s FIN was not acknowledged before its retransmission timer expired, so it sends it again.',
			retransmit: '{Sender}’s retransmission timer expired, so it sends the oldest unacknowledged segment again.',
		},
		the: { client: 'the client', server: 'the server' },
		The: { client: 'The client', server: 'The server' },
	},
};

export default en;
