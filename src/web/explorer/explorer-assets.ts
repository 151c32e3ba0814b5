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
# The next tab holds the README's question, with its variables.
# (This operation has no name: GraphiQL 3 sends the name of the tab it opened with to the next tab.)
{
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

/** The README's question, with its variables: how many, and how did they end? */
const README_QUESTION = `# "Intrathecal or spinal subdural hematoma after an epidural blood patch, in pregnant or
#  postpartum patients: how many, and how did they end?" (the README's question)
query ReadmeQuestion($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases
    totalPublications
    facets { facet values { label caseCount publicationCount } }
    hits { edges { node { caseReport { label outcome publication { title year } } } } }
  }
}
`;

const README_VARIABLES = JSON.stringify(
  {
    input: {
      filters: {
        complications: ['intrathecal-hematoma', 'spinal-subdural-hematoma'],
        procedures: ['epidural-blood-patch'],
        pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'],
      },
      facets: [{ facet: 'OUTCOME', includeZero: true }],
      first: 5,
    },
  },
  null,
  2,
);

/** Tabs the explorer opens with: the plain list, and the README's question ready to run. */
export const EXPLORER_TABS = [
  { query: DEFAULT_QUERY },
  { query: README_QUESTION, variables: README_VARIABLES },
];

export function explorerHtml(basePath = '/explorer-assets'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case report search: GraphQL explorer</title>
<link rel="stylesheet" href="${basePath}/graphiql.min.css">
<style>html,body,#graphiql{height:100%;margin:0}
/* Darker syntax and chrome colours than GraphiQL's defaults: every token at 4.5:1 or more on white (WCAG AA). */
.graphiql-container .cm-def{color:#00695c}
.graphiql-container .cm-property{color:#0b4f8a}
.graphiql-container .cm-attribute{color:#7a4100}
.graphiql-container .cm-keyword{color:#a8005a}
.graphiql-container .cm-string,.graphiql-container .cm-string-2{color:#9c2a00}
.graphiql-container .cm-number{color:#1e6b2e}
.graphiql-container .cm-variable{color:#5b2c8f}
.graphiql-container .cm-atom,.graphiql-container .cm-builtin{color:#6a3d00}
.graphiql-container .cm-comment,.graphiql-container .cm-punctuation{color:#555}
.graphiql-container .CodeMirror-linenumber{color:#595959}
.graphiql-container .graphiql-tab,.graphiql-container .graphiql-tab-button{color:#333}
#graphiql a{color:#1f1f1f !important}
</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script src="${basePath}/react.production.min.js"></script>
<script src="${basePath}/react-dom.production.min.js"></script>
<script src="${basePath}/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs: ${JSON.stringify(EXPLORER_TABS)}, shouldPersistHeaders: false })
  );
</script>
<script>
  // GraphiQL leaves its editors unnamed, its scrolling panes unreachable by keyboard, and buttons nested
  // in its tab elements: name and fix them as they appear (each change only when needed, so no loop).
  const setAttr = (element, name, value) => { if (element.getAttribute(name) !== value) element.setAttribute(name, value); };
  const mend = () => {
    document.querySelectorAll('.graphiql-query-editor textarea').forEach((t) => setAttr(t, 'aria-label', 'GraphQL query'));
    document.querySelectorAll('.graphiql-editor-tool .graphiql-editor').forEach((editor, index) => editor.querySelectorAll('textarea').forEach((t) => setAttr(t, 'aria-label', index === 0 ? 'Variables (JSON)' : 'Headers (JSON)')));
    document.querySelectorAll('.graphiql-response textarea').forEach((t) => setAttr(t, 'aria-label', 'Response'));
    document.querySelectorAll('.CodeMirror-scroll').forEach((pane) => setAttr(pane, 'tabindex', '0'));
    document.querySelectorAll('ul.graphiql-tabs').forEach((list) => setAttr(list, 'role', 'group'));
    document.querySelectorAll('li.graphiql-tab').forEach((tab) => {
      setAttr(tab, 'role', 'none');
      if (tab.hasAttribute('aria-selected')) tab.removeAttribute('aria-selected');
      const button = tab.querySelector('.graphiql-tab-button');
      if (button) setAttr(button, 'aria-current', tab.classList.contains('graphiql-tab-active') ? 'true' : 'false');
    });
  };
  new MutationObserver(mend).observe(document.getElementById('graphiql'), { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'role', 'aria-selected'] });
  mend();
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
