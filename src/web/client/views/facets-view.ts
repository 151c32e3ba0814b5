/**
 * The facet panel: checkbox lists with counts (the complication facet as an expandable tree) and
 * range inputs with a small histogram. Native checkboxes and buttons, so Tab, Space and Enter work
 * as everywhere; on top of that, arrow keys move between the checkboxes of one facet and, in the
 * tree, ArrowRight / ArrowLeft expand, collapse and go to the parent term.
 */
import { append, h, svg } from '../dom';
import { facetsOf, knownLabel, ListFilterKey, RangeFacetConfig, RangeFilterKey, Scope, ValuesFacetConfig } from '../facets';
import { enumLabel, formatNumber } from '../labels';
import type { FacetData, FacetValueData } from '../queries';
import type { Range, SearchState } from '../search-state';

export interface FacetHandlers {
  toggle(filter: ListFilterKey, value: string): void;
  setRange(filter: RangeFilterKey, range: Range | null): void;
  /** A label the panel learnt for a value (the chips use it). */
  learnLabel(param: string, value: string, label: string): void;
  labelOf(param: string, value: string): string;
  /** The "complication after the selected procedure" toggle (SearchState.followed). */
  setFollowed(followed: boolean): void;
}

/** What the panel remembers between renders and is not part of the search (not in the URL). */
export interface FacetPanelMemory {
  expandedTerms: Set<string>;
  showAll: Set<string>;
}

/** The filter value of a facet value: the term's stable key for term facets (links work on any installation), the value itself otherwise. */
export function filterValueOf(config: ValuesFacetConfig, value: FacetValueData): string {
  return config.values === 'terms' ? (value.termKey ?? value.termId ?? value.value) : value.value;
}

/** The label a facet value shows: the facet's own label for it, else the server's, else the value made readable. */
export function valueLabel(config: ValuesFacetConfig, value: FacetValueData): string {
  return knownLabel(config, value.value) ?? (value.label || (config.values === 'text' ? value.value : enumLabel(value.value)));
}

/** What the counts of a scope count. */
export function countUnit(scope: Scope, count: number): string {
  return scope === 'publications' ? (count === 1 ? 'publication' : 'publications') : count === 1 ? 'case' : 'cases';
}

export function renderFacets(facets: FacetData[] | null, state: SearchState, handlers: FacetHandlers, memory: FacetPanelMemory): HTMLElement[] {
  return facetsOf(state.scope).map((config) => {
    const data = facets?.find((facet) => facet.facet === config.facet) ?? null;
    return config.kind === 'range' ? rangeFacet(config, data, state, handlers) : valuesFacet(config, data, state, handlers, memory);
  });
}

/**
 * "Complication after the selected procedure": links the complication and procedure selections through
 * the recorded sequence (a hematoma after a lumbar puncture, later treated with a blood patch, is no
 * hematoma after a blood patch); the complication counts then count only complications after the
 * selected procedures, the procedure counts only procedures the selected complications followed.
 */
function sequenceToggle(state: SearchState, handlers: FacetHandlers): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'sequence-after', 'data-focus-key': 'sequence-after', 'aria-describedby': 'sequence-after-hint' }) as HTMLInputElement;
  box.checked = state.followed;
  box.addEventListener('change', () => handlers.setFollowed(box.checked));
  const both = state.lists.complications.length > 0 && state.lists.procedures.length > 0;
  const hint = state.followed
    ? both
      ? 'Only complications recorded as caused by / after the selected procedures; counts follow.'
      : 'Counts show complications after the selected procedure (or procedures before the selected complication).'
    : 'Select a complication and a procedure, then tick to keep only complications caused by / after that procedure.';
  return h(
    'div',
    { class: 'facet-sequence' },
    h('label', { class: 'facet-sequence-label', for: 'sequence-after' }, box, ' Complication after the selected procedure'),
    h('p', { class: 'facet-note', id: 'sequence-after-hint' }, hint),
  );
}

function facetId(config: { facet: string }): string {
  return `facet-${config.facet.toLowerCase().replace(/_/g, '-')}`;
}

