import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page, Request } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

export interface TestBrowser {
  context: BrowserContext;
  /** Every request any page of this browser made, in order. */
  requests: { url: string; method: string; resourceType: string }[];
  /** Uncaught page errors and console errors (a CSP violation shows up here), in order. */
  errors: string[];
  newPage(options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Chromium on a fresh, throw-away profile (--user-data-dir), with every request and error recorded. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'case-report-chromium-'));
  // playwright-core passes the profile as --user-data-dir; it refuses the flag in `args`.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const requests: TestBrowser['requests'] = [];
  const errors: string[] = [];
  context.on('request', (request: Request) => requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() }));
  const pages: Page[] = [];
  return {
    context,
    requests,
    errors,
    async newPage({ width = 1280, height = 900 } = {}) {
      const page = await context.newPage();
      pages.push(page);
      await page.setViewportSize({ width, height });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      return { context, page };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Requests whose host is not this machine (data: and about: URLs never leave it either). */
export function externalRequests(requests: TestBrowser['requests']): string[] {
  return requests
    .map((request) => request.url)
    .filter((url) => {
      if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:')) return false;
      const host = new URL(url).hostname;
      return !['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host);
    });
}
