import { byteChunks, collect, importError, streamOf } from '../testing/fixtures';
import { parseBibtex, parseBibtexName, splitBibtexNames } from './bibtex.parser';
import { decodeLatex } from './latex';

/** Shaped like a Scopus "BibTeX export" (all information). */
const SCOPUS = `Scopus
EXPORT DATE: 15 August 2024

@ARTICLE{Kimura2019555,
\tauthor = {Kimura, M. and Nomura, T. and Kr{\\"{u}}ger, A.-L. and Garc{\\'\\i}a-L{\\'o}pez, J.},
\ttitle = {Remarkable Short-Term Regression of a Posterior Mediastinum Metastasis From Primary Intraosseous Carcinoma Treated With Nivolumab: A Case Report},
\tyear = {2019},
\tjournal = {Journal of Oral and Maxillofacial Surgery},
\tvolume = {77},
\tnumber = {3},
\tpages = {555.e1--555.e6},
\tdoi = {10.1016/j.joms.2018.11.016},
\turl = {https://www.scopus.com/inward/record.uri?eid=2-s2.0-85058818396&doi=10.1016%2fj.joms.2018.11.016&partnerID=40&md5=0},
\taffiliation = {Department of Oral and Maxillofacial Surgery, Ogaki Municipal Hospital, Ogaki, Japan},
\tabstract = {Primary intraosseous carcinoma (PIOC) is a rare odontogenic malignancy. {\\copyright} 2018},
\tauthor_keywords = {nivolumab; case report; {\\'E}tude},
\tkeywords = {Nivolumab; Humans; Male; Carcinoma},
\tcorrespondence_address = {M. Kimura; Department of Oral and Maxillofacial Surgery, email: masashi9@dpc.agu.ac.jp},
\tissn = {02782391},
\tcoden = {JOMSD},
\tpmid = {30576676},
\tlanguage = {English},
\tabbrev_source_title = {J. Oral Maxillofac. Surg.},
\tdocument_type = {Article},
\tpublication_stage = {Final},
\tsource = {Scopus},
\tnote = {Cited by: 3}
}
`;

/** Shaped like a Web of Science "BibTeX" export (full record). */
const WOS = `
@article{ WOS:000352286800005,
Author = {O'Byrne, Paul M. and FitzGerald, J. Mark and {SYGMA 1 Investigators}},
Title = {{Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma}},
Journal = {{NEW ENGLAND JOURNAL OF MEDICINE}},
Year = {{2018}},
Volume = {{378}},
Number = {{20}},
Pages = {{1865-1876}},
Month = {{MAY 17}},
Abstract = {{BACKGROUND In patients with mild asthma, as-needed use of an inhaled
   glucocorticoid plus a fast-acting beta(2)-agonist may be an alternative.}},
Type = {{Article}},
Language = {{English}},
DOI = {{10.1056/NEJMoa1715274}},
ISSN = {{0028-4793}},
EISSN = {{1533-4406}},
Keywords = {{asthma; budesonide}},
Keywords-Plus = {{INHALED CORTICOSTEROIDS; EXACERBATIONS}},
Journal-ISO = {{N. Engl. J. Med.}},
Unique-ID = {{MEDLINE:29768149}},
}
`;

