import { externalRequests, launchBrowser, screenshot, TestBrowser } from './support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** The GraphQL explorer must work on a machine with no internet: every asset comes from this app. */
describe('GraphQL explorer at /graphql, offline', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startTestApp();
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
  });
});
