import { detectFormat } from './detect-format';
import { ImportFormatError } from './parsed-publication';
import { fixtureText } from './testing/fixtures';

describe('detectFormat', () => {
  it.each([
    ['pubmed_xml/pubmed-10-records-5-case-reports.xml', 'pubmed-xml'],
    ['pubmed_xml/pubmed-structured-abstract.xml', 'pubmed-xml'],
    ['medline/pubmed-medline-50-records.nbib', 'medline'],
    ['ris/rayyan-10-records.ris', 'ris'],
    ['ris/zotero-pubmed-6-records.ris', 'ris'],
    ['csv/zotero-10-records.csv', 'csv'],
    ['csv/rayyan-10-records.csv', 'csv'],
    ['ovid/ovid-medline-complete-reference.txt', 'ovid'],
    ['ovid/ovid-embase-complete-reference.txt', 'ovid'],
    ['ovid/ovid-embase-tagged.txt', 'ovid'],
    ['ovid/ovid-medline-tagged.txt', 'ovid'],
  ])('recognises %s as %s from its first 8 KB', (file, format) => {
    expect(detectFormat(fixtureText(file).slice(0, 8192))).toBe(format);
  });

  it.each([
    ['\ufeff<?xml version="1.0"?>\r\n<PubmedArticleSet><PubmedArticle>', 'pubmed-xml'],
    ['<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "x.dtd">\n', 'pubmed-xml'],
    ['\r\nPMID- 31690499\r\nOWN - NLM\r\n', 'medline'],
    ['Provider: Example\n\nTY  - JOUR\nTI  - x\n', 'ris'],
    ['<1>\nTY  - JOUR\n', 'ris'],
    ['% encoding: UTF-8\n\n@ARTICLE{Kimura2019,\n author = {A}}', 'bibtex'],
    ['@article{ WOS:000352286800005,\nAuthor = {x}}', 'bibtex'],
    ['PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year,Create Date,PMCID,NIHMS ID,DOI\n1,x', 'csv'],
    ['Title,Authors,Abstract,Published Year,Journal,Volume,Issue,Pages,Accession Number,DOI,Ref,Covidence #,Study,Notes,Tags\n', 'csv'],
    ['key;title;year;journal;authors\n', 'csv'],
    ['Name,Year,Colour\nx,2020,red\n', 'csv'], // goes to the CSV parser, which names the expected columns
    ['[\n  {\n    "id": "a1",\n    "type": "article-journal",', 'csl-json'],
    ['\ufeff[{"id":"a1","title":"x"}]', 'csl-json'],
    ['{\n  "id": "a1",\n  "type": "article-journal"\n}', 'csl-json'], // one pretty-printed item
    ['{"id":"c1","label":"Case 1","publication":{"title":"x"}}\n{"id":"c2",', 'jsonl'],
    ['{"id":"p1","title":"x","authors":[]}\n', 'jsonl'],
  ])('recognises %j as %s', (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });

  it('uses the file name as a hint for short CSV headers', () => {
    expect(detectFormat('a,b\n1,2\n', 'export.csv')).toBe('csv');
  });

  it('refuses XML that is not PubMed XML', () => {
    expect(() => detectFormat('<?xml version="1.0"?><rss version="2.0"><channel>')).toThrow(/XML but neither PubMed XML .* nor EndNote XML/);
  });

  it('lists the supported formats when nothing matches', () => {
    let error: unknown;
    try {
      detectFormat('Just some notes about papers I liked.\nNothing structured here.', 'notes.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).message).toBe(
      'The format of the file "notes.txt" is not recognised. Supported formats: PubMed XML (<PubmedArticleSet>), MEDLINE / .nbib ("PMID- " lines), RIS ("TY  - " lines), BibTeX ("@article{"), Web of Science tagged text / .ciw ("PT J" lines), Ovid text exports (MEDLINE, Embase: "<1>" records with labelled fields or "VN  - Ovid Technologies" tags), EndNote XML (<records><record>), CSL-JSON ("[{…}]"), JSON Lines (one {…} a line), and CSV / TSV exports (recognised by their header row: Rayyan, Zotero, PubMed, Covidence, Scopus, Web of Science, Embase, EBSCOhost / CINAHL, Cochrane CENTRAL, OpenAlex, Lens, Publish or Perish, Dimensions, EndNote, RefWorks tab-delimited (Citavi), Abstrackr, or any table with a title column; other tables with a column mapping).',
    );
    expect((error as ImportFormatError).recordNumber).toBeNull();
  });

  it('refuses an empty file', () => {
    expect(() => detectFormat('\ufeff  \n')).toThrow(/is empty/);
  });
});
