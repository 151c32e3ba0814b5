import { CaseReportsService } from '../../src/case-reports/case-reports.service';
import { CaseCurationService } from '../../src/review/history/case-curation.service';
import { Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../src/case-reports/case-report.enums';
import { DuplicatesService } from '../../src/literature/duplicates/duplicates.service';
import { PublicationsService } from '../../src/publications/publications.service';
import { ScreeningService } from '../../src/review/screening/screening.service';
import { LiteratureHarness, startLiteratureHarness } from './literature-harness';

const ris = (...records: string[][]) => records.map((lines) => ['TY  - JOUR', ...lines, 'ER  - '].join('\n')).join('\n\n') + '\n';

describe('probable duplicates and confirmed merges (PostgreSQL, pg_trgm)', () => {
  let h: LiteratureHarness;
  let duplicates: DuplicatesService;
  const review = 'near duplicates';

  beforeAll(async () => {
    h = await startLiteratureHarness();
    duplicates = h.app.get(DuplicatesService);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('finds near-duplicates the import did not merge, shows what differs, and merges only when asked', async () => {
    const first = await h.importText(
      ris(
        ['TI  - Spontaneous spinal epidural hematoma after chiropractic manipulation of the neck', 'AU  - Okafor, Chidi', 'PY  - 2021', 'JO  - J Med Case Rep', 'VL  - 15', 'SP  - 101', 'AB  - Short.'],
        ['TI  - Takotsubo cardiomyopathy triggered by a migraine attack in a young woman', 'AU  - Lindqvist, Anna', 'PY  - 2020', 'JO  - medRxiv', 'DO  - 10.1101/2020.06.01.20100001'],
        ['TI  - Correction', 'PY  - 2021', 'JO  - BMJ', 'VL  - 372', 'SP  - n1'],
        ['TI  - Bilateral renal artery aneurysms in pregnancy', 'AU  - Tanaka, H', 'PY  - 2018'],
      ),
      { fileName: 'pubmed.ris', review, extractCases: false },
    );
    const second = await h.importText(
      ris(
        // One character and one word apart; no authors; a longer abstract.
        ['TI  - Spontaneous spinal epidural haematoma after a chiropractic manipulation of the neck', 'PY  - 2021', 'JO  - Journal of Medical Case Reports', 'AB  - A longer abstract with the whole case.'],
        // The preprint's article, a year later, another DOI.
        ['TI  - Takotsubo cardiomyopathy triggered by a migraine attack in a young woman', 'AU  - Lindqvist, A', 'PY  - 2021', 'JO  - BMC Cardiovasc Disord', 'DO  - 10.1186/s12872-021-00001-x', 'KW  - takotsubo'],
        // Another correction in the same journal: never a duplicate.
        ['TI  - Correction', 'PY  - 2021', 'JO  - BMJ', 'VL  - 373', 'SP  - n2'],
        // The same title by another first author: not shown.
        ['TI  - Bilateral renal artery aneurysms in pregnancy', 'AU  - Smith, J', 'PY  - 2018'],
      ),
      { fileName: 'embase.ris', review, extractCases: false },
    );
    expect([first.created, second.created, second.merged]).toEqual([4, 4, 0]);

    const pairs = await duplicates.probableDuplicates(review, 10);
    expect(pairs).toHaveLength(2);
    const [hematoma] = pairs.filter((pair) => /epidural/.test(pair.first.title ?? ''));
    const [takotsubo] = pairs.filter((pair) => /Takotsubo/.test(pair.first.title ?? ''));
    expect(hematoma.first.id).toBe(first.createdPublicationIds[0]);
    expect(hematoma.second.id).toBe(second.createdPublicationIds[0]);
    expect(hematoma.reasons).toContain('titles differ by 2 characters');
    expect(hematoma.differences.map((difference) => difference.field)).toEqual(['title', 'authors', 'journal', 'volume', 'pages']);
    expect(takotsubo.reasons).toEqual(expect.arrayContaining(['a preprint and an article', 'year off by one']));
    expect(takotsubo.differences).toEqual(expect.arrayContaining([{ field: 'doi', first: '10.1101/2020.06.01.20100001', second: '10.1186/s12872-021-00001-x' }]));
    // Listing merged nothing.
    expect(await h.allPublications()).toHaveLength(8);

    // A case report on the publication merged away moves to the kept one.
    const cases = h.app.get(CaseCurationService);
    const moved = await cases.create({
      publicationId: hematoma.second.id,
      label: 'Case 1',
      sex: Sex.MALE,
      pregnancyStatus: PregnancyStatus.UNKNOWN,
      anticoagulation: Anticoagulation.NONE,
      outcome: Outcome.FULL_RECOVERY,
    } as never);
    const result = await duplicates.merge(hematoma.first.id, hematoma.second.id, 'carol');
    expect(result.kept).toMatchObject({ id: hematoma.first.id, abstract: 'A longer abstract with the whole case.', authors: [{ family: 'Okafor', given: 'Chidi' }], volume: '15' });
    expect(result.merge).toMatchObject({ keptId: hematoma.first.id, mergedId: hematoma.second.id, caseReportsMoved: 1, mergedBy: 'carol', filledFields: ['abstract'] });
    expect(result.merge.mergedPublication).toMatchObject({ id: hematoma.second.id, title: hematoma.second.title });
    expect(result.conflicts.map((conflict) => conflict.field)).toEqual(expect.arrayContaining(['title', 'abstract']));
    expect((await h.app.get(CaseReportsService).get(moved.id)).publicationId).toBe(hematoma.first.id);
    expect(await h.allPublications()).toHaveLength(7);
    // The import history names the kept publication: PRISMA counts it once.
    const batches = await h.batches.list(review);
    expect(batches.every((batch) => !batch.publicationIds.includes(hematoma.second.id))).toBe(true);
    expect(batches[1].publicationIds).toContain(hematoma.first.id);
    expect((await h.batches.prismaIdentification(review)).recordsRemaining).toBe(7);

    // A publication a curator deletes is removed before screening for another reason: the identification numbers still
    // add up to what screening counts (the batch keeps its id, the merge above renamed it instead).
    const correction = (await h.allPublications()).find((publication) => publication.title === 'Correction');
    expect(await h.app.get(PublicationsService).delete(correction!.id)).toBe(true);
    const identification = await h.batches.prismaIdentification(review);
    expect(identification).toMatchObject({ recordsIdentified: 8, duplicatesRemoved: 1, recordsDeleted: 1, recordsRemaining: 6 });
    const counts = await h.app.get(ScreeningService).prismaCounts(review);
    expect(counts.recordsScreened + counts.recordsAwaitingScreening + counts.recordsInConflict).toBe(identification.recordsRemaining);

    // The preprint merged into its article: the article's DOI stays, the keywords are united.
    const article = await duplicates.merge(takotsubo.second.id, takotsubo.first.id, 'carol');
    expect(article.kept).toMatchObject({ doi: '10.1186/s12872-021-00001-x', year: 2021, keywords: ['takotsubo'] });
    expect(await duplicates.probableDuplicates(review, 10)).toEqual([]);
  });

  it('refuses a merge of a publication with itself, or of one that does not exist, and changes nothing', async () => {
    const before = await h.footprint();
    const [any] = await h.allPublications();
    await expect(duplicates.merge(any.id, any.id, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(duplicates.merge(any.id, '00000000-0000-4000-8000-000000000000', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(duplicates.merge('nope', any.id, null)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(duplicates.probableDuplicates(null, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await h.footprint()).toEqual(before);
  });
});
