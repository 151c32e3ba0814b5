/** The active filters as removable chips, plus "Clear all". */
import { h } from '../dom';
import { rangeFacetsOf, valueFacetsOf } from '../facets';
import { formatNumber } from '../labels';
import type { SearchState } from '../search-state';

export interface ActiveFilter {
  /** Stable identity, used to keep focus when chips re-render. */
  key: string;
  facetTitle: string;
  label: string;
  remove(state: SearchState): SearchState;
}

export function activeFilters(state: SearchState, labelOf: (param: string, value: string) => string, change: (state: SearchState, edit: (draft: SearchState) => void) => SearchState): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (state.text.trim()) {
    const text = state.text.trim();
    filters.push({ key: 'text', facetTitle: 'Text', label: text.includes('"') ? text : `“${text}”`, remove: (current) => change(current, (draft) => (draft.text = '')) });
  }
  for (const facet of valueFacetsOf(state.scope)) {
    for (const value of state.lists[facet.filter]) {
      filters.push({
        key: `${facet.param}:${value}`,
        facetTitle: facet.title,
        label: labelOf(facet.param, value),
        remove: (current) => change(current, (draft) => (draft.lists[facet.filter] = draft.lists[facet.filter].filter((existing) => existing !== value))),
      });
    }
  }
  if (state.followed && state.scope === 'cases') {
    filters.push({ key: 'sequence', facetTitle: 'Sequence', label: 'complication after the selected procedure', remove: (current) => change(current, (draft) => (draft.followed = false)) });
  }
  for (const facet of rangeFacetsOf(state.scope)) {
    const range = state.ranges[facet.filter];
    if (!range) continue;
    const label =
      range.min !== null && range.max !== null
        ? `${formatNumber(range.min)}–${formatNumber(range.max)}`
        : range.min !== null
          ? `from ${formatNumber(range.min)}`
          : `up to ${formatNumber(range.max as number)}`;
    filters.push({ key: facet.param, facetTitle: facet.title, label, remove: (current) => change(current, (draft) => (draft.ranges[facet.filter] = null)) });
  }
  return filters;
}

export function renderChips(filters: ActiveFilter[], onRemove: (filter: ActiveFilter, index: number) => void, onClearAll: () => void): HTMLElement[] {
  if (!filters.length) return [];
  const list = h(
    'ul',
    { class: 'chips', role: 'list' },
    filters.map((filter, index) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'chip',
            'data-focus-key': `chip:${filter.key}`,
            'data-chip': filter.key,
            'aria-label': `Remove filter ${filter.facetTitle}: ${filter.label}`,
            onclick: () => onRemove(filter, index),
          },
          h('span', { class: 'chip-facet' }, `${filter.facetTitle}: `),
          h('span', { class: 'chip-label' }, filter.label),
          h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'),
        ),
      ),
    ),
  );
  const clear = h('button', { type: 'button', class: 'link-button clear-all', 'data-focus-key': 'clear-all', onclick: onClearAll }, 'Clear all');
  return [h('h2', { class: 'visually-hidden', id: 'chips-heading' }, 'Active filters'), list, clear];
}
