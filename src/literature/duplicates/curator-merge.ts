/**
 * Pure: what the kept publication becomes when a curator merges another into it. As an import merge
 * (empty fields filled, keywords, publication types and MeSH headings united), and where both have a
 * value the richer one wins for the abstract (the longer) and the authors (more names, or as many with
 * more given names); every other different value stays as kept and is reported.
 */
import type { PublicationFields } from '../../publications/publication-validation';
import { MergeConflict, mergePublication } from '../import/publication-merge';

export interface CuratorMerge {
  patch: Partial<PublicationFields>;
  filled: string[];
  /** Values of the merged publication not taken (the kept one's stay). */
  conflicts: MergeConflict[];
}

const givenCount = (authors: PublicationFields['authors']) => authors.filter((author) => author.given).length;

export function mergeForCurator(kept: PublicationFields, merged: PublicationFields): CuratorMerge {
  const { patch, filled, conflicts } = mergePublication(kept, merged, {});
  const remaining: MergeConflict[] = [];
  for (const conflict of conflicts) {
    if (conflict.field === 'abstract' && merged.abstract && kept.abstract && merged.abstract.length > kept.abstract.length) {
      patch.abstract = merged.abstract;
      filled.push('abstract');
      remaining.push({ field: 'abstract', kept: merged.abstract.slice(0, 200), offered: kept.abstract.slice(0, 200) });
    } else if (
      conflict.field === 'authors' &&
      (merged.authors.length > kept.authors.length || (merged.authors.length === kept.authors.length && givenCount(merged.authors) > givenCount(kept.authors)))
    ) {
      patch.authors = merged.authors.map((author) => ({ ...author }));
      filled.push('authors');
      remaining.push({ field: 'authors', kept: conflict.offered, offered: conflict.kept });
    } else remaining.push(conflict);
  }
  return { patch, filled, conflicts: remaining };
}
