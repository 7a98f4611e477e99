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
};

export default en;
