import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app';
import type { TestBrowser } from './browser';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The test command builds the page (`npm run build:web`) before Jest runs; this covers Jest started
 * alone and a `nest build` in between (it empties dist/, dist/web included).
 */
export function ensureSearchPageBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs'), '--no-check'], { cwd: ROOT, stdio: 'pipe' });
}

/** Drives the search page the way a user does, and reads back what it shows. */
export class SearchPageDriver {
  constructor(
    readonly app: TestApp,
    readonly browser: TestBrowser,
  ) {}

  async open(query = '', size: { width?: number; height?: number } = {}): Promise<Page> {
    const { page } = await this.browser.newPage(size);
    await page.goto(`${this.app.running.url}/${query ? `?${query}` : ''}`);
    await settled(page);
    return page;
  }

  /** searchCaseReports sent straight to the API, for comparison with what the page shows. */
  async search(input: Record<string, unknown>): Promise<ApiSearchResult> {
    const result = await this.app.graphql<{ searchCaseReports: ApiSearchResult }>(
      `query($input: SearchCaseReportsInput!) { searchCaseReports(input: $input) {
        totalCases totalPublications
        hits { edges { cursor node { caseReport { id publication { title year } } } } pageInfo { hasNextPage endCursor } }
        facets { facet values { value label termId termKey caseCount children { value label termId termKey caseCount children { value label termId termKey caseCount children { value label termId termKey caseCount } } } } }
      } }`,
      { input },
    );
    if (result.errors) throw new Error(`searchCaseReports failed: ${JSON.stringify(result.errors)}`);
    return result.data!.searchCaseReports;
  }
}

export interface ApiFacetValue {
  value: string;
  label: string;
  termId: string | null;
  termKey: string | null;
  caseCount: number;
  children?: ApiFacetValue[];
}

export interface ApiSearchResult {
  totalCases: number;
  totalPublications: number;
  hits: { edges: { cursor: string; node: { caseReport: { id: string; publication: { title: string; year: number | null } } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  facets: { facet: string; values: ApiFacetValue[] }[];
}

export function flatten(values: ApiFacetValue[]): ApiFacetValue[] {
  return values.flatMap((value) => [value, ...flatten(value.children ?? [])]);
}

/** Waits until no search is in flight and the results show a settled state. */
export async function settled(page: Page, timeout = 15000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const view = document.getElementById('results-view');
        const count = document.getElementById('result-count')?.textContent ?? '';
        return view?.getAttribute('aria-busy') === 'false' && count !== 'Loading…';
      },
      undefined,
      { timeout },
    );
  } catch (error) {
    // Say what the page shows instead of a bare timeout.
    const shown = await page.evaluate(() => ({
      url: location.href,
      busy: document.getElementById('results-view')?.getAttribute('aria-busy'),
      count: document.getElementById('result-count')?.textContent,
      status: document.getElementById('status')?.textContent,
    }));
    throw new Error(`the page did not settle: ${JSON.stringify(shown)} (${(error as Error).message.split('\n')[0]})`);
  }
}

/** The counts a facet shows, by filter value (term id or enum value). */
export async function shownFacetCounts(page: Page, facet: string): Promise<Record<string, number>> {
  return page.$$eval(`fieldset[data-facet="${facet}"] li.facet-value`, (items) =>
    Object.fromEntries(items.map((item) => [(item as HTMLElement).dataset.value as string, Number(item.querySelector(':scope > label .facet-count')?.getAttribute('data-count'))])),
  );
}

export async function shownCaseIds(page: Page): Promise<string[]> {
  return page.$$eval('#results .hit-link', (links) => links.map((link) => (link as HTMLElement).dataset.caseId as string));
}

export async function resultCountText(page: Page): Promise<string> {
  return (await page.textContent('#result-count'))?.trim() ?? '';
}

export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
