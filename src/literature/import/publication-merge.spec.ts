import type { PublicationFields } from '../../publications/publication-validation';
import { TitleStatus } from '../../publications/title-status.enum';
import { expandPages, mergePublication } from './publication-merge';

function fields(overrides: Partial<PublicationFields> = {}): PublicationFields {
  return {
    title: 'Spinal epidural hematoma after epidural blood patch',
    titleStatus: TitleStatus.COMPLETE,
    abstract: null,
    authors: [],
    journal: null,
    year: null,
    month: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    pmcid: null,
    publicationTypes: [],
    meshHeadings: [],
    keywords: [],
    language: null,
    url: null,
    ...overrides,
  };
}

describe('mergePublication', () => {
  it('fills empty fields and reports what it filled', () => {
    const result = mergePublication(fields({ year: 2020 }), fields({ year: 2020, doi: '10.1/x', pages: '12-19', authors: [{ family: 'Doe', given: 'J' }] }));
    expect(result.patch).toEqual({ doi: '10.1/x', pages: '12-19', authors: [{ family: 'Doe', given: 'J' }] });
    expect(result.filled.sort()).toEqual(['authors', 'doi', 'pages']);
    expect(result.conflicts).toEqual([]);
  });

  it('never overwrites a stored value: a different offer is a conflict', () => {
    const result = mergePublication(fields({ year: 2020, journal: 'Anesthesia and Analgesia', volume: '12' }), fields({ year: 2021, journal: 'Anesth Analg', volume: '12' }));
    expect(result.patch).toEqual({});
    expect(result.conflicts).toEqual([
      { field: 'journal', kept: 'Anesthesia and Analgesia', offered: 'Anesth Analg' },
      { field: 'year', kept: '2020', offered: '2021' },
    ]);
  });

  it('treats spellings of the same value as equal (case, punctuation, abbreviated pages, language names)', () => {
    const stored = fields({ title: 'Spinal Epidural Hematoma After Epidural Blood Patch.', pages: '123-129', language: 'eng', journal: 'BMC medical genetics' });
    const offered = fields({ title: 'Spinal epidural hematoma after epidural blood patch', pages: '123-9', language: 'English', journal: 'BMC Medical Genetics' });
    expect(mergePublication(stored, offered)).toEqual({ patch: {}, filled: [], conflicts: [] });
  });

  it('takes the journal abbreviation the record gives as the same journal', () => {
    const stored = fields({ journal: 'Nat. Commun.' });
    expect(mergePublication(stored, fields({ journal: 'Nature Communications' }), { journal: ['Nat Commun'] }).conflicts).toEqual([]);
    expect(mergePublication(stored, fields({ journal: 'Nature Communications' })).conflicts).toHaveLength(1);
  });

  it('unites keywords, publication types and MeSH headings (by UI, else by label), filling a missing UI', () => {
    const stored = fields({
      keywords: ['blood patch', 'Hematoma'],
      publicationTypes: ['Journal Article'],
      meshHeadings: [{ descriptorUi: null, label: 'Hematoma, Epidural, Spinal', majorTopic: true }, { descriptorUi: 'D006801', label: 'Humans', majorTopic: false }],
    });
    const offered = fields({
      keywords: ['hematoma', 'headache'],
      publicationTypes: ['Case Reports', 'Journal Article'],
      meshHeadings: [
        { descriptorUi: 'D020758', label: 'Hematoma, Epidural, Spinal', majorTopic: false },
        { descriptorUi: 'D006801', label: 'Humans', majorTopic: false },
        { descriptorUi: 'D005260', label: 'Female', majorTopic: false },
      ],
    });
    const result = mergePublication(stored, offered);
    expect(result.patch.keywords).toEqual(['blood patch', 'Hematoma', 'headache']);
    expect(result.patch.publicationTypes).toEqual(['Journal Article', 'Case Reports']);
    expect(result.patch.meshHeadings).toEqual([
      { descriptorUi: 'D020758', label: 'Hematoma, Epidural, Spinal', majorTopic: true },
      { descriptorUi: 'D006801', label: 'Humans', majorTopic: false },
      { descriptorUi: 'D005260', label: 'Female', majorTopic: false },
    ]);
    expect(result.conflicts).toEqual([]);
  });

  it('keeps the stored author list; fills only missing given names of the same people', () => {
    const stored = fields({ authors: [{ family: 'Müller', given: null }, { family: 'Smith', given: 'JA' }] });
    expect(mergePublication(stored, fields({ authors: [{ family: 'Muller', given: 'Anna' }, { family: 'Smith', given: 'John A' }] })).patch).toEqual({
      authors: [{ family: 'Müller', given: 'Anna' }, { family: 'Smith', given: 'JA' }],
    });
    const other = mergePublication(stored, fields({ authors: [{ family: 'Smith', given: 'J' }] }));
    expect(other.patch).toEqual({});
    expect(other.conflicts).toEqual([{ field: 'authors', kept: 'Müller; Smith, JA', offered: 'Smith, J' }]);
  });

  it('completes a title the store lacks or knows only the beginning of, and never shortens one', () => {
    const full = 'Bilateral Subdural Intracranial Hematoma after Labor Epidural';
    const incomplete = fields({ title: 'Bilateral Subdural Intracranial Hematoma after', titleStatus: TitleStatus.INCOMPLETE });
    expect(mergePublication(incomplete, fields({ title: full })).patch).toEqual({ title: full, titleStatus: TitleStatus.COMPLETE });
    expect(mergePublication(incomplete, fields({ title: 'Bilateral Subdural Intracranial Hematoma after' })).patch).toEqual({});
    expect(mergePublication(incomplete, fields({ title: 'Another title' })).conflicts).toEqual([{ field: 'title', kept: 'Bilateral Subdural Intracranial Hematoma after', offered: 'Another title' }]);
    const missing = fields({ title: null, titleStatus: TitleStatus.NOT_RECORDED });
    expect(mergePublication(missing, fields({ title: full })).patch).toEqual({ title: full, titleStatus: TitleStatus.COMPLETE });
    expect(mergePublication(fields(), fields({ title: 'Spinal epidural hematoma', titleStatus: TitleStatus.INCOMPLETE })).conflicts).toHaveLength(1);
  });

  it('expands abbreviated page ranges', () => {
    expect(expandPages('123-9')).toBe('123-129');
    expect(expandPages('1234-56')).toBe('1234-1256');
    expect(expandPages('e123-e125')).toBe('e123-e125');
    expect(expandPages('103640')).toBe('103640');
  });
});