function valuesFacet(config: ValuesFacetConfig, data: FacetData | null, state: SearchState, handlers: FacetHandlers, memory: FacetPanelMemory): HTMLElement {
  const selected = state.lists[config.filter];
  const values = data ? [...data.values] : [];
  const seen = new Set<string>();
  const collect = (list: FacetValueData[]) => {
    for (const value of list) {
      const filterValue = filterValueOf(config, value);
      seen.add(filterValue);
      handlers.learnLabel(config.param, filterValue, valueLabel(config, value));
      if (value.children) collect(value.children);
    }
  };
  collect(values);
  // A selected value the counts no longer list (e.g. no match for the current text) stays visible, so it can be unticked.
  for (const value of selected) {
    if (!seen.has(value)) values.push({ value, termId: config.values === 'terms' ? value : null, label: handlers.labelOf(config.param, value), caseCount: 0, publicationCount: 0, selected: true, children: [] });
  }

  const id = facetId(config);
  const fieldset = h('fieldset', { class: 'facet', id, 'data-facet': config.facet }, h('legend', {}, config.title, selected.length ? h('span', { class: 'facet-selected-count' }, ` (${selected.length} selected)`) : null));
  if (config.facet === 'PROCEDURE' && state.scope === 'cases') fieldset.append(sequenceToggle(state, handlers));
  if (!values.length) {
    fieldset.append(h('p', { class: 'facet-empty' }, data ? 'No values for this search.' : '…'));
    return fieldset;
  }

  const showAll = memory.showAll.has(config.facet) || config.tree;
  const shown = showAll ? values : values.slice(0, config.visible);
  // Keep selected values visible even when "show all" is off.
  if (!showAll) for (const value of values.slice(config.visible)) if (selected.includes(filterValueOf(config, value))) shown.push(value);

  usedIds = new Set();
  const list = h('ul', { class: config.tree ? 'facet-list facet-tree' : 'facet-list', role: 'list' });
  for (const value of shown) list.append(valueItem(config, value, selected, handlers, memory, 0, null));
  fieldset.append(list);
  fieldset.addEventListener('keydown', (event) => onFacetKeydown(event, fieldset));

  if (!config.tree && values.length > config.visible) {
    const expanded = memory.showAll.has(config.facet);
    fieldset.append(
      h(
        'button',
        {
          type: 'button',
          class: 'link-button facet-more',
          'aria-expanded': String(expanded),
          'aria-controls': id,
          'data-focus-key': `more:${config.facet}`,
          onclick: () => {
            if (expanded) memory.showAll.delete(config.facet);
            else memory.showAll.add(config.facet);
            fieldset.replaceWith(valuesFacet(config, data, state, handlers, memory));
            document.querySelector<HTMLElement>(`[data-focus-key="more:${config.facet}"]`)?.focus();
          },
        },
        expanded ? 'Show fewer' : `Show all ${values.length}`,
      ),
    );
  }
  return fieldset;
}

/** Ids handed out in this drawing of a facet: a MeSH descriptor can sit under two broader ones, and ids must stay unique. */
let usedIds = new Set<string>();

function uniqueId(base: string): string {
  let id = base;
  for (let n = 2; usedIds.has(id); n += 1) id = `${base}-${n}`;
  usedIds.add(id);
  return id;
}

function containsSelected(value: FacetValueData, config: ValuesFacetConfig, selected: string[]): boolean {
  return (value.children ?? []).some((child) => selected.includes(filterValueOf(config, child)) || containsSelected(child, config, selected));
}

function valueItem(config: ValuesFacetConfig, value: FacetValueData, selected: string[], handlers: FacetHandlers, memory: FacetPanelMemory, depth: number, parentKey: string | null): HTMLElement {
  const filterValue = filterValueOf(config, value);
  const focusKey = `${config.facet}:${filterValue}`;
  const checked = selected.includes(filterValue);
  const children = value.children ?? [];
  const label = valueLabel(config, value);
  const inputId = uniqueId(`f-${config.facet}-${filterValue}`.replace(/[^\w-]/g, '_'));
  const checkbox = h('input', {
    type: 'checkbox',
    id: inputId,
    checked,
    'data-focus-key': focusKey,
    'data-value': filterValue,
    'data-parent-key': parentKey,
    onchange: () => handlers.toggle(config.filter, filterValue),
  });
  const item = h('li', { class: 'facet-value', 'data-value': filterValue, 'data-depth': depth });
  if (config.tree) {
    const expandKey = `${config.facet}:${filterValue}`;
    if (containsSelected(value, config, selected) && !memory.expandedTerms.has(`closed:${expandKey}`)) memory.expandedTerms.add(expandKey);
    const expanded = memory.expandedTerms.has(expandKey);
    if (children.length) {
      const groupId = `${inputId}-children`;
      const toggle = h(
        'button',
        {
          type: 'button',
          class: 'tree-toggle',
          'aria-expanded': String(expanded),
          'aria-controls': groupId,
          'aria-label': `${expanded ? 'Hide' : 'Show'} narrower terms of ${label}`,
          'data-focus-key': `toggle:${focusKey}`,
          'data-toggle-for': focusKey,
        },
        h('span', { class: 'tree-toggle-icon', 'aria-hidden': 'true' }),
      );
      toggle.addEventListener('click', () => setExpanded(item, !memory.expandedTerms.has(expandKey), memory, expandKey, label));
      item.append(toggle);
      checkbox.setAttribute('aria-expanded', String(expanded));
    } else {
      item.append(h('span', { class: 'tree-spacer', 'aria-hidden': 'true' }));
    }
    item.append(optionLabel(config.scope, inputId, checkbox, label, value));
    if (children.length) {
      // Narrower terms are rendered when first shown: with the MeSH vocabulary a tree can hold thousands of values.
      const group = h('ul', { class: 'facet-list', role: 'list', id: `${inputId}-children`, hidden: !expanded });
      const fill = () => {
        for (const child of children) group.append(valueItem(config, child, selected, handlers, memory, depth + 1, focusKey));
      };
      if (expanded) fill();
      else pendingChildren.set(group, fill);
      item.append(group);
    }
  } else {
    item.append(optionLabel(config.scope, inputId, checkbox, label, value));
  }
  return item;
}

