import en from './en';
import zhCN from './zh-CN';

export type WidgetStrings = typeof en;

/** The widget strings for a page's language (Starlight's `Astro.currentLocale` / `lang`). */
export function widgetStrings(lang: string | undefined): WidgetStrings {
	return lang?.toLowerCase().startsWith('zh') ? zhCN : en;
}
