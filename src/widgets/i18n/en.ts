/** English strings of the widgets. zh-CN.ts must have the same shape (the type checks it). */
const en = {
	/** Labels shared by every widget. */
	common: {
		client: 'Client',
		server: 'Server',
		lost: 'lost',
	},
};

export default en;
