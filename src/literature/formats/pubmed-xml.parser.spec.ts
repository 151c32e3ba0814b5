import { Readable } from 'node:stream';
import { ImportFormatError } from '../parsed-publication';
import type { ParsedRecord } from '../parsed-publication';
import { collect, fixtureStream, fixtureText, importError, streamOf } from '../testing/fixtures';
import { parsePubmedXml } from './pubmed-xml.parser';

const TEN = 'pubmed_xml/pubmed-10-records-5-case-reports.xml';
const STRUCTURED = 'pubmed_xml/pubmed-structured-abstract.xml';

function wrap(articles: string): string {
  return `<?xml version="1.0"?>\n<PubmedArticleSet>\n${articles}\n</PubmedArticleSet>\n`;
}

describe('parsePubmedXml on the real 10-record file', () => {
  let records: ParsedRecord[];
  beforeAll(async () => {
    records = await collect(parsePubmedXml(fixtureStream(TEN)));
  });

  it('yields the 10 records, numbered, with the line of each <PubmedArticle>', () => {
    expect(records).toHaveLength(10);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(records[0].line).toBe(5);
    expect(records.map((record) => record.publication.pmid)).toEqual([
      '31690499', '30576676', '25371100', '24709432', '17950424', '15472489', '15196982', '11936454', '3869727', '5249350',
    ]);
  });

  it('finds the 5 "Case Reports"', () => {
    const caseReports = records.filter((record) => record.publication.publicationTypes.includes('Case Reports'));
    expect(caseReports.map((record) => record.publication.pmid)).toEqual(['25371100', '24709432', '17950424', '15472489', '3869727']);
  });

  it('reads the 95 MeSH headings with descriptor UIs and major topics (descriptor or qualifier)', () => {
    const headings = records.flatMap((record) => record.publication.meshHeadings);
    expect(headings).toHaveLength(95);
    expect(headings.every((heading) => /^D\d{6,9}$/.test(heading.descriptorUi ?? ''))).toBe(true);
    const kcot = records[2].publication;
    expect(kcot.meshHeadings[0]).toEqual({ descriptorUi: 'D000273', label: 'Adipose Tissue', majorTopic: false });
    // <DescriptorName MajorTopicYN="N">Odontogenic Cysts</DescriptorName> with a major qualifier
    expect(kcot.meshHeadings.find((heading) => heading.label === 'Odontogenic Cysts')).toEqual({ descriptorUi: 'D009807', label: 'Odontogenic Cysts', majorTopic: true });
  });

  it('maps the bibliographic fields of a full record', () => {
    const record = records[0].publication;
    expect(record).toMatchObject({
      title: 'A new decompression device for treating odontogenic cysts using a silicone tube.',
      abstract: null,
      journal: 'The British journal of oral & maxillofacial surgery',
      journalAbbreviation: 'Br J Oral Maxillofac Surg',
      year: 2019,
      month: 11,
      doi: '10.1016/j.bjoms.2019.09.011',
      pmid: '31690499',
      issns: ['1532-1940', '0266-4356'],
      publicationTypes: ['Journal Article'],
      keywords: ['decompression', 'marsupialization', 'odontogenic cysts', 'silicone tube'],
      language: 'eng',
    });
    expect(record.authors).toEqual([
      { family: 'Kimura', given: 'M' },
      { family: 'Ishibashi', given: 'K' },
      { family: 'Shibata', given: 'A' },
      { family: 'Nishiwaki', given: 'S' },
      { family: 'Umemura', given: 'M' },
    ]);
  });

  it('reads volume, issue, pages, labelled abstracts and MedlineDate', () => {
    const kcot = records[2].publication;
    expect(kcot).toMatchObject({ volume: '34', issue: '1', pages: '58-63', doi: '10.1179/2151090314y.0000000035' });
    expect(kcot.abstract).toMatch(/^OBJECTIVES: To consider the biologic behaviors/);
    expect(kcot.abstract).toContain('\n\nMETHODS: A 63-year-old Japanese man');
    expect(kcot.abstract).toContain('\n\nDISCUSSION: The histopathological diagnosis');
    // <MedlineDate>2014 Jan-Apr</MedlineDate>
    expect(records[3].publication).toMatchObject({ year: 2014, month: 1, pages: '38-41', doi: null });
    expect(records[3].publication.authors[0]).toEqual({ family: 'Kimura', given: 'Juliana Sayuri' });
  });

  it('leaves the copyright line out of the abstract', () => {
    expect(records[1].publication.abstract).toMatch(/^Primary intraosseous carcinoma/);
    expect(records[1].publication.abstract).not.toContain('Copyright');
  });

  it('gives the same records when the file arrives in small chunks', async () => {
    const chunked = await collect(parsePubmedXml(fixtureStream(TEN, 97)));
    expect(chunked).toEqual(records);
  });
});

