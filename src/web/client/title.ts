/**
 * A publication's title as the page shows it. The title is stored only as far as the sources give it
 * (`titleStatus`): an incomplete one is shown with its known beginning and a plain note, a missing
 * one says so. The notes are styled apart from the title (`.title-status`), never as part of it.
 */
import { h } from './dom';

export type TitleStatus = 'COMPLETE' | 'INCOMPLETE' | 'NOT_RECORDED';

export interface TitledPublication {
  title: string | null;
  titleStatus?: TitleStatus | null;
}

export const TITLE_INCOMPLETE_NOTE = '(title incomplete in the source)';
export const TITLE_NOT_RECORDED = 'Title not recorded';

function statusOf(publication: TitledPublication): TitleStatus {
  if (!publication.title?.trim()) return 'NOT_RECORDED';
  return publication.titleStatus ?? 'COMPLETE';
}

/** The title in plain text (document title, citation to copy, meta description). */
export function titleText(publication: TitledPublication): string {
  const status = statusOf(publication);
  if (status === 'NOT_RECORDED') return TITLE_NOT_RECORDED;
  const title = publication.title!.trim();
  if (status !== 'INCOMPLETE') return title;
  // The end trimmed by hand: /[\s.…]+$/ rescans a run of dots inside a long title at each of its positions.
  let end = title.length;
  while (end > 0 && /[\s.…]/u.test(title[end - 1])) end -= 1;
  return `${title.slice(0, end)} … ${TITLE_INCOMPLETE_NOTE}`;
}

/** The title as nodes: the known words, then the note in a span of its own. `known` renders the title part (e.g. with highlighting). */
export function titleNodes(publication: TitledPublication, known: Node | string | null = null): (Node | string)[] {
  const status = statusOf(publication);
  if (status === 'NOT_RECORDED') return [h('span', { class: 'title-status title-not-recorded' }, TITLE_NOT_RECORDED)];
  const title = known ?? publication.title!.trim();
  if (status === 'INCOMPLETE') return [title, ' … ', h('span', { class: 'title-status title-incomplete' }, TITLE_INCOMPLETE_NOTE)];
  return [title];
}

/** Whether a citation-like line needs a period after the title ("Title." but "Title not recorded."). */
export function titleSentence(publication: TitledPublication): string {
  return titleText(publication).replace(/\.?$/, '.');
}
