import { registerEnumType } from '@nestjs/graphql';
import { trimEndCharacters } from '../common/text/trim-characters';

/** How much of a publication's title the sources give. A title is never padded with a placeholder. */
export enum TitleStatus {
  /** `title` is the whole title. */
  COMPLETE = 'COMPLETE',
  /** `title` is the known beginning only; the rest is missing from the source. */
  INCOMPLETE = 'INCOMPLETE',
  /** No source gives the title: `title` is null. */
  NOT_RECORDED = 'NOT_RECORDED',
}

registerEnumType(TitleStatus, {
  name: 'TitleStatus',
  description: 'How much of the title the sources give.',
  valuesMap: {
    COMPLETE: { description: 'The title is complete.' },
    INCOMPLETE: { description: 'Only the beginning of the title is known; the rest is missing from the source.' },
    NOT_RECORDED: { description: 'No source gives the title; title is null.' },
  },
});

/** Words for a title that is not complete, as the page and the exports write them. */
export const TITLE_STATUS_NOTE: Record<TitleStatus, string | null> = {
  [TitleStatus.COMPLETE]: null,
  [TitleStatus.INCOMPLETE]: 'title incomplete in the source',
  [TitleStatus.NOT_RECORDED]: 'title not recorded',
};

/**
 * The title as running text says it (citations, labels): the title when complete; the known beginning
 * followed by "(title incomplete in the source)"; "Title not recorded" when there is none.
 */
export function titleText(publication: { title: string | null; titleStatus?: TitleStatus | null }): string {
  const status = publication.titleStatus ?? (publication.title === null ? TitleStatus.NOT_RECORDED : TitleStatus.COMPLETE);
  const title = publication.title?.trim() ?? '';
  if (status === TitleStatus.NOT_RECORDED || !title) return 'Title not recorded';
  if (status === TitleStatus.INCOMPLETE) return `${trimEndCharacters(title, /[\s.…]/u)} … (${TITLE_STATUS_NOTE.INCOMPLETE})`;
  return title;
}

/** The note an export writes for a title that is not complete ("Title incomplete in the source."), or null. */
export function titleStatusNote(titleStatus: TitleStatus | null | undefined): string | null {
  const note = titleStatus ? TITLE_STATUS_NOTE[titleStatus] : null;
  return note ? `${note[0].toUpperCase()}${note.slice(1)}.` : null;
}

/** Reads back the note the exports write ("Title not recorded.", "Title incomplete in the source."); null for any other text. */
export function titleStatusFromNote(note: string | null | undefined): TitleStatus | null {
  if (!note) return null;
  if (/^\s*title not recorded\.?\s*$/i.test(note)) return TitleStatus.NOT_RECORDED;
  if (/^\s*title incomplete in the source\.?\s*$/i.test(note)) return TitleStatus.INCOMPLETE;
  return null;
}
