import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The page talks only to this origin: no CDN, no external fonts, no inline script. The policy makes
 * the browser enforce that, and no-referrer keeps search terms (they are in the URL) from leaking to
 * doi.org or PubMed when a user follows a citation link.
 */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** The built page lives in dist/web at the project root (scripts/build-web.mjs), wherever this file runs from (src/ or dist/src/). */
function builtPageDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

/** Serves the search page at `/`, the review workspace at `/workspace`, and their content-hashed assets, built from src/web/client by `npm run build:web`. */
@Controller()
export class SearchPageController {
  private readonly root = builtPageDir();

  @Get()
  page(@Res() response: Response): Promise<void> {
    return this.send(response, 'index.html', 'The search page');
  }

  /** The review workspace: the same strict policy as the search page (its scripts come from this origin only). */
  @Get('workspace')
  workspace(@Res() response: Response): Promise<void> {
    return this.send(response, 'workspace.html', 'The workspace');
  }

  private async send(response: Response, file: string, what: string): Promise<void> {
    let html: string;
    try {
      html = await readFile(join(this.root, file), 'utf8');
    } catch {
      throw new ServiceUnavailableException(`${what} is not built: run \`npm run build:web\`. The GraphQL API is at /graphql.`);
    }
    response.set({ ...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.send(html);
  }

  @Get('assets/:name')
  async asset(@Param('name') name: string, @Res() response: Response): Promise<void> {
    const type = CONTENT_TYPES[extname(name)];
    // Only plain file names that the build produced: no paths, no dot files.
    if (!type || !/^[A-Za-z0-9][\w.-]*$/.test(name)) throw new NotFoundException(`no asset named ${name}`);
    let body: Buffer;
    try {
      body = await readFile(join(this.root, 'assets', name));
    } catch {
      throw new NotFoundException(`no asset named ${name}`);
    }
    response.set({ 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=31536000, immutable' });
    response.send(body);
  }
}