function optionLabel(scope: Scope, inputId: string, checkbox: HTMLInputElement, label: string, value: FacetValueData): HTMLElement {
  // Case facets count cases (and say in how many publications); publication facets count publications.
  const count = scope === 'publications' ? value.publicationCount : value.caseCount;
  const title = scope === 'publications' ? `${count} ${countUnit(scope, count)}` : `${count} cases in ${value.publicationCount} publications`;
  return h(
    'label',
    { for: inputId, class: count === 0 && !value.selected ? 'facet-option is-empty' : 'facet-option', title },
    checkbox,
    h('span', { class: 'facet-label' }, label),
    h('span', { class: 'facet-count', 'data-count': count }, String(count), h('span', { class: 'visually-hidden' }, ` ${countUnit(scope, count)}`)),
  );
}

function setExpanded(item: HTMLElement, expanded: boolean, memory: FacetPanelMemory, expandKey: string, label: string): void {
  if (expanded) {
    memory.expandedTerms.add(expandKey);
    memory.expandedTerms.delete(`closed:${expandKey}`);
  } else {
    memory.expandedTerms.delete(expandKey);
    memory.expandedTerms.add(`closed:${expandKey}`);
  }
  const toggle = item.querySelector<HTMLButtonElement>(':scope > .tree-toggle');
  const group = item.querySelector<HTMLElement>(':scope > ul');
  const checkbox = item.querySelector<HTMLInputElement>(':scope > label > input');
  if (!toggle || !group) return;
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.setAttribute('aria-label', `${expanded ? 'Hide' : 'Show'} narrower terms of ${label}`);
  checkbox?.setAttribute('aria-expanded', String(expanded));
  if (expanded) {
    pendingChildren.get(group)?.();
    pendingChildren.delete(group);
  }
  group.hidden = !expanded;
}

/** Child lists not rendered yet, and how to render them. */
const pendingChildren = new WeakMap<HTMLElement, () => void>();

