import en from './en';
import zhCN from './zh-CN';

export type WidgetStrings = typeof en;

/** The site's locale for a page's language (Starlight's `Astro.currentLocale` / `lang`). */
export const widgetLocale = (lang: string | undefined): 'en' | 'zh-CN' => (lang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** The widget strings for a page's language. */
export function widgetStrings(lang: string | undefined): WidgetStrings {
	return widgetLocale(lang) === 'zh-CN' ? zhCN : en;
}
