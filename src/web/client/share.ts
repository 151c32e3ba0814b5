/**
 * What a search or a case says about itself when shared: the page title and description (a bookmark or
 * a pasted link says what it is), a citation of the search (query, filters, date, link), and copying.
 * Pure formatting apart from `copyText`.
 */

export interface SharedFilter {
  facetTitle: string;
  label: string;
}

/** "“blood patch” · Complication: Intrathecal hematoma, Pregnancy status: Postpartum" (text first, then the filters). */
export function describeSearch(text: string, filters: SharedFilter[]): string {
  const parts: string[] = [];
  if (text.trim()) parts.push(`“${text.trim()}”`);
  const byFacet = new Map<string, string[]>();
  for (const filter of filters) {
    if (filter.facetTitle === 'Text') continue;
    byFacet.set(filter.facetTitle, [...(byFacet.get(filter.facetTitle) ?? []), filter.label]);
  }
  const named = [...byFacet].map(([facet, labels]) => `${facet}: ${labels.join(' or ')}`);
  if (named.length) parts.push(named.join('; '));
  return parts.join(' · ');
}

/** The page title: the search (shortened), then the page's name. */
export function searchTitle(description: string, pageName: string): string {
  if (!description) return pageName;
  const short = description.length > 120 ? `${description.slice(0, 119)}…` : description;
  return `${short} · ${pageName}`;
}

/** A sentence for the description meta tag (what a link preview and a bookmark show). */
export function searchSummary(description: string, totals: { cases: number; publications: number } | null): string {
  const found = totals ? `${totals.cases} published ${totals.cases === 1 ? 'case' : 'cases'} in ${totals.publications} ${totals.publications === 1 ? 'publication' : 'publications'}` : 'Published case reports';
  return description ? `${found} for ${description}.` : `${found} of complications, searchable by complication, procedure, population and outcome.`;
}

/** "Case report search: “blood patch” · Sex: Female. Searched 2026-12-01. https://…" */
export function searchCitation(description: string, date: Date, url: string): string {
  const day = date.toISOString().slice(0, 10);
  return `Case report search${description ? `: ${description}` : ' (all cases)'}. Searched ${day}. ${url}`;
}

/** Copies text to the clipboard; false where the browser refuses (no secure context, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection-based copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