function visibleCheckboxes(fieldset: HTMLElement): HTMLInputElement[] {
  return [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((input) => !input.closest('[hidden]'));
}

function onFacetKeydown(event: KeyboardEvent, fieldset: HTMLElement): void {
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
  const boxes = visibleCheckboxes(fieldset);
  const index = boxes.indexOf(target);
  const item = target.closest<HTMLElement>('li.facet-value');
  const toggle = item?.querySelector<HTMLButtonElement>(':scope > .tree-toggle');
  switch (event.key) {
    case 'ArrowDown':
      boxes[Math.min(index + 1, boxes.length - 1)]?.focus();
      break;
    case 'ArrowUp':
      boxes[Math.max(index - 1, 0)]?.focus();
      break;
    case 'Home':
      boxes[0]?.focus();
      break;
    case 'End':
      boxes[boxes.length - 1]?.focus();
      break;
    case 'ArrowRight':
      if (toggle && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
      else if (toggle) visibleCheckboxes(item!.querySelector<HTMLElement>(':scope > ul')!)[0]?.focus();
      else return;
      break;
    case 'ArrowLeft': {
      if (toggle && toggle.getAttribute('aria-expanded') === 'true') toggle.click();
      else if (target.dataset.parentKey) fieldset.querySelector<HTMLElement>(`input[data-focus-key="${CSS.escape(target.dataset.parentKey)}"]`)?.focus();
      else return;
      break;
    }
    case 'Enter':
      // Enter toggles too (Space does natively), as users of listboxes expect.
      target.click();
      break;
    default:
      return;
  }
  event.preventDefault();
}

function rangeFacet(config: RangeFacetConfig, data: FacetData | null, state: SearchState, handlers: FacetHandlers): HTMLElement {
  const range = state.ranges[config.filter];
  const id = facetId(config);
  const stats = data?.stats ?? null;
  const fieldset = h('fieldset', { class: 'facet facet-range', id, 'data-facet': config.facet }, h('legend', {}, config.title));
  if (stats && stats.buckets.length) fieldset.append(histogram(config, stats.buckets, range));
  else if (data) fieldset.append(h('p', { class: 'facet-empty' }, 'No values for this search.'));

  const minId = `${id}-min`;
  const maxId = `${id}-max`;
  const minInput = h('input', {
    type: 'number',
    id: minId,
    inputmode: 'decimal',
    step: config.step,
    value: range?.min ?? '',
    placeholder: stats?.min !== null && stats?.min !== undefined ? formatNumber(stats.min) : '',
    'data-focus-key': `${config.facet}:min`,
  });
  const maxInput = h('input', {
    type: 'number',
    id: maxId,
    inputmode: 'decimal',
    step: config.step,
    value: range?.max ?? '',
    placeholder: stats?.max !== null && stats?.max !== undefined ? formatNumber(stats.max) : '',
    'data-focus-key': `${config.facet}:max`,
  });
  const error = h('p', { class: 'range-error', id: `${id}-error`, role: 'alert' });
  const apply = () => {
    const min = minInput.value === '' ? null : Number(minInput.value);
    const max = maxInput.value === '' ? null : Number(maxInput.value);
    if ((min !== null && !Number.isFinite(min)) || (max !== null && !Number.isFinite(max))) {
      error.textContent = 'Enter numbers.';
      return;
    }
    if (min !== null && max !== null && min > max) {
      error.textContent = `"From" must not be more than "To".`;
      minInput.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    minInput.removeAttribute('aria-invalid');
    const current = state.ranges[config.filter];
    if ((current?.min ?? null) === min && (current?.max ?? null) === max) return;
    handlers.setRange(config.filter, min === null && max === null ? null : { min, max });
  };
  const form = h(
    'form',
    { class: 'range-inputs', novalidate: true, onsubmit: (event: Event) => (event.preventDefault(), apply()) },
    h('label', { for: minId }, 'From'),
    minInput,
    h('label', { for: maxId }, 'To'),
    maxInput,
    h('button', { type: 'submit', class: 'small-button', 'data-focus-key': `${config.facet}:apply` }, 'Apply'),
  );
  minInput.setAttribute('aria-describedby', error.id);
  maxInput.setAttribute('aria-describedby', error.id);
  minInput.addEventListener('change', apply);
  maxInput.addEventListener('change', apply);
  fieldset.append(form, error);
  if (range) {
    fieldset.append(
      h('button', { type: 'button', class: 'link-button', 'data-focus-key': `${config.facet}:clear`, onclick: () => handlers.setRange(config.filter, null) }, `Any ${config.title.toLowerCase()}`),
    );
  }
  return fieldset;
}

function histogram(config: RangeFacetConfig, buckets: { from: number; to: number; caseCount: number }[], range: Range | null): HTMLElement {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.caseCount));
  const width = 100;
  const height = 32;
  const barWidth = width / buckets.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', class: 'histogram-bars', focusable: 'false', 'aria-hidden': 'true' });
  buckets.forEach((bucket, index) => {
    const barHeight = bucket.caseCount === 0 ? 0 : Math.max(1.5, (bucket.caseCount / max) * (height - 1));
    const inRange = !range || ((range.min === null || bucket.to > range.min) && (range.max === null || bucket.from <= range.max));
    const bar = svg('rect', { x: index * barWidth + 0.4, y: height - barHeight, width: Math.max(0.5, barWidth - 0.8), height: barHeight, class: inRange ? 'bar' : 'bar is-outside' });
    const title = svg('title', {});
    title.textContent = `${formatNumber(bucket.from)}–${formatNumber(bucket.to)}: ${bucket.caseCount}`;
    bar.append(title);
    chart.append(bar);
  });
  const description = buckets
    .filter((bucket) => bucket.caseCount > 0)
    .map((bucket) => `${formatNumber(bucket.from)} to ${formatNumber(bucket.to)}: ${bucket.caseCount}`)
    .join('; ');
  const figure = h('div', { class: 'histogram', role: 'img', 'aria-label': `${config.scope === 'publications' ? 'Publications' : 'Cases'} by ${config.title.toLowerCase()}: ${description || 'none'}` });
  append(figure, [chart, h('div', { class: 'histogram-axis', 'aria-hidden': 'true' }, h('span', {}, formatNumber(buckets[0].from)), h('span', {}, formatNumber(buckets[buckets.length - 1].to)))]);
  return figure;
}
