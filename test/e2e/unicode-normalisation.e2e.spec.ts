/**
 * The same text in its composed (NFC) and decomposed (NFD) forms is one text: an export from a Mac or a
 * copy from a PDF writes "é" as "e" + U+0301, which looks the same and must find, filter and name the same
 * records as the composed form a keyboard types.
 */
import { waitForIndex } from '../support/search-index';
import { CURATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const IMPORT = 'mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { created merged createdPublicationIds } }';
const SEARCH = `query($input: SearchPublicationsInput) {
  searchPublications(input: $input) { totalPublications facets { facet values { value publicationCount } } hits { edges { node { publication { id title journal authors { family } keywords } } } } }
}`;
const decomposed = (text: string) => text.normalize('NFD');

describe('composed and decomposed Unicode text', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('an imported record written decomposed is stored composed: found by its words either way, one journal facet value, one review', async () => {
    const ris = (title: string, journal: string, author: string, keyword: string) => `TY  - JOUR\nTI  - ${title}\nJO  - ${journal}\nAU  - ${author}\nKW  - ${keyword}\nPY  - 2020\nER  - \n`;
    const first = await app.graphql<any>(IMPORT, { input: { text: ris(decomposed('Névralgie après péridurale'), decomposed('Revue médicale'), decomposed('Müller, Jörg'), decomposed('Céphalée')), fileName: 'mac.ris', review: decomposed('Revue café') } }, CURATOR_KEY);
    expect(first.errors).toBeUndefined();
    const second = await app.graphql<any>(IMPORT, { input: { text: ris('Hématome sous-dural', 'Revue médicale', 'Müller, Jörg', 'Céphalée'), fileName: 'pc.ris', review: 'Revue café' } }, CURATOR_KEY);
    expect(second.errors).toBeUndefined();
    expect(second.data.importPublications.created).toBe(1);
    await waitForIndex(app);

    const search = async (input: Record<string, unknown>) => {
      const result = await app.graphql<any>(SEARCH, { input });
      expect(result.errors).toBeUndefined();
      return result.data.searchPublications;
    };
    for (const text of ['névralgie', decomposed('névralgie'), 'NÉVRALGIE']) expect((await search({ text })).totalPublications).toBe(1);
    const facets = await search({ facets: [{ facet: 'JOURNAL' }, { facet: 'REVIEW' }] });
    expect(facets.facets.find((facet: any) => facet.facet === 'JOURNAL').values).toEqual([{ value: 'Revue médicale', publicationCount: 2 }]);
    expect(facets.facets.find((facet: any) => facet.facet === 'REVIEW').values).toEqual([{ value: 'Revue café', publicationCount: 2 }]);
    expect((await search({ filters: { journals: [decomposed('Revue médicale')] } })).totalPublications).toBe(2);
    const stored = facets.hits.edges.map((edge: any) => edge.node.publication).find((publication: any) => /vralgie/.test(publication.title));
    expect(stored).toMatchObject({ title: 'Névralgie après péridurale', journal: 'Revue médicale', authors: [{ family: 'Müller' }], keywords: ['Céphalée'] });

    const reviews = await app.graphql<any>('{ reviews { name } }', undefined, CURATOR_KEY);
    expect(reviews.data.reviews).toEqual([{ name: 'Revue café' }]);
  });

  it('a review saved in one form and named in the other is the same review', async () => {
    const save = (name: string) => app.graphql<any>('mutation($name: String!) { saveReview(input: { name: $name, question: "Headache after a blood patch?" }) { name } }', { name }, CURATOR_KEY);
    expect((await save('Étude céphalée')).data.saveReview.name).toBe('Étude céphalée');
    expect((await save(decomposed('Étude céphalée'))).data.saveReview.name).toBe('Étude céphalée');
    const reviews = await app.graphql<any>('{ reviews { name } }', undefined, CURATOR_KEY);
    expect(reviews.data.reviews.map((review: any) => review.name).filter((name: string) => /tude/.test(name))).toEqual(['Étude céphalée']);
    const prisma = await app.graphql<any>('query($review: String!) { prismaCounts(review: $review) { review } }', { review: decomposed('Étude céphalée') }, CURATOR_KEY);
    expect(prisma.errors).toBeUndefined();
  });

  it('a publication created with a decomposed title (a literal in the document) is stored composed and found', async () => {
    const created = await app.graphql<any>(`mutation { createPublication(input: { title: "${decomposed('Syndrome de Brown-Séquard après anesthésie')}", year: 2021 }) { id title } }`, undefined, CURATOR_KEY);
    expect(created.errors).toBeUndefined();
    expect(created.data.createPublication.title).toBe('Syndrome de Brown-Séquard après anesthésie');
    await waitForIndex(app);
    const found = await app.graphql<any>(SEARCH, { input: { text: 'séquard' } });
    expect(found.data.searchPublications.totalPublications).toBe(1);
  });

  it('finds a word written with an invisible character inside (a soft hyphen copied from a PDF, a word joiner), in full-width letters or with a ligature, and a search typed so', async () => {
    const titles = ['Lumbar seroma after a soft hy\u00ADphenated blood patch', 'Lumbar seroma after a word\u2060joined blood patch', 'Lumbar ｓｅｒｏｍａ in full-width letters', 'Lumbar seroma with ﬁbrosis after a blood patch'];
    const text = titles.map((title, index) => `TY  - JOUR\nTI  - ${title}\nPY  - ${2010 + index}\nER  - \n`).join('');
    expect((await app.graphql<any>(IMPORT, { input: { text, fileName: 'pdf-copies.ris', extractCases: false } }, CURATOR_KEY)).data.importPublications.created).toBe(4);
    await waitForIndex(app);
    const count = async (text: string) => (await app.graphql<any>(SEARCH, { input: { text } })).data.searchPublications.totalPublications;
    expect({ seroma: await count('seroma'), hyphenated: await count('hyphenated'), wordjoined: await count('wordjoined'), fibrosis: await count('fibrosis') }).toEqual({ seroma: 4, hyphenated: 1, wordjoined: 1, fibrosis: 1 });
    expect({ typedSoftHyphen: await count('sero\u00ADma'), typedWordJoiner: await count('sero\u2060ma'), typedFullWidth: await count('ｓｅｒｏｍａ') }).toEqual({ typedSoftHyphen: 4, typedWordJoiner: 4, typedFullWidth: 4 });
  });
});
