/** A case's recorded changes, newest first, each with who, when, from what to what, and an undo. */
import { h } from '../../dom';
import type { CaseChange } from './case-queries';
import { describeChangeSince } from './conflict-message';

/** Moving facts between patients, adding or deleting one: undone by the opposite operation, not by undo (the API refuses). */
const NOT_UNDOABLE = new Set(['SPLIT', 'MERGE', 'ADD_PATIENT', 'DELETE']);

export function historyView(caseId: string, changes: readonly CaseChange[], total: number, undo: (change: CaseChange) => void): HTMLElement {
  const headingId = `history-${caseId}-heading`;
  const undone = new Set(changes.map((change) => change.undoesChangeId).filter(Boolean));
  return h(
    'section',
    { class: 'case-history', 'aria-labelledby': headingId, 'data-case-id': caseId },
    h('h4', { id: headingId }, `History (${total} ${total === 1 ? 'change' : 'changes'})`),
    changes.length
      ? h(
          'ol',
          { class: 'change-list' },
          ...changes.map((change) =>
            h(
              'li',
              { class: 'change', 'data-change-id': change.id, 'data-operation': change.operation, 'data-path': change.path ?? '' },
              h('span', { class: 'change-text' }, describeChangeSince(change)),
              ' ',
              h('time', { datetime: change.changedAt }, new Date(change.changedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })),
              change.evidence ? h('span', { class: 'change-evidence' }, ` · evidence “${change.evidence.text}”`) : null,
              undone.has(change.id) ? h('span', { class: 'change-undone' }, ' · undone') : null,
              !NOT_UNDOABLE.has(change.operation) && !undone.has(change.id)
                ? h('button', { type: 'button', class: 'small-button', 'data-action': 'undo', 'aria-label': `Undo: ${describeChangeSince(change)}`, onclick: () => undo(change) }, 'Undo')
                : null,
            ),
          ),
        )
      : h('p', {}, 'No change recorded yet.'),
  );
}
