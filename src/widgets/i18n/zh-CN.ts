import type { WidgetStrings } from './index';

/** 简体中文 strings of the widgets, the same shape as en.ts. */
const zhCN: WidgetStrings = {
	common: {
		client: '客户端',
		server: '服务器',
		lost: '丢失',
	},
};

export default zhCN;
