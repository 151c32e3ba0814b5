import { accessibilityViolations } from './support/accessibility';
import { externalRequests, launchBrowser, screenshot, TestBrowser } from './support/browser';
import { waitForIndex } from '../support/search-index';
import { startTestApp, TestApp } from '../support/test-app';

/** The GraphQL explorer must work on a machine with no internet: every asset comes from this app. */
describe('GraphQL explorer at /graphql, offline', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startTestApp();
    // The demo corpus is searchable once the outbox is empty (it is indexed after the start).
    await waitForIndex(app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads with the network cut off and runs a query against the demo corpus', async () => {
    const { context, page } = await browser.newPage();
    // Cut the network: anything not served by this machine fails, as it would behind a firewall.
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort('internetdisconnected');
    });
    await page.goto(`${app.running.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.getByText('"totalCount": 23').waitFor({ timeout: 30000 });
    await expect(response.textContent()).resolves.toContain('"pregnancyStatus"');
    await screenshot(page, 'explorer-offline');
    expect(externalRequests(browser.requests)).toEqual([]);
    expect(browser.errors).toEqual([]);
    // No serious or critical WCAG 2.1 AA violation (GraphiQL's editors named and its colours darkened).
    expect((await accessibilityViolations(page)).filter((v) => /\((serious|critical)\)/.test(v))).toEqual([]);
  });

  it('opens with the README question as a ready tab, with its variables, beside the plain list query', async () => {
    const { page } = await browser.newPage();
    await page.goto(`${app.running.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBe(2);
    await tabs.nth(1).click();
    await page.locator('.graphiql-query-editor').getByText('ReadmeQuestion').waitFor({ timeout: 30000 });
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"data"') || (document.querySelector('.graphiql-response')?.textContent ?? '').includes('"errors"'), undefined, { timeout: 30000 });
    await response.getByText('"totalCases": 5').waitFor({ timeout: 30000 });
    await expect(response.textContent()).resolves.toContain('"label": "Full recovery"');
  });
});