describe('parsePubmedXml on the structured-abstract file', () => {
  it('keeps the section labels and reads inline markup and character references', async () => {
    const [record] = await collect(parsePubmedXml(fixtureStream(STRUCTURED)));
    const publication = record.publication;
    expect(publication.title).toBe('Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.');
    expect(publication.abstract?.split('\n\n').map((section) => section.split(':')[0])).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(publication.abstract).toContain('fast-acting β 2-agonist'); // &#946; then <sub>2</sub>
    expect(publication.abstract).toContain('(200 μg of budesonide');
    expect(publication.publicationTypes).toHaveLength(6);
    expect(publication.publicationTypes).toContain('Randomized Controlled Trial');
    expect(publication.meshHeadings).toHaveLength(23);
    expect(publication.meshHeadings.filter((heading) => heading.majorTopic).map((heading) => heading.label)).toEqual([
      'Asthma', 'Bronchodilator Agents', 'Budesonide', 'Formoterol Fumarate', 'Terbutaline',
    ]);
    expect(publication).toMatchObject({
      pmid: '29768149',
      doi: '10.1056/nejmoa1715274',
      journal: 'The New England journal of medicine',
      journalAbbreviation: 'N Engl J Med',
      year: 2018,
      month: 5,
      volume: '378',
      issue: '20',
      pages: '1865-1876',
    });
    expect(publication.authors[0]).toEqual({ family: "O'Byrne", given: 'Paul M' });
    expect(publication.authors[1]).toEqual({ family: 'FitzGerald', given: 'J Mark' });
    expect(publication.authors).toHaveLength(10);
  });
});

