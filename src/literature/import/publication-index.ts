import { titleKeyOf } from '../../publications/identifiers';
import { differentRecordsSharingDoi, sameRecordByTitle, titleFoldOf } from '../../publications/title-match';
import type { Publication } from '../../publications/publication.entity';
import type { PublicationFields } from '../../publications/publication-validation';
import { DuplicateKey } from './duplicate-key.enum';

/** The publications one import chunk may duplicate, indexed by PMID, DOI and title key. */
export class PublicationIndex {
  private readonly byPmid = new Map<string, Publication>();
  private readonly byDoi = new Map<string, Publication>();
  private readonly byTitleKey = new Map<string, Publication[]>();
  private readonly byTitleFold = new Map<string, Publication[]>();

  constructor(publications: Iterable<Publication>) {
    for (const publication of publications) this.add(publication);
  }

  add(publication: Publication): void {
    if (publication.pmid) this.byPmid.set(publication.pmid, publication);
    if (publication.doi) this.byDoi.set(publication.doi, publication);
    if (publication.titleKey) {
      const list = this.byTitleKey.get(publication.titleKey) ?? [];
      if (!list.includes(publication)) list.push(publication);
      this.byTitleKey.set(publication.titleKey, list);
    }
    publication.titleFold ??= titleFoldOf(publication.title);
    if (publication.titleFold) {
      const list = this.byTitleFold.get(publication.titleFold) ?? [];
      if (!list.includes(publication)) list.push(publication);
      this.byTitleFold.set(publication.titleFold, list);
    }
  }

  /** Applies a merge to the indexed publication (so later records of the chunk see it) and re-indexes it. */
  update(publication: Publication, patch: Partial<PublicationFields>): void {
    Object.assign(publication, patch);
    // A completed title folds anew (the new publication is inserted with it); the old fold still finds it.
    if ('title' in patch) publication.titleFold = titleFoldOf(publication.title);
    const titleKey = titleKeyOf(publication.title, publication.year, publication.authors, publication);
    if (titleKey !== publication.titleKey) {
      if (publication.titleKey) this.byTitleKey.set(publication.titleKey, (this.byTitleKey.get(publication.titleKey) ?? []).filter((other) => other !== publication));
      publication.titleKey = titleKey;
    }
    this.add(publication);
  }

  holderOf(key: 'pmid' | 'doi', value: string): Publication | null {
    return (key === 'pmid' ? this.byPmid : this.byDoi).get(value) ?? null;
  }

  /**
   * The stored publication a record is, tried on PMID, then DOI (unless the two plainly differ:
   * differentRecordsSharingDoi), then title key. A title-key match
   * is refused when a PMID or DOI on both sides disagree (an erratum can share its article's title).
   * Last, the folded title alone, when sameRecordByTitle finds nothing that says they differ (a Scopus
   * record without authors, "Mueller" in one database and "Müller" in another).
   */
  match(fields: PublicationFields, titleKey: string | null, titleFold: string | null = titleFoldOf(fields.title)): { publication: Publication; on: DuplicateKey } | null {
    const byPmid = fields.pmid ? this.byPmid.get(fields.pmid) : undefined;
    if (byPmid) return { publication: byPmid, on: DuplicateKey.PMID };
    const byDoi = fields.doi ? this.byDoi.get(fields.doi) : undefined;
    // A DOI shared by records that are plainly different (Embase gives a supplement's abstracts its DOI) does not merge them.
    if (byDoi && !differentRecordsSharingDoi(fields, byDoi)) return { publication: byDoi, on: DuplicateKey.DOI };
    const compatible = titleKey
      ? (this.byTitleKey.get(titleKey) ?? []).find(
          (candidate) => !(candidate.pmid && fields.pmid && candidate.pmid !== fields.pmid) && !(candidate.doi && fields.doi && candidate.doi !== fields.doi),
        )
      : undefined;
    if (compatible) return { publication: compatible, on: DuplicateKey.TITLE_KEY };
    const sameTitle = titleFold ? (this.byTitleFold.get(titleFold) ?? []).find((candidate) => sameRecordByTitle(fields, candidate)) : undefined;
    return sameTitle ? { publication: sameTitle, on: DuplicateKey.TITLE } : null;
  }
}