describe('parseBibtex', () => {
  it('reads a Scopus export: names with LaTeX accents, pages "--", pmid, ISSN without hyphen, keywords with ";"', async () => {
    const [record] = await collect(parseBibtex(streamOf(SCOPUS)));
    expect(record.recordNumber).toBe(1);
    expect(record.line).toBe(4);
    expect(record.publication).toEqual({
      title: 'Remarkable Short-Term Regression of a Posterior Mediastinum Metastasis From Primary Intraosseous Carcinoma Treated With Nivolumab: A Case Report',
      abstract: 'Primary intraosseous carcinoma (PIOC) is a rare odontogenic malignancy. © 2018',
      authors: [
        { family: 'Kimura', given: 'M' },
        { family: 'Nomura', given: 'T' },
        { family: 'Krüger', given: 'A-L' },
        { family: 'García-López', given: 'J' },
      ],
      journal: 'Journal of Oral and Maxillofacial Surgery',
      journalAbbreviation: 'J. Oral Maxillofac. Surg.',
      year: 2019,
      month: null,
      volume: '77',
      issue: '3',
      pages: '555.e1-555.e6',
      doi: '10.1016/j.joms.2018.11.016',
      pmid: '30576676',
      pmcid: null,
      issns: ['0278-2391'],
      publicationTypes: ['Article'],
      meshHeadings: [],
      keywords: ['Nivolumab', 'Humans', 'Male', 'Carcinoma', 'nivolumab', 'case report', 'Étude'],
      language: 'English',
      url: 'https://www.scopus.com/inward/record.uri?eid=2-s2.0-85058818396&doi=10.1016%2fj.joms.2018.11.016&partnerID=40&md5=0',
    });
  });

  it('reads a Web of Science export: double braces, MEDLINE Unique-ID, Journal-ISO, EISSN, corporate author', async () => {
    const [record] = await collect(parseBibtex(streamOf(WOS)));
    expect(record.line).toBe(2);
    expect(record.publication).toMatchObject({
      title: 'Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma',
      journal: 'NEW ENGLAND JOURNAL OF MEDICINE',
      journalAbbreviation: 'N. Engl. J. Med.',
      year: 2018,
      month: 5,
      volume: '378',
      issue: '20',
      pages: '1865-1876',
      doi: '10.1056/nejmoa1715274',
      pmid: '29768149',
      issns: ['0028-4793', '1533-4406'],
      publicationTypes: ['Article'],
      keywords: ['asthma', 'budesonide', 'INHALED CORTICOSTEROIDS', 'EXACERBATIONS'],
      language: 'English',
    });
    expect(record.publication.abstract).toBe(
      'BACKGROUND In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a fast-acting beta(2)-agonist may be an alternative.',
    );
    expect(record.publication.authors).toEqual([
      { family: "O'Byrne", given: 'Paul M' },
      { family: 'FitzGerald', given: 'J Mark' },
      { family: 'SYGMA 1 Investigators', given: null },
    ]);
  });

  it('handles @string macros, # concatenation, month macros, parentheses, @comment and @preamble', async () => {
    const text = `@preamble{"\\newcommand{\\noop}[1]{}"}
@comment{ignored @article{not, title={an entry}} }
@string{ jrc = "Journal of Rare Cases" }
@article(paren2020,
  author = "Doe, Jane and John Roe and van der Berg, Anne",
  title = "Rare " # {{HIV}} # " case",
  journal = jrc,
  month = feb,
  year = 2020,
  note = {PMID: 31234567, PMCID: PMC7000001},
  eprinttype = {pubmed}
)
@misc{key3, title = {Third}, date = {2021-07-01}, url = {https://doi.org/10.1000/third}}`;
    const records = await collect(parseBibtex(streamOf(text)));
    expect(records.map((record) => [record.recordNumber, record.line])).toEqual([
      [1, 4],
      [2, 13],
    ]);
    expect(records[0].publication).toMatchObject({
      title: 'Rare HIV case',
      journal: 'Journal of Rare Cases',
      month: 2,
      year: 2020,
      pmid: '31234567',
      pmcid: 'PMC7000001',
      authors: [
        { family: 'Doe', given: 'Jane' },
        { family: 'Roe', given: 'John' },
        { family: 'van der Berg', given: 'Anne' },
      ],
    });
    expect(records[1].publication).toMatchObject({ title: 'Third', year: 2021, month: 7, doi: '10.1000/third' });
  });

  it('gives the same result when the input arrives a few bytes at a time', async () => {
    const whole = await collect(parseBibtex(streamOf(SCOPUS + WOS)));
    expect(whole).toHaveLength(2);
    expect(await collect(parseBibtex(byteChunks(SCOPUS + WOS, 7)))).toEqual(whole);
  });

  it('decodes a Latin-1 .bib file', async () => {
    const bytes = Buffer.from('@article{a, author = {M\xfcller, J\xf6rg}, title = {Caf\xe9}}\n', 'latin1');
    const [record] = await collect(parseBibtex(streamOf(bytes)));
    expect(record.publication.authors).toEqual([{ family: 'Müller', given: 'Jörg' }]);
    expect(record.publication.title).toBe('Café');
  });
});

