import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

/** The explorer's assets, served from installed packages so the page needs no CDN. */
export const EXPLORER_ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': { file: join(dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: join(dirname(require.resolve('react-dom/package.json')), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
};

const DEFAULT_QUERY = `# Case reports of the demo corpus, with their publication and complications.
# Mutations need "Authorization: Bearer <key>" in the Headers tab.
query FirstCases {
  caseReports(first: 5) {
    totalCount
    edges {
      node {
        label
        ageYears
        sex
        pregnancyStatus
        outcome
        publication { title year doi pmid }
        complications { term { label meshUi } onsetHours }
      }
    }
  }
}
`;

export function explorerHtml(basePath = '/explorer-assets'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case report search: GraphQL explorer</title>
<link rel="stylesheet" href="${basePath}/graphiql.min.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="${basePath}/react.production.min.js"></script>
<script src="${basePath}/react-dom.production.min.js"></script>
<script src="${basePath}/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, shouldPersistHeaders: false })
  );
</script>
</body>
</html>`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The explorer page's policy: its scripts and styles from this app only, plus its one inline script
 * (allowed by hash, not by 'unsafe-inline'); GraphiQL injects styles at run time, so style-src is wider.
 */
export function explorerContentSecurityPolicy(basePath = '/explorer-assets'): string {
  const html = explorerHtml(basePath);
  const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => sha256(match[1]));
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
