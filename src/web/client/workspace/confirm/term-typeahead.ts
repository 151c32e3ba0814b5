/**
 * Choosing a vocabulary term by type-ahead (the API's vocabularyTypeahead): the ARIA 1.2 combobox
 * pattern, so it works by keyboard (arrows, Enter, Escape) and screen readers hear the options.
 */
import { h } from '../../dom';
import type { Term } from './case-queries';
import type { TermKind } from './fact-kinds';

export interface TermTypeahead {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The term chosen from the list; null while the text does not name a chosen term. */
  chosen(): Term | null;
}

export type TermSearch = (kind: TermKind, prefix: string) => Promise<Term[]>;

export function termTypeahead(id: string, label: string, kind: TermKind, search: TermSearch): TermTypeahead {
  const listId = `${id}-options`;
  const input = h('input', { id, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, autocomplete: 'off', spellcheck: 'false', maxlength: 100, class: 'term-input' });
  const list = h('ul', { id: listId, role: 'listbox', class: 'term-options', 'aria-label': `${label}: suggestions` });
  list.hidden = true;
  const hint = h('span', { class: 'field-hint', id: `${id}-hint` }, 'Type to see terms; arrows move, Enter chooses.');
  input.setAttribute('aria-describedby', hint.id);
  let options: Term[] = [];
  let active = -1;
  let chosen: Term | null = null;
  let asked = 0;
  let timer: number | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (index: number) => {
    const term = options[index];
    if (!term) return;
    chosen = term;
    input.value = term.label;
    input.dataset.termKey = term.key;
    close();
  };
  const show = (terms: Term[]) => {
    options = terms;
    list.replaceChildren(
      ...(terms.length
        ? terms.map((term, i) =>
            h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-term-key': term.key, onmousedown: (event: Event) => event.preventDefault(), onclick: () => choose(i) }, term.label, h('span', { class: 'term-key' }, ` ${term.key}`)),
          )
        : [h('li', { class: 'term-none', role: 'presentation' }, 'No term starts with these letters.')]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(terms.length ? 0 : -1);
  };
  const lookUp = async () => {
    const prefix = input.value.trim();
    if (!prefix) return close();
    const ticket = ++asked;
    try {
      const terms = await search(kind, prefix);
      if (ticket === asked) show(terms);
    } catch {
      if (ticket === asked) close();
    }
  };

  input.addEventListener('input', () => {
    chosen = null;
    delete input.dataset.termKey;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void lookUp(), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!options.length) return;
      highlight((active + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', close);

  const element = h('div', { class: 'term-typeahead' }, h('label', { for: id }, label), input, hint, list);
  return { element, input, chosen: () => chosen };
}
