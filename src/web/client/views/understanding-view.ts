/** Words of the search read as filters (one-click chips), and the help shown when a search finds nothing. */
import { h } from '../dom';
import { plural } from '../labels';
import type { NoResultsHelpData, SuggestedFilterData } from '../queries';

export interface SuggestionHandlers {
  apply(suggestion: SuggestedFilterData): void;
  applyAll(): void;
}

/** "Use as filters: [Pregnancy status: Pregnant or Postpartum] [Complication: Intrathecal hematoma] · Use all". */
export function renderSuggestions(suggestions: SuggestedFilterData[], handlers: SuggestionHandlers): HTMLElement[] {
  if (!suggestions.length) return [];
  return [
    h(
      'div',
      { class: 'suggestions', 'data-state': 'suggestions' },
      h('p', { class: 'suggestions-title', id: 'suggestions-title' }, 'Use words of your search as filters:'),
      h(
        'ul',
        { class: 'chips', role: 'list', 'aria-labelledby': 'suggestions-title' },
        suggestions.map((suggestion) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'chip chip-suggestion',
                'data-focus-key': `suggestion:${suggestion.filter}:${suggestion.start}`,
                'data-suggestion': suggestion.filter,
                'aria-label': `Filter by ${suggestion.label} instead of the words “${suggestion.text}”`,
                onclick: () => handlers.apply(suggestion),
              },
              h('span', { class: 'chip-plus', 'aria-hidden': 'true' }, '+ '),
              suggestion.label,
            ),
          ),
        ),
        suggestions.length > 1
          ? h('li', {}, h('button', { type: 'button', class: 'link-button', 'data-focus-key': 'suggestion:all', onclick: () => handlers.applyAll() }, 'Use all'))
          : null,
      ),
    ),
  ];
}

export interface NoResultsHandlers {
  relax(relaxation: NoResultsHelpData['relaxations'][number]): void;
  correct(text: string): void;
}

/** "Did you mean …" and "Without Outcome: Death: 12 cases", each a button that runs that search. */
export function renderNoResultsHelp(help: NoResultsHelpData, handlers: NoResultsHandlers): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (help.didYouMean) {
    const suggestion = help.didYouMean;
    parts.push(
      h(
        'p',
        { class: 'did-you-mean', 'data-state': 'did-you-mean' },
        'Did you mean ',
        h('button', { type: 'button', class: 'link-button', 'data-focus-key': 'did-you-mean', onclick: () => handlers.correct(suggestion.text) }, suggestion.text),
        ` (${plural(suggestion.caseCount, 'case', 'cases')})?`,
      ),
    );
  }
  if (help.relaxations.length) {
    parts.push(
      h('p', {}, help.relaxations.length === 1 ? 'This is what removed the last cases:' : 'Each of these removed the last cases; search without one:'),
      h(
        'ul',
        { class: 'relaxations', role: 'list' },
        help.relaxations.map((relaxation) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'small-button',
                'data-focus-key': `relax:${relaxation.kind}:${relaxation.label}`,
                'data-relaxation': relaxation.kind,
                onclick: () => handlers.relax(relaxation),
              },
              relaxation.kind === 'WORD' ? `Without the word ${relaxation.label}` : `Without ${relaxation.label}`,
            ),
            ` ${plural(relaxation.caseCount, 'case', 'cases')}`,
          ),
        ),
      ),
    );
  }
  return parts;
}
