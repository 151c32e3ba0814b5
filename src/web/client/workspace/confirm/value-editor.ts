/**
 * The field a curator types a fact's value in, by the fact's kind: a term by type-ahead, a number
 * with its unit (converted by the API), a whole number, one of an enum's values, or text.
 */
import { h } from '../../dom';
import { enumLabel } from '../../labels';
import type { FactEditor } from './fact-kinds';
import { termTypeahead, TermSearch } from './term-typeahead';

export interface ValueEditor {
  element: HTMLElement;
  /** The field to focus first. */
  focusTarget: HTMLElement;
  /** The value and unit to send, or a message saying what is missing. */
  read(): { value: string; unit: string | null } | { error: string };
}

export function valueEditor(id: string, label: string, editor: FactEditor, search: TermSearch, current: string | null = null): ValueEditor {
  switch (editor.kind) {
    case 'term': {
      const typeahead = termTypeahead(id, label, editor.termKind, search);
      return {
        element: typeahead.element,
        focusTarget: typeahead.input,
        read: () => {
          const term = typeahead.chosen();
          return term ? { value: term.key, unit: null } : { error: `Choose a term from the list for ${label.toLowerCase()}.` };
        },
      };
    }
    case 'number':
    case 'count': {
      const input = h('input', { id, type: 'text', inputmode: 'decimal', class: 'number-input', autocomplete: 'off', value: current ?? '' });
      const unitId = `${id}-unit`;
      const unit = editor.kind === 'number' ? h('select', { id: unitId }, ...editor.units.map((u) => h('option', { value: u }, u))) : null;
      const element = h('div', { class: 'value-editor' }, h('label', { for: id }, label), input, unit ? h('label', { for: unitId, class: 'unit-label' }, 'Unit') : null, unit);
      return {
        element,
        focusTarget: input,
        read: () => {
          const text = input.value.trim().replace(',', '.');
          if (!/^\d+(\.\d+)?$/.test(text)) return { error: `${label}: type a number${editor.kind === 'count' ? ' (whole)' : ''}.` };
          return { value: text, unit: unit ? unit.value : null };
        },
      };
    }
    case 'enum': {
      const select = h('select', { id }, ...editor.values.map((value) => h('option', { value, selected: value === current }, enumLabel(value))));
      return { element: h('div', { class: 'value-editor' }, h('label', { for: id }, label), select), focusTarget: select, read: () => ({ value: select.value, unit: null }) };
    }
    case 'text': {
      const input = h('input', { id, type: 'text', autocomplete: 'off', maxlength: 500, value: current ?? '' });
      return {
        element: h('div', { class: 'value-editor' }, h('label', { for: id }, label), input),
        focusTarget: input,
        read: () => (input.value.trim() ? { value: input.value.trim(), unit: null } : { error: `${label}: type a value.` }),
      };
    }
  }
}
