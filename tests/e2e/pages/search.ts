import type { Locator, Page } from '@playwright/test';
import { open, SiteHeader } from './site.ts';

/** A search box's results panel: the header's pop-over or the search page's list. */
export class SearchPanel {
  /** Every result shown. */
  readonly results: Locator;
  /** What the panel says about the results ("3 results for …", "No results …"). */
  readonly status: Locator;
  /** The panel's section filter. */
  readonly sectionFilter: Locator;

  constructor(
    readonly page: Page,
    readonly box: Locator,
    readonly panel: Locator,
  ) {
    this.results = panel.locator('[data-search-results] li');
    this.status = panel.getByRole('status');
    this.sectionFilter = panel.getByLabel('Section');
  }

  /** Types a word into the box; results appear as it is typed. */
  async search(word: string): Promise<void> {
    await this.box.fill(word);
  }

  /** The link of the result titled `title`. */
  resultLink(title: string): Locator {
    return this.results.getByRole('link', { name: title });
  }

  /** The results that carry a badge (such as "Glossary"). */
  resultsBadged(badge: string): Locator {
    return this.results.filter({ has: this.page.locator('.badge', { hasText: badge }) });
  }

  /** Follows the result titled `title`. */
  async openResultLink(title: string): Promise<void> {
    await this.resultLink(title).click();
  }

  /** Narrows the results to one section ("Glossary" for glossary terms). */
  async filterBySection(section: string): Promise<void> {
    await this.sectionFilter.selectOption(section);
  }
}

/** The search in the header of every page. */
export class HeaderSearch extends SearchPanel {
  constructor(page: Page) {
    super(page, new SiteHeader(page).searchBox, page.locator('#search-header-panel'));
  }
}

/** The search page, which reads its query from the address. */
export class SearchPage extends SearchPanel {
  constructor(page: Page) {
    super(page, page.getByRole('main').getByRole('searchbox'), page.locator('#search-page-panel'));
  }

  /** Opens the search page with a query in its address. */
  async goto(query: string): Promise<void> {
    await open(this.page, `search/?q=${encodeURIComponent(query)}`);
  }
}
