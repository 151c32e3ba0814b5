/**
 * A large PubMed XML file made on the fly, shaped like the annual baseline files (about 6.5 KB per
 * record: authors with affiliations, a structured abstract, MeSH headings, a reference list), each
 * record with its own PMID and DOI. Streams: nothing but the current record exists in memory.
 */

const WORDS = 'spinal epidural hematoma after lumbar puncture in a patient on anticoagulation treated with surgical decompression and recovery of neurological function over several weeks'.split(' ');

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return words.join(' ');
}

export function pubmedRecord(n: number): string {
  const pmid = 40000000 + n;
  const authors = Array.from({ length: 6 }, (_, i) => `
        <Author ValidYN="Y">
          <LastName>Author${(n + i) % 997}</LastName>
          <ForeName>Given ${i}</ForeName>
          <Initials>G</Initials>
          <AffiliationInfo><Affiliation>Department of Anaesthesiology, University Hospital ${i}, City, Country. author${n}.${i}@example.org</Affiliation></AffiliationInfo>
        </Author>`).join('');
  const references = Array.from({ length: 12 }, (_, i) => `
      <Reference><Citation>${sentence(n + i, 18)}. J Example. 2001;${i}:1-10.</Citation><ArticleIdList><ArticleId IdType="pubmed">${30000000 + i}</ArticleId></ArticleIdList></Reference>`).join('');
  const mesh = ['D006801', 'D005260', 'D020758', 'D000925', 'D008159'].map((ui, i) => `
        <MeshHeading><DescriptorName UI="${ui}" MajorTopicYN="${i === 2 ? 'Y' : 'N'}">Heading ${ui}</DescriptorName></MeshHeading>`).join('');
  return `
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">${pmid}</PMID>
    <Article PubModel="Print">
      <Journal>
        <ISSN IssnType="Electronic">1234-5678</ISSN>
        <JournalIssue CitedMedium="Internet"><Volume>${n % 90}</Volume><Issue>${n % 12}</Issue><PubDate><Year>${2000 + (n % 25)}</Year><Month>Mar</Month></PubDate></JournalIssue>
        <Title>Journal of Generated Case Reports</Title>
        <ISOAbbreviation>J Gen Case Rep</ISOAbbreviation>
      </Journal>
      <ArticleTitle>Generated case ${n}: ${sentence(n, 12)}.</ArticleTitle>
      <Pagination><MedlinePgn>${n % 500}-${(n % 500) + 7}</MedlinePgn></Pagination>
      <ELocationID EIdType="doi" ValidYN="Y">10.5555/generated.${n}</ELocationID>
      <Abstract>
        <AbstractText Label="BACKGROUND">${sentence(n, 60)}.</AbstractText>
        <AbstractText Label="CASE">${sentence(n + 1, 90)}.</AbstractText>
        <AbstractText Label="CONCLUSION">${sentence(n + 2, 40)}.</AbstractText>
      </Abstract>
      <AuthorList CompleteYN="Y">${authors}
      </AuthorList>
      <Language>eng</Language>
      <PublicationTypeList><PublicationType UI="D002363">Case Reports</PublicationType><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>
    </Article>
    <MeshHeadingList>${mesh}
    </MeshHeadingList>
    <KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">keyword ${n % 50}</Keyword><Keyword MajorTopicYN="N">blood patch</Keyword></KeywordList>
  </MedlineCitation>
  <PubmedData>
    <ArticleIdList><ArticleId IdType="pubmed">${pmid}</ArticleId><ArticleId IdType="doi">10.5555/generated.${n}</ArticleId></ArticleIdList>
    <ReferenceList>${references}
    </ReferenceList>
  </PubmedData>
</PubmedArticle>`;
}

/** Yields PubMed XML in pieces until at least `bytes` have been produced; `records()` says how many records it held. */
export function generatedPubmedXml(bytes: number): { source: AsyncGenerator<Buffer>; records(): number } {
  let count = 0;
  async function* source(): AsyncGenerator<Buffer> {
    yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>');
    let produced = 0;
    while (produced < bytes) {
      // ~64 KB pieces, as a file stream would deliver them.
      const parts: string[] = [];
      let size = 0;
      while (size < 64 * 1024 && produced + size < bytes) {
        count += 1;
        const record = pubmedRecord(count);
        parts.push(record);
        size += record.length;
      }
      produced += size;
      yield Buffer.from(parts.join(''), 'utf8');
    }
    yield Buffer.from('\n</PubmedArticleSet>\n');
  }
  return { source: source(), records: () => count };
}
