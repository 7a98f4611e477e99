/** Starlight's search as the specs find it: its button, dialog, input and Pagefind's result links. */
import type { Page } from '@playwright/test';

export const searchButton = (page: Page) => page.locator('site-search button[data-open-modal]');
export const searchDialog = (page: Page) => page.locator('site-search dialog');
export const searchInput = (page: Page) => page.locator('#starlight__search input');
export const resultLinks = (page: Page) => page.locator('#starlight__search .pagefind-ui__result-link');