describe('parseBibtex refuses broken entries', () => {
  it('names the entry that is not closed before the next one', async () => {
    const text = '@article{one, title = {One}}\n@article{two,\n  title = {Two},\n\n@article{three, title = {Three}}\n';
    const error = await importError(parseBibtex(streamOf(text)));
    expect(error.yielded).toHaveLength(1);
    expect(error).toMatchObject({ recordNumber: 2, line: 5 });
    expect(error.message).toBe('BibTeX record 2, line 5: the entry that starts at line 2 is not closed before the next "@" (missing "}")');
  });

  it('reports a file that ends inside an entry', async () => {
    const error = await importError(parseBibtex(streamOf('@article{one,\n  title = {One\n')));
    expect(error).toMatchObject({ recordNumber: 1, line: 1 });
    expect(error.message).toMatch(/not closed: the file ends/);
  });

  it('names the field when "=" is missing', async () => {
    const error = await importError(parseBibtex(streamOf('@article{one,\n  title {One},\n}\n')));
    expect(error).toMatchObject({ recordNumber: 1, line: 2, field: 'title' });
  });
});

describe('BibTeX names and LaTeX', () => {
  it('splits names on top-level "and" only', () => {
    expect(splitBibtexNames('A, B and {Smith and Sons} AND C, D')).toEqual(['A, B', '{Smith and Sons}', 'C, D']);
  });

  it.each([
    ['von Beethoven, Ludwig', { family: 'von Beethoven', given: 'Ludwig' }],
    ['Ludwig von Beethoven', { family: 'von Beethoven', given: 'Ludwig' }],
    ['Smith, Jr, John', { family: 'Smith', given: 'John Jr' }],
    ['{World Health Organization}', { family: 'World Health Organization', given: null }],
    ['{\\v{C}}ern{\\\'y}, David', { family: 'Černý', given: 'David' }],
    ['others', null],
  ])('%s', (raw, expected) => {
    expect(parseBibtexName(raw)).toEqual(expected);
  });

  it.each([
    ['Caf{\\\'e}', 'Café'],
    ["\\'{e}\\`a\\^o\\~n\\=u\\.z", 'éàôñūż'],
    ['\\c{c}\\c c \\v{s}\\H{o}\\k{a}\\r{a}\\u{g}', 'çç šőąåğ'],
    ['{\\ss} {\\o} {\\AA} \\ae{} \\l', 'ß ø Å æ ł'],
    ['\\textit{In vivo} and \\emph{in vitro}', 'In vivo and in vitro'],
    ['$\\beta$-blockers \\& $\\alpha_{2}$ agonists, 50\\% of cases', 'β-blockers & α2 agonists, 50% of cases'],
    ['1990--2000 --- a decade~later', '1990–2000 — a decade later'],
    ['\\{braces\\} and \\$5', '{braces} and $5'],
  ])('decodeLatex(%s)', (raw, expected) => {
    expect(decodeLatex(raw)).toBe(expected);
  });
});

describe('BibTeX as Scopus writes it', () => {
  // Layout from Scopus' BibTeX export: a "Scopus / EXPORT DATE" preamble, tab-indented fields, field names with
  // spaces ("funding_text 1"), an en dash between pages, PMID and document type as fields. Invented record.
  const SCOPUS = [
    'Scopus',
    'EXPORT DATE: 01 March 2024',
    '',
    '@ARTICLE{Okafor2019112,',
    '\tauthor = {Okafor, C.N. and Lindqvist, A.M.},',
    '\ttitle = {Giant dentigerous cyst of the mandible in a child: A case report},',
    '\tyear = {2019},',
    '\tjournal = {International Journal of Surgery Case Reports},',
    '\tvolume = {55},',
    '\tpages = {112 – 115},',
    '\tdoi = {10.1016/j.ijscr.2019.01.017},',
    '\tfunding_details = {National Institutes of Health, NIH, R01},',
    '\tfunding_text 1 = {This work was supported by grant R01.},',
    '\tfunding_text 2 = {Second funding text.},',
    '\tpmid = {30739876},',
    '\ttype = {Article},',
    '\tsource = {Scopus},',
    '\tnote = {Cited by: 3; All Open Access, Gold Open Access}',
    '}',
    '',
  ].join('\n');

  it('reads field names with spaces and the record around them', async () => {
    const records = [];
    for await (const record of parseBibtex((async function* () { yield SCOPUS; })())) records.push(record);
    expect(records).toHaveLength(1);
    expect(records[0].publication).toMatchObject({
      title: 'Giant dentigerous cyst of the mandible in a child: A case report',
      year: 2019,
      volume: '55',
      doi: '10.1016/j.ijscr.2019.01.017',
      pmid: '30739876',
      authors: [expect.objectContaining({ family: 'Okafor' }), expect.objectContaining({ family: 'Lindqvist' })],
    });
  });
});