describe('parsePubmedXml details', () => {
  const article = `<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">11111111</PMID>
    <Article PubModel="Print">
      <Journal>
        <ISSN IssnType="Print">0000-0019</ISSN>
        <JournalIssue CitedMedium="Print"><Volume>5</Volume><Issue>2</Issue><PubDate><MedlineDate>2019 Jan-Feb</MedlineDate></PubDate></JournalIssue>
        <Title>Journal of Cases</Title>
      </Journal>
      <ArticleTitle>A <i>rare</i> case of <sup>99m</sup>Tc uptake.</ArticleTitle>
      <Pagination><StartPage>10</StartPage><EndPage>15</EndPage></Pagination>
      <AuthorList CompleteYN="Y">
        <Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jane</ForeName><Initials>J</Initials></Author>
        <Author ValidYN="N"><LastName>Wrong</LastName><ForeName>Name</ForeName></Author>
        <Author ValidYN="Y"><LastName>Roe</LastName><Initials>RA</Initials></Author>
        <Author ValidYN="Y"><CollectiveName>Rare Disease Study Group</CollectiveName></Author>
      </AuthorList>
      <Language>eng</Language>
      <PublicationTypeList><PublicationType UI="D002363">Case Reports</PublicationType></PublicationTypeList>
    </Article>
    <MedlineJournalInfo><MedlineTA>J Cases</MedlineTA><ISSNLinking>0000-0019</ISSNLinking></MedlineJournalInfo>
    <MeshHeadingList>
      <MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>
      <MeshHeading><DescriptorName UI="D009804" MajorTopicYN="N">Odontogenic Cysts</DescriptorName><QualifierName UI="Q000175" MajorTopicYN="Y">diagnosis</QualifierName></MeshHeading>
    </MeshHeadingList>
  </MedlineCitation>
  <PubmedData>
    <ArticleIdList>
      <ArticleId IdType="pubmed">11111111</ArticleId>
      <ArticleId IdType="doi">10.1000/CASE.2019.1</ArticleId>
      <ArticleId IdType="pmc">PMC7654321</ArticleId>
    </ArticleIdList>
    <ReferenceList><Reference><Citation>Other paper.</Citation><ArticleIdList><ArticleId IdType="doi">10.9999/not-this-one</ArticleId></ArticleIdList></Reference></ReferenceList>
  </PubmedData>
</PubmedArticle>`;

  it('reads MedlineDate, start/end pages, inline markup, collective and invalid authors, PMC ids', async () => {
    const [record] = await collect(parsePubmedXml(streamOf(wrap(article))));
    expect(record.line).toBe(3);
    expect(record.publication).toEqual({
      title: 'A rare case of 99mTc uptake.',
      abstract: null,
      authors: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Roe', given: 'RA' },
        { family: 'Rare Disease Study Group', given: null },
      ],
      journal: 'Journal of Cases',
      journalAbbreviation: 'J Cases',
      year: 2019,
      month: 1,
      volume: '5',
      issue: '2',
      pages: '10-15',
      doi: '10.1000/case.2019.1',
      pmid: '11111111',
      pmcid: 'PMC7654321',
      issns: ['0000-0019'],
      publicationTypes: ['Case Reports'],
      meshHeadings: [
        { descriptorUi: 'D006801', label: 'Humans', majorTopic: false },
        { descriptorUi: 'D009804', label: 'Odontogenic Cysts', majorTopic: true },
      ],
      keywords: [],
      language: 'eng',
      url: null,
    });
  });

  it('reads PubmedBookArticle records (best effort)', async () => {
    const book = `<PubmedBookArticle>
  <BookDocument>
    <PMID Version="1">20301295</PMID>
    <ArticleIdList><ArticleId IdType="bookaccession">NBK1116</ArticleId></ArticleIdList>
    <Book>
      <Publisher><PublisherName>University of Washington, Seattle</PublisherName></Publisher>
      <BookTitle book="gene">GeneReviews®</BookTitle>
      <PubDate><Year>1993</Year></PubDate>
      <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName></Author></AuthorList>
    </Book>
    <ArticleTitle book="gene" part="achondroplasia">Achondroplasia</ArticleTitle>
    <Language>eng</Language>
    <AuthorList Type="authors"><Author><LastName>Legare</LastName><ForeName>Janet M</ForeName></Author></AuthorList>
    <PublicationType UI="D000072">Review</PublicationType>
    <Abstract><AbstractText Label="CLINICAL CHARACTERISTICS">Achondroplasia is the most common cause of disproportionate short stature.</AbstractText></Abstract>
  </BookDocument>
  <PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">20301295</ArticleId></ArticleIdList></PubmedBookData>
</PubmedBookArticle>`;
    const [record] = await collect(parsePubmedXml(streamOf(wrap(book))));
    expect(record.publication).toMatchObject({
      pmid: '20301295',
      title: 'Achondroplasia',
      journal: 'GeneReviews®',
      year: 1993,
      authors: [{ family: 'Legare', given: 'Janet M' }],
      publicationTypes: ['Review'],
      abstract: 'CLINICAL CHARACTERISTICS: Achondroplasia is the most common cause of disproportionate short stature.',
      language: 'eng',
    });
  });

  it('yields nothing for an empty PubmedArticleSet', async () => {
    expect(await collect(parsePubmedXml(streamOf('<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>')))).toEqual([]);
  });
});

