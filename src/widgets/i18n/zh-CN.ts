import type { WidgetStrings } from './index';

/** 简体中文 strings of the widgets, the same shape as en.ts. */
const zhCN: WidgetStrings = {
	common: {
		client: '客户端',
		server: '服务器',
		lost: '丢失',
	},
	stateMachine: {
		title: '动手走一遍状态机',
		intro: '一个端点和一个假想的对端。选择一个事件，由模型决定它把连接带到哪里。',
		diagramLabel: 'RFC 9293 图 5 状态图，当前状态：{state}',
		currentState: '当前状态：{state}。',
		currentMarker: '当前',
		groups: { calls: '应用调用', segments: '收到的报文段', timeouts: '超时' },
		events: {
			'passive-open': '被动 OPEN',
			'active-open': '主动 OPEN',
			send: 'SEND',
			close: 'CLOSE',
			abort: 'ABORT',
			'rcv-syn': '收到 SYN',
			'rcv-syn-ack': '收到 SYN, ACK',
			'rcv-ack-of-syn': '收到对 SYN 的 ACK',
			'rcv-fin': '收到 FIN',
			'rcv-ack-of-fin': '收到对 FIN 的 ACK',
			'rcv-rst': '收到 RST',
			'timeout-2msl': '2MSL 超时',
			'timeout-retries': '重传次数用尽',
		},
		goesTo: '→ {to}',
		sends: '发送 {flags}',
		notValid: '✕ 此处无效',
		reset: '重置为 CLOSED',
		path: '走过的路径',
		moved: '{event}：{from} → {to}。',
		movedSent: '{event}：{from} → {to}，发送 {flags}。',
		notInFigure: '（RFC 9293 §3.10；图 5 没有画出这条箭头。）',
		invalid: '{event} 在 {state} 状态下无效：{reason}',
		start: '起点：CLOSED。请选择一个事件。',
		errors: {
			'connection-does-not-exist': '“error: connection does not exist”（连接不存在，RFC 9293 §3.10）。',
			'connection-already-exists': '“error: connection already exists”（连接已存在，RFC 9293 §3.10.1）。',
			'connection-closing': '“error: connection closing”（连接正在关闭，RFC 9293 §3.10）：这一端已经关闭过了。',
			'foreign-socket-unspecified': '“error: foreign socket unspecified”（未指定对端套接字，RFC 9293 §3.10）。',
		},
		reasons: {
			noTimeWait: '没有在运行的 2MSL 计时器，它只在进入 TIME-WAIT 时启动。',
			noRetransmission: '没有在运行的重传计时器：已发送的内容都不在等待确认。',
			queued: '数据先排队，等连接进入 ESTABLISHED 再发送（RFC 9293 §3.10.2），状态不变。',
			data: '数据装在一个 PSH, ACK 报文段里发出，状态不变。',
			rstListen: '在 LISTEN 状态下任何 ACK 都不可接受，端点回复 RST 并继续监听（§3.10.7.2）。',
			rstNoConnection: '连接不存在，端点回复 RST（§3.10.7.1）。',
			rstBadAck: '它的 ACK 确认了这一端从未发送的内容，端点回复 RST（§3.10.7）。',
			challengeAck: '已同步的连接收到 SYN 只会回一个挑战 ACK（RFC 5961 §4），状态不变。',
			ack: '这是重复的或此处不可接受的报文段，端点回复一个 ACK，状态不变（§3.10.7.4）。',
			ignored: '在 {state} 状态下这个报文段被忽略（§3.10.7）。',
		},
		table: {
			caption: 'RFC 9293 图 5 的全部状态转换',
			from: '原状态',
			event: '事件',
			to: '新状态',
			sends: '发送的报文段',
			none: '无',
			last: '刚走过',
		},
	},
	lab: {
		title: '序号实验室',
		intro: '为两端选定 ISN 和各自发送的字节数，模型会跑完整个连接。',
		clientIsn: '客户端 ISN',
		serverIsn: '服务器 ISN',
		clientBytes: '客户端发送（字节）',
		serverBytes: '服务器回复（字节）',
		isnHint: '0 到 4294967295',
		bytesHint: '0 到 65535',
		run: '运行连接',
		random: '随机 ISN',
		wrap: '接近回绕',
		errors: {
			empty: '请输入一个数。',
			notNumber: '这不是数字：请只用 0–9。',
			notWhole: '请输入整数，只用数字书写。',
			range: '必须在 0 到 {max} 之间。',
		},
		caption: '每一个报文段：客户端 ISN {clientIsn}，服务器 ISN {serverIsn}；客户端发送 {clientBytes} 字节，服务器 {serverBytes} 字节',
		segment: '报文段',
		seq: 'seq',
		ack: 'ack',
		absRel: '绝对 / 相对',
		segLen: 'SEG.LEN',
		c2s: '客 → 服',
		s2c: '服 → 客',
		c2sFull: '客户端到服务器',
		s2cFull: '服务器到客户端',
		rel: '相对 {n}',
		noAck: '—',
		synCounts: '+1 SYN',
		finCounts: '+1 FIN',
		bytes: '{n} 字节',
		seqWraps: '↻ 越过 2³²−1 回绕',
		ackWraps: '↻ 已回绕',
		legend: 'SYN 和 FIN 各占一个序号，所以虽然不带数据，也计入 SEG.LEN。↻ 标出序号越过 4294967295、从 0 重新开始的地方。',
		ran: '连接已运行：共 {count} 个报文段。客户端 FIN 的 seq 为 {finSeq}；服务器最后的 ack 为 {lastAck}。',
		unchanged: '没有改变：{field}：{message}',
	},
	scenarioDiagram: {
		lost: '（丢失）',
		rto: '重传计时器超时',
		timeWait: '2MSL 计时器到期',
		retransmit: '（重传）',
		injected: '（旧的重复报文）',
		scenarios: {
			handshake: {
				title: '三次握手：由模型运行（相对序号）',
				description:
					'客户端发送 SYN seq=0 并进入 SYN-SENT，处于 LISTEN 的服务器回复 SYN, ACK seq=0 ack=1 并进入 SYN-RECEIVED，客户端回复 ACK seq=1 ack=1 后进入 ESTABLISHED，服务器在这个 ACK 到达时也进入 ESTABLISHED。',
			},
			'lost-syn': {
				title: 'SYN 丢失：由模型运行',
				description: '客户端的第一个 SYN 丢失；1 秒后重传计时器超时，客户端再次发送同一个 SYN，之后握手照常完成。',
			},
			'lost-syn-ack': {
				title: 'SYN, ACK 丢失：由模型运行',
				description:
					'服务器的 SYN, ACK 丢失；1 秒后双方的计时器都超时，客户端重发 SYN，服务器重发 SYN, ACK，客户端因此进入 ESTABLISHED；服务器用一个不改变任何状态的纯 ACK 回答重复的 SYN，并在客户端的 ACK 到达时进入 ESTABLISHED。',
			},
			'lost-ack': {
				title: '握手的最后一个 ACK 丢失：由模型运行',
				description:
					'客户端的 ACK 丢失，客户端已是 ESTABLISHED，服务器仍停在 SYN-RECEIVED，直到 1 秒后计时器超时并重发 SYN, ACK；客户端再次确认，服务器进入 ESTABLISHED。',
			},
			'simultaneous-open': {
				title: '同时打开：由模型运行',
				description:
					'双方同时发送 SYN；各自在 SYN-SENT 中收到对方的 SYN，进入 SYN-RECEIVED 并发送 SYN, ACK，收到对方的 SYN, ACK 后进入 ESTABLISHED 并用一个 ACK 确认它，共六个报文段。',
			},
			refused: {
				title: '连接被拒绝：由模型运行',
				description: '客户端向一个没有监听的端口发送 SYN；对方主机回复 RST, ACK seq=0 ack=1，客户端从 SYN-SENT 进入 CLOSED。',
			},
			'old-duplicate-syn': {
				title: '旧的重复 SYN（RFC 9293 图 8）：由模型运行（绝对序号）',
				description:
					'一个旧的 SYN seq=90 先到达，服务器回复 SYN, ACK seq=300 ack=91；处于 SYN-SENT、ISN 为 100 的客户端用 RST seq=91 重置它，服务器回到 LISTEN，随后迟到的真正 SYN seq=100 以 SYN, ACK seq=400 ack=101 和 ACK seq=101 ack=401 完成握手。',
			},
			teardown: {
				title: '四次挥手：由模型运行（相对序号）',
				description:
					'客户端从 ESTABLISHED 发送 FIN, ACK seq=1 ack=1 并进入 FIN-WAIT-1，服务器以 ACK seq=1 ack=2 确认并处于 CLOSE-WAIT，之后发送 FIN, ACK seq=1 ack=2 并进入 LAST-ACK，客户端的 ACK seq=2 ack=2 使客户端处于 TIME-WAIT、服务器进入 CLOSED。',
			},
			'teardown-fin-ack': {
				title: '三个报文段的挥手：由模型运行',
				description:
					'服务器的应用在延迟确认的窗口内就关闭了，所以它的 FIN, ACK seq=1 ack=2 同时带上了确认，客户端从 FIN-WAIT-1 直接进入 TIME-WAIT。',
			},
			'half-close': {
				title: '半关闭：由模型运行',
				description:
					'收到客户端的 FIN 后，处于 CLOSE-WAIT 的服务器仍发送 100 字节，处于 FIN-WAIT-2 的客户端以 ack=101 确认；随后服务器发送 FIN, ACK seq=101，客户端的 ACK ack=102 使它关闭。',
			},
			'lost-final-ack': {
				title: '最后一个 ACK 丢失：由模型运行',
				description:
					'客户端的最后一个 ACK 丢失；仍处于 LAST-ACK 的服务器在 1 秒后重传 FIN，仍处于 TIME-WAIT 的客户端再次确认，服务器随即关闭。',
			},
			'simultaneous-close': {
				title: '同时关闭：由模型运行',
				description:
					'双方同时发送 FIN, ACK 并进入 FIN-WAIT-1；各自收到对方的 FIN 后确认它并进入 CLOSING，收到对自己 FIN 的确认后进入 TIME-WAIT。',
			},
			'time-wait-expiry': {
				title: 'TIME-WAIT 到期：由模型运行',
				description:
					'确认服务器的 FIN 之后，客户端停留在 TIME-WAIT，服务器则已关闭；客户端要等 2MSL 计时器到期（按 RFC 的 MSL 为 4 分钟）才进入 CLOSED。',
			},
		},
	},
	selfCheck: {
		heading: '自测',
		intro: '为每道题选一个答案，看看它对不对、为什么。',
		question: '第 {n} 题',
		correct: '正确',
		incorrect: '不对',
		message: '{verdict}。{why}',
		correctMark: '✓ 正确',
		incorrectMark: '✗ 不对',
		reveal: '显示答案和每个选项的解释',
		answer: '答案：',
		rightOption: '✓ 正确答案：',
		wrongOption: '✗',
	},
};

export default zhCN;
