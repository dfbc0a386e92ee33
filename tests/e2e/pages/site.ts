import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a page by its path inside the site (no leading slash), so tests run under any base path. */
export async function open(page: Page, path = ''): Promise<void> {
  const response = await page.goto(path.replace(/^\//, ''));
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
}

/** What the site draws on every page: header, navigation, theme, and the notices about saved data. */
export class SiteHeader {
  readonly mainNav: Locator;
  readonly siteNav: Locator;
  readonly playbookLink: Locator;
  readonly themeToggle: Locator;
  /** The header's search box (the first "Search the playbook" box on a page). */
  readonly searchBox: Locator;
  /** The button that opens the search box on narrow screens. */
  readonly searchOpener: Locator;
  /** The menu button of narrow screens. */
  readonly menu: Locator;
  /** The banner printing hides. */
  readonly banner: Locator;
  /** The notice that the browser will not keep what the reader does. */
  readonly storageNotice: Locator;
  /** The notice offering saved data that could not be read (download or discard). */
  readonly setAsideNotice: Locator;

  constructor(readonly page: Page) {
    this.mainNav = page.getByRole('navigation', { name: 'Main' });
    this.siteNav = page.getByRole('navigation', { name: 'Site' });
    this.playbookLink = this.mainNav.getByRole('link', { name: 'Playbook' });
    this.themeToggle = page.getByRole('button', { name: /Theme:/ });
    this.searchBox = page.getByRole('searchbox', { name: 'Search the playbook' }).first();
    this.searchOpener = page.getByRole('link', { name: 'Search the playbook', exact: true });
    this.menu = page.locator('details.menu');
    this.banner = page.locator('.site-header');
    this.storageNotice = page.locator('[data-storage-notice]');
    this.setAsideNotice = page.locator('[data-set-aside]');
  }

  /** The theme the page is drawn in: the `data-theme` attribute of the document. */
  get theme(): Locator {
    return this.page.locator('html');
  }

  /** Opens the narrow-screen menu if it is closed. */
  async openMenu(): Promise<void> {
    if (!(await this.menu.evaluate((d: HTMLDetailsElement) => d.open))) await this.menu.locator('summary').click();
  }

  /** Downloads the set-aside copy of unreadable saved data; resolves to the download. */
  async downloadSetAside() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download the set-aside data' }).click()]);
    return download;
  }

  /** Discards the set-aside copy. */
  async discardSetAside(): Promise<void> {
    await this.page.getByRole('button', { name: 'Discard it' }).click();
  }
}