describe('parsePubmedXml refuses malformed and unsafe input', () => {
  it('reports a truncated file with the record and line where it broke, after yielding the complete records', async () => {
    const text = fixtureText(TEN);
    const cut = text.indexOf('<ArticleTitle>', text.indexOf('<PMID Version="1">24709432</PMID>'));
    const error = await importError(parsePubmedXml(streamOf(text.slice(0, cut + 30))));
    expect(error.yielded).toHaveLength(3);
    expect(error.recordNumber).toBe(4);
    expect(error.line).toBe(text.slice(0, cut + 30).split('\n').length);
    expect(error.message).toMatch(/PubMed XML record 4, line \d+: malformed XML: unclosed tag/);
  });

  it('reports mismatched tags as malformed XML', async () => {
    const error = await importError(parsePubmedXml(streamOf(wrap('<PubmedArticle><MedlineCitation><PMID>1</PMID></Article></MedlineCitation></PubmedArticle>'))));
    expect(error.recordNumber).toBe(1);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/malformed XML/);
  });

  it('refuses a DOCTYPE with ENTITY declarations instead of expanding them ("billion laughs")', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol3;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;
    const error = await importError(parsePubmedXml(streamOf(lol)));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.yielded).toEqual([]);
    expect(error.field).toBe('DOCTYPE');
    expect(error.message).toMatch(/DOCTYPE declares an internal subset \(ENTITY declarations\)/);
  });

  it('refuses an external entity (XXE) without reading it', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&xxe;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`;
    const error = await importError(parsePubmedXml(streamOf(xxe)));
    expect(error.field).toBe('DOCTYPE');
    expect(error.message).not.toContain('root:');
  });

  it('treats an entity reference that was never declared as malformed XML', async () => {
    const error = await importError(parsePubmedXml(streamOf(wrap('<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&nbsp;x</ArticleTitle></Article></MedlineCitation></PubmedArticle>'))));
    expect(error.recordNumber).toBe(1);
    expect(error.field).toBe('ArticleTitle');
    expect(error.message).toContain('undefined entity &nbsp; (XML knows only');
  });

  it('accepts the public NLM DOCTYPE of real files without fetching it', async () => {
    expect(fixtureText(TEN)).toContain('<!DOCTYPE PubmedArticleSet PUBLIC');
    expect(await collect(parsePubmedXml(fixtureStream(TEN)))).toHaveLength(10);
  });

  it('refuses XML whose root is not a PubMed element', async () => {
    const error = await importError(parsePubmedXml(streamOf('<?xml version="1.0"?><rss><channel/></rss>')));
    expect(error.message).toMatch(/root element is <rss>/);
  });
});

describe('parsePubmedXml streams in bounded memory', () => {
  const RECORDS = 20_000;
  const BATCH = 25;

  function articleXml(n: number): string {
    const pmid = 30_000_000 + n;
    return `<PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">${pmid}</PMID>
      <Article PubModel="Print">
        <Journal><ISSN IssnType="Electronic">1234-5678</ISSN><JournalIssue><Volume>${n % 90}</Volume><Issue>${n % 12}</Issue><PubDate><Year>${1990 + (n % 30)}</Year><Month>Mar</Month></PubDate></JournalIssue><Title>Generated Journal</Title><ISOAbbreviation>Gen J</ISOAbbreviation></Journal>
        <ArticleTitle>Generated case report number ${n}.</ArticleTitle>
        <Pagination><MedlinePgn>${n}-${n + 5}</MedlinePgn></Pagination>
        <ELocationID EIdType="doi" ValidYN="Y">10.5555/gen.${n}</ELocationID>
        <Abstract><AbstractText Label="BACKGROUND">Background of case ${n}.</AbstractText><AbstractText Label="CASE PRESENTATION">A patient with condition ${n % 97}.</AbstractText></Abstract>
        <AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Author${n}</LastName><ForeName>First</ForeName><Initials>F</Initials><AffiliationInfo><Affiliation>Hospital ${n}</Affiliation></AffiliationInfo></Author></AuthorList>
        <Language>eng</Language>
        <PublicationTypeList><PublicationType UI="D002363">Case Reports</PublicationType></PublicationTypeList>
      </Article>
      <MeshHeadingList><MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading></MeshHeadingList>
    </MedlineCitation>
    <PubmedData><ArticleIdList><ArticleId IdType="pubmed">${pmid}</ArticleId></ArticleIdList></PubmedData>
  </PubmedArticle>\n`;
  }

  it(`parses ${RECORDS} generated records pulled one batch at a time, never far ahead of the consumer`, async () => {
    let produced = 0;
    function* generate(): Generator<string> {
      yield '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n<PubmedArticleSet>\n';
      for (let start = 0; start < RECORDS; start += BATCH) {
        let batch = '';
        for (let n = start; n < start + BATCH; n++) batch += articleXml(n);
        produced = start + BATCH;
        yield batch;
      }
      yield '</PubmedArticleSet>\n';
    }
    const source = Readable.from(generate(), { objectMode: true, highWaterMark: 2 });

    let consumed = 0;
    let maxLead = 0;
    let firstLead = -1;
    for await (const record of parsePubmedXml(source)) {
      if (firstLead < 0) firstLead = produced;
      maxLead = Math.max(maxLead, produced - consumed);
      expect(record.recordNumber).toBe(consumed + 1);
      expect(record.publication.pmid).toBe(String(30_000_000 + consumed));
      consumed += 1;
      if (consumed === RECORDS) {
        expect(record.publication.doi).toBe(`10.5555/gen.${RECORDS - 1}`);
        expect(record.publication.abstract).toBe(`BACKGROUND: Background of case ${RECORDS - 1}.\n\nCASE PRESENTATION: A patient with condition ${(RECORDS - 1) % 97}.`);
      }
    }
    expect(consumed).toBe(RECORDS);
    // The first record comes out after a handful of batches, not after the whole input was read,
    // and the reader never runs more than a few batches ahead of the consumer.
    expect(firstLead).toBeLessThanOrEqual(5 * BATCH);
    expect(maxLead).toBeLessThanOrEqual(5 * BATCH);
  }, 60_000);
});

describe('parsePubmedXml: values that cannot be read are noted, with their element and line', () => {
  it('names the element, its line and the value', async () => {
    const xml = wrap(`<PubmedArticle>
  <MedlineCitation>
    <PMID Version="1">22222222</PMID>
    <Article>
      <Journal>
        <JournalIssue><PubDate><Year>19xx</Year><Month>Smarch</Month></PubDate></JournalIssue>
        <Title>Journal of Cases</Title>
      </Journal>
      <ArticleTitle>A case.</ArticleTitle>
      <ELocationID EIdType="doi" ValidYN="Y">pending</ELocationID>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pmc">none</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>`);
    const [record] = await collect(parsePubmedXml(streamOf(xml)));
    expect(record).toMatchObject({ recordNumber: 1, line: 3 });
    expect(record.publication).toMatchObject({ pmid: '22222222', year: null, month: null, doi: null, pmcid: null });
    expect(record.notes).toEqual([
      { field: 'Year', line: 8, message: '"19xx" is not a year; the year was left empty' },
      { field: 'Month', line: 8, message: '"Smarch" is not a month; the month was left empty' },
      { field: 'ELocationID', line: 12, message: '"pending" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
      { field: 'ArticleId[@IdType="pmc"]', line: 15, message: '"none" is not a PMC ID ("PMC" and a number); the PMC ID was left empty' },
    ]);
  });
});