describe('BibTeX article numbers (real Scopus and Web of Science exports)', () => {
  it('uses art_number / Article-Number as the pages when there are none, never over pages', async () => {
    const text = [
      'Scopus',
      'EXPORT DATE: 23 September 2021',
      '',
      '@ARTICLE{Gao2021,',
      'author={Gao, X. and Ni, W.},',
      'title={Per- and polyfluoroalkyl substances exposure during pregnancy},',
      'journal={Environmental Research},',
      'year={2021},',
      'volume={201},',
      'art_number={111632},',
      'funding_text 1={This work was supported in part by the National Natural Science Foundation of China.},',
      'source={Scopus},',
      '}',
      '@article{ WOS:000444488888888,',
      'Author = {Articlewriter, Julian},',
      'Title = {A title},',
      'Pages = {111-188},',
      'Article-Number = {6756},',
      '}',
      '@article{ WOS:000444488888889,',
      'Author = {Articlewriter, Julian},',
      'Title = {Another title},',
      'Article-Number = {e0006219},',
      '}',
      '',
    ].join('\n');
    const records = await collect(parseBibtex(streamOf(text)));
    expect(records.map((record) => record.publication.pages)).toEqual(['111632', '111-188', 'e0006219']);
  });
});

describe('BibTeX as Europe PMC writes it', () => {
  it('reads the PMID from the entry key ("PMID:36879665"), the PMCID from the article link, and HTML in title and abstract as text', async () => {
    const text = [
      '@article {PMID:36879665,',
      '\tTitle = {Validation of Fitbit Inspire 2<sup>TM</sup> Against Polysomnography},',
      '\tAuthor = {Lim, Su Eun and Kim, Ho Seok},',
      '\tPages = {59\u201467},',
      '\tAbstract = {<h4>Purpose</h4>Sleep trackers.<h4>Patients and methods</h4>Paired <i>t</i>-tests.},',
      '\tURL = {https://europepmc.org/articles/PMC9985403},',
      '}',
      '',
      '@article {PMID:36814072,',
      '\tTitle = {Challenges of using a Fitbit smart wearable},',
      '\tURL = {https://doi.org/10.1002/gps.5898},',
      '}',
      '@article{Smith2020,',
      '\ttitle = {A key that is no PMID},',
      '}',
      '',
    ].join('\n');
    const records = await collect(parseBibtex(streamOf(text)));
    expect(records.map((record) => record.publication)).toMatchObject([
      { title: 'Validation of Fitbit Inspire 2TM Against Polysomnography', abstract: 'Purpose: Sleep trackers. Patients and methods: Paired t-tests.', pages: '59-67', pmid: '36879665', pmcid: 'PMC9985403' },
      { pmid: '36814072', pmcid: null, url: 'https://doi.org/10.1002/gps.5898' },
      { pmid: null, pmcid: null },
    ]);
  });
});

describe('parseBibtex: values that cannot be read are noted, with their field name', () => {
  it('names the entry, the field and the value; the line is the entry\'s', async () => {
    const text = `@article{ok, title = {Fine}, year = {2019}}

@article{bad,
  title = {Not so fine},
  year = {19xx},
  month = {Smarch},
  doi = {see publisher},
  pmid = {PMID 12 34},
}
`;
    const records = await collect(parseBibtex(streamOf(text)));
    expect(records[0].notes).toEqual([]);
    expect(records[1]).toMatchObject({ recordNumber: 2, line: 3 });
    expect(records[1].publication).toMatchObject({ year: null, month: null, doi: null, pmid: null });
    expect(records[1].notes).toEqual([
      { field: 'year', line: null, message: '"19xx" is not a year; the year was left empty' },
      { field: 'month', line: null, message: '"Smarch" is not a month; the month was left empty' },
      { field: 'doi', line: null, message: '"see publisher" is not a DOI (10.<registrant>/<suffix>); the DOI was left empty' },
      { field: 'pmid', line: null, message: '"PMID 12 34" is not a PubMed ID (a number); the PubMed ID was left empty' },
    ]);
  });
});
