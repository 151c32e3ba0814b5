import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { waitForIndex } from '../support/search-index';

const VALUE = 'value label caseCount publicationCount selected';
const FACETS = `query($input: SearchCaseReportsInput!) {
  searchCaseReports(input: $input) {
    totalCases
    facets { facet values { ${VALUE} children { ${VALUE} children { ${VALUE} children { ${VALUE} children { ${VALUE} children { ${VALUE} } } } } } } }
  }
}`;

type Value = { value: string; label: string; caseCount: number; publicationCount: number; selected: boolean; children?: Value[] };
const flatten = (values: Value[], path: string[] = []): { path: string[]; caseCount: number }[] =>
  values.flatMap((v) => [{ path: [...path, v.label], caseCount: v.caseCount }, ...flatten(v.children ?? [], [...path, v.label])]);

/** Cases on MeSH-seeded terms land in the facet tree under their curated and MeSH ancestors, with rolled-up counts. */
describe('MeSH vocabulary in search (demo corpus + MeSH terms)', () => {
  let app: TestApp;
  const search = async (input: Record<string, unknown>) => {
    const result = await app.graphql<{ searchCaseReports: { totalCases: number; facets: { facet: string; values: Value[] }[] } }>(FACETS, { input });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchCaseReports;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await waitForIndex(app);
    const publication = await app.graphql<any>(`mutation { createPublication(input: { title: "Wombat-associated intracranial bleeding after lumbar puncture", year: 2023 }) { id } }`, undefined, CURATOR_KEY);
    expect(publication.errors).toBeUndefined();
    const publicationId = publication.data.createPublication.id;
    for (const [label, complication] of [
      ['Case 1', 'putaminal-hemorrhage'], // MeSH term below the MeSH "Basal Ganglia Hemorrhage", below the curated intracerebral hemorrhage
      ['Case 2', 'D006408'], // MeSH "Hematoma, Subdural" by its UI, directly below the curated hematoma
    ]) {
      const created = await app.graphql<any>(
        `mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id complications { term { key label parent { key } } } } }`,
        { input: { publicationId, label, sex: 'MALE', outcome: 'FULL_RECOVERY', procedures: [{ term: 'lumbar-puncture' }], complications: [{ term: complication, procedureIndex: 0 }], treatments: [] } },
        CURATOR_KEY,
      );
      expect(created.errors).toBeUndefined();
    }
    await waitForIndex(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('seeds the MeSH terms around the curated ones', async () => {
    const roots = await app.graphql<any>(`{ vocabularyTerms(kind: COMPLICATION, rootsOnly: true) { key meshUi } }`);
    const keys = roots.data.vocabularyTerms.map((t: any) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['hematoma', 'csf-leak', 'nervous-system-diseases', 'wounds-and-injuries']));
    const all = await app.graphql<any>(`{ vocabularyTerms(kind: COMPLICATION) { key } }`);
    expect(all.data.vocabularyTerms.length).toBeGreaterThan(4000);
  });

  it('puts a case on a MeSH term under its ancestors, with counts rolled up at every level', async () => {
    const result = await search({ text: 'wombat', facets: [{ facet: 'COMPLICATION' }] });
    expect(result.totalCases).toBe(2);
    const tree = flatten(result.facets[0].values).map((v) => [v.path.join(' > '), v.caseCount]);
    expect(tree).toEqual(
      expect.arrayContaining([
        ['Hematoma', 2],
        ['Hematoma > Hematoma, Subdural', 1],
        ['Hematoma > Intracranial hemorrhage or hematoma', 1],
        ['Hematoma > Intracranial hemorrhage or hematoma > Intracerebral hemorrhage', 1],
        ['Hematoma > Intracranial hemorrhage or hematoma > Intracerebral hemorrhage > Basal Ganglia Hemorrhage', 1],
        ['Hematoma > Intracranial hemorrhage or hematoma > Intracerebral hemorrhage > Basal Ganglia Hemorrhage > Putaminal Hemorrhage', 1],
      ]),
    );
    // Selecting an ancestor finds the case on the MeSH descendant.
    expect((await search({ text: 'wombat', filters: { complications: ['intracerebral-hemorrhage'] } })).totalCases).toBe(1);
    expect((await search({ filters: { complications: ['D020300'] }, text: 'wombat' })).totalCases).toBe(1);
  });

  it('lists a bounded set of zero values, and finds any term by prefix', async () => {
    const result = await search({ text: 'wombat', facets: [{ facet: 'COMPLICATION', includeZero: true }] });
    const values = flatten(result.facets[0].values);
    // Roots and the children of the used terms, not the 4,000-odd complications of the vocabulary.
    expect(values.length).toBeLessThan(300);
    expect(values.map((v) => v.path.join(' > '))).toEqual(expect.arrayContaining(['Nervous System Diseases', 'Hematoma > Spinal hematoma']));
    const found = await app.graphql<any>(`{ facetValues(facet: COMPLICATION, prefix: "putam", input: { text: "wombat" }) { label caseCount } }`);
    expect(found.errors).toBeUndefined();
    expect(found.data.facetValues).toEqual(expect.arrayContaining([{ label: 'Putaminal Hemorrhage', caseCount: 1 }]));
    // A MeSH synonym (natural order) is searched too.
    const bySynonym = await app.graphql<any>(`{ facetValues(facet: COMPLICATION, prefix: "subdural hem", input: { text: "wombat" }) { label caseCount } }`);
    expect(bySynonym.data.facetValues).toEqual(expect.arrayContaining([{ label: 'Hematoma, Subdural', caseCount: 1 }]));
    const symptoms = await app.graphql<any>(`{ facetValues(facet: SYMPTOM, prefix: "hyperalg") { label caseCount } }`);
    expect(symptoms.data.facetValues).toEqual(expect.arrayContaining([{ label: 'Hyperalgesia', caseCount: 0 }]));
  });
});
