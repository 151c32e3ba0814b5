import {
  cleanText,
  extractIssns,
  extractLabelledDoi,
  extractPmcid,
  extractPmid,
  joinPages,
  normaliseDoi,
  normaliseGivenName,
  normalisePages,
  normalisePmcid,
  normalisePmid,
  normaliseTitleKey,
  parseAuthorList,
  parseAuthorName,
  stripMarkup,
  parseDateParts,
  parseMonth,
  splitAuthorList,
} from './normalise';

describe('normaliseDoi', () => {
  it.each([
    ['10.1016/j.bjoms.2019.09.011', '10.1016/j.bjoms.2019.09.011'],
    ['https://doi.org/10.1056/NEJMoa1715274', '10.1056/nejmoa1715274'],
    ['http://dx.doi.org/10.1038/s41467-024-48400-3', '10.1038/s41467-024-48400-3'],
    ['doi:10.1056/NEJMoa1715274', '10.1056/nejmoa1715274'],
    ['DOI: 10.1056/NEJMoa1715274', '10.1056/nejmoa1715274'],
    ['10.1016/j.ejmg.2019.03.004 [doi]', '10.1016/j.ejmg.2019.03.004'],
    ['10.1016/j.ejmg.2019.03.004. Epub 2019 Mar 25.', '10.1016/j.ejmg.2019.03.004'],
    ['10.1038/s41467-024-48400-3     LK  - https://utrechtuniversity.on.worldcat.org/atoztitles/link?id=doi:10.1038%2Fs4', '10.1038/s41467-024-48400-3'],
    ['10.1038%2Fs41467-024-48400-3', '10.1038/s41467-024-48400-3'],
    ['https://onlinelibrary.wiley.com/doi/abs/10.1111/cla.12583', '10.1111/cla.12583'],
    ['S0266-4356(19)30379-1 is the pii, 10.1016/S0266-4356(19)30379-1 the doi', '10.1016/s0266-4356(19)30379-1'],
    ['(10.1002/ar.25299)', '10.1002/ar.25299'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseDoi(raw)).toBe(expected);
  });

  it.each([[null], [''], ['N/A'], ['S1769-7212(19)30059-X'], ['10.12/too-short-registrant']])('%s is not a DOI', (raw) => {
    expect(normaliseDoi(raw)).toBeNull();
  });

  it('takes a DOI from free text only when it is labelled as one', () => {
    expect(extractLabelledDoi('Eur J Med Genet. 2020 Feb;63(2):103640. doi: 10.1016/j.ejmg.2019.03.004. Epub 2019')).toBe('10.1016/j.ejmg.2019.03.004');
    expect(extractLabelledDoi('https://doi.org/10.1111/cla.12583')).toBe('10.1111/cla.12583');
    expect(extractLabelledDoi('see table 10.1234/5 for details')).toBeNull();
  });
});

describe('PMID and PMCID', () => {
  it.each([
    ['31690499', '31690499'],
    [' 31690499 ', '31690499'],
    ['PMID: 31690499', '31690499'],
    ['0031690499', '31690499'],
    [31690499, '31690499'],
    ['rayyan-42924189', null],
    ['0', null],
    ['', null],
    [null, null],
  ])('normalisePmid(%p) = %p', (raw, expected) => {
    expect(normalisePmid(raw)).toBe(expected);
  });

  it('finds a labelled PMID in notes', () => {
    expect(extractPmid('cited By 3; PMID: 29768149')).toBe('29768149');
    expect(extractPmid('no identifier 29768149 here')).toBeNull();
    // CINAHL (EBSCOhost) writes the PMID with an "NLM" prefix, as Rayyan's RIS of CINAHL records keeps it in N1.
    expect(extractPmid('Journal Subset: Canada; Peer Reviewed. NLM UID: 101208192. PMID: NLM23803397.')).toBe('23803397');
    expect(extractPmid('NLM UID: 101208192.')).toBeNull();
  });

  it.each([
    ['PMC7026692', 'PMC7026692'],
    ['pmc7026692', 'PMC7026692'],
    ['7026692', 'PMC7026692'],
    ['PMCID: PMC7026692', 'PMC7026692'],
    ['NIHMS123', null],
    ['', null],
  ])('normalisePmcid(%p) = %p', (raw, expected) => {
    expect(normalisePmcid(raw)).toBe(expected);
  });

  it('finds a PMCID in free text', () => {
    expect(extractPmcid('Free full text: PMC10151472.')).toBe('PMC10151472');
  });
});

describe('extractIssns', () => {
  it('reads every ISSN in the notations found in exports', () => {
    expect(extractIssns('1878-0849 (Electronic)')).toEqual(['1878-0849']);
    expect(extractIssns('1128-045X 1123-6337')).toEqual(['1128-045X', '1123-6337']);
    expect(extractIssns('["1932-8494", "1932-8486"]')).toEqual(['1932-8494', '1932-8486']);
    expect(extractIssns('20411723')).toEqual(['2041-1723']);
    expect(extractIssns('1895-5770 1895-5770')).toEqual(['1895-5770']);
    expect(extractIssns('2050-084x')).toEqual(['2050-084X']);
  });

  it('does not take digits out of an ISBN', () => {
    expect(extractIssns('9780123456786')).toEqual([]);
    expect(extractIssns('978-0-12-345678-6')).toEqual([]);
  });
});

describe('pages', () => {
  it('normalises BibTeX and typographic dashes', () => {
    expect(normalisePages('12--19')).toBe('12-19');
    expect(normalisePages('12 – 19')).toBe('12-19');
    expect(normalisePages('e16881')).toBe('e16881');
    expect(normalisePages('  ')).toBeNull();
  });

  it('reads PsycInfo\'s "No Pagination Specified" as no pages, also split by Zotero over SP "No" and EP "Specified"', () => {
    expect(normalisePages('No Pagination Specified')).toBeNull();
    expect(normalisePages('No-Pagination-Specified')).toBeNull();
    expect(joinPages('No', 'Specified')).toBeNull();
    expect(joinPages('No', null)).toBe('No');
    expect(normalisePages('iii-iv')).toBe('iii-iv');
  });

  it('joins start and end pages unless the start is already a range', () => {
    expect(joinPages('121', '128')).toBe('121-128');
    expect(joinPages('307-356', null)).toBe('307-356');
    expect(joinPages('e16881', null)).toBe('e16881');
    expect(joinPages(null, null)).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2019///', 2019, null],
    ['2019/10//undefined', 2019, 10],
    ['2019/08/05', 2019, 8],
    ['2019-10-05', 2019, 10],
    ['2020 Feb', 2020, 2],
    ['2019 Jan-Feb', 2019, 1],
    ['2014 Jan-Apr', 2014, 1],
    ['1998 Dec-1999 Jan', 1998, 12],
    ['2019 Spring', 2019, null],
    ['2018 Dec 15', 2018, 12],
    ['October 2019', 2019, 10],
    ['Oct 5, 2019', 2019, 10],
    ['05/10/2019', 2019, null],
    ['2024', 2024, null],
    ['in press', null, null],
  ])('%s -> %p / %p', (raw, year, month) => {
    expect(parseDateParts(raw)).toEqual({ year, month });
  });

  it('parses month names, abbreviations and numbers', () => {
    expect(parseMonth('Nov')).toBe(11);
    expect(parseMonth('SEPT')).toBe(9);
    expect(parseMonth('03')).toBe(3);
    expect(parseMonth('13')).toBeNull();
    expect(parseMonth('Summer')).toBeNull();
    expect(parseMonth('constructor')).toBeNull(); // not an inherited property of the lookup table
    expect(parseDateParts('toString 2019')).toEqual({ year: 2019, month: null });
  });
});

describe('author names', () => {
  it.each([
    ['Griffin, Darren K', { family: 'Griffin', given: 'Darren K' }],
    ['Griffin DK', { family: 'Griffin', given: 'DK' }],
    ["O'Connor RE", { family: "O'Connor", given: 'RE' }],
    ['McNamara, M.E.', { family: 'McNamara', given: 'ME' }],
    ['Slesser, A. A. P.', { family: 'Slesser', given: 'AAP' }],
    ['Jalil, N.-E.', { family: 'Jalil', given: 'N-E' }],
    ['Basinska, Malgorzata A.', { family: 'Basinska', given: 'Malgorzata A' }],
    ['Dos Santos, H.B.', { family: 'Dos Santos', given: 'HB' }],
    ['Černý, D.', { family: 'Černý', given: 'D' }],
    ['Curry Rogers K', { family: 'Curry Rogers', given: 'K' }],
    ['John A. Smith', { family: 'Smith', given: 'John A' }],
    ['J.A. Smith', { family: 'Smith', given: 'JA' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['Smith, John, Jr', { family: 'Smith', given: 'John Jr' }],
    ['Plato', { family: 'Plato', given: null }],
    ['WHO Working Group on Rare Diseases', { family: 'WHO Working Group on Rare Diseases', given: null }],
    ['SYGMA 1 Study Group', { family: 'SYGMA 1 Study Group', given: null }],
    // Mendeley (from Lens) writes a missing given name as "null": the family name keeps its particles.
    ['van den Hoven, null', { family: 'van den Hoven', given: null }],
    ['Smith, null', { family: 'Smith', given: null }],
    ['van den Hoven', { family: 'van den Hoven', given: null }],
    ['de Gaulle', { family: 'de Gaulle', given: null }],
    ['Al Smith', { family: 'Smith', given: 'Al' }],
  ])('%s', (raw, expected) => {
    expect(parseAuthorName(raw)).toEqual(expected);
  });

  it('returns null for an empty name', () => {
    expect(parseAuthorName('  ')).toBeNull();
    expect(parseAuthorName(null)).toBeNull();
  });

  it('normalises given names', () => {
    expect(normaliseGivenName('J. Mark')).toBe('J Mark');
    expect(normaliseGivenName('P.M.')).toBe('PM');
    expect(normaliseGivenName('')).toBeNull();
  });

  it('splits author lists joined by ";", " and " or PubMed-style commas', () => {
    expect(splitAuthorList('Yang, Z.; Jiang, B.; Xu, J.; McNamara, M.E.')).toEqual(['Yang, Z.', 'Jiang, B.', 'Xu, J.', 'McNamara, M.E.']);
    expect(splitAuthorList('Yang, Z. and Jiang, B. and Xu, J.')).toEqual(['Yang, Z.', 'Jiang, B.', 'Xu, J.']);
    expect(splitAuthorList("Griffin DK, Larkin DM, O'Connor RE.")).toEqual(['Griffin DK', 'Larkin DM', "O'Connor RE"]);
    expect(splitAuthorList('Griffin, Darren K')).toEqual(['Griffin, Darren K']);
    expect(splitAuthorList('Society for Surgery and Medicine')).toEqual(['Society for Surgery and Medicine']);
  });

  it('parses a whole list and drops "et al."', () => {
    expect(parseAuthorList('Smith J, Doe A, et al.')).toEqual([
      { family: 'Smith', given: 'J' },
      { family: 'Doe', given: 'A' },
    ]);
  });
});

describe('keys and text', () => {
  it('reduces titles to a comparison key', () => {
    expect(normaliseTitleKey('[A case report of a concurrent compound odontoma].')).toBe('a case report of a concurrent compound odontoma');
    expect(normaliseTitleKey('Café  au-lait   SPOTS!')).toBe('cafe au lait spots');
    expect(normaliseTitleKey('  ')).toBeNull();
  });

  it('collapses white space', () => {
    expect(cleanText('  a\n\t b\u00a0c ')).toBe('a b c');
    expect(cleanText(' \n ')).toBeNull();
    // Text that needs no rewrite comes back trimmed; each kind of unusual space is still collapsed.
    expect(cleanText(' plain words only ')).toBe('plain words only');
    expect(cleanText('two  spaces')).toBe('two spaces');
    expect(cleanText('zero\u200bwidth and\u3000ideographic\u2009thin')).toBe('zero width and ideographic thin');
  });
});

describe('author name forms of the databases', () => {
  it.each([
    ['Okafor CN', { family: 'Okafor', given: 'CN' }],
    ['Okafor C N', { family: 'Okafor', given: 'CN' }],
    ['van den Berg P', { family: 'van den Berg', given: 'P' }],
    ['OKAFOR, CHIDI N.', { family: 'Okafor', given: 'Chidi N' }],
    ['OKAFOR, CN', { family: 'Okafor', given: 'CN' }],
    ['Chidi N. Okafor', { family: 'Okafor', given: 'Chidi N' }],
    ['Maria F. Dos Santos', { family: 'Dos Santos', given: 'Maria F' }],
    ['Dos Santos, Maria F.', { family: 'Dos Santos', given: 'Maria F' }],
    ['Pieter van den Berg', { family: 'van den Berg', given: 'Pieter' }],
    ['WHO Collaborative Group on Takotsubo', { family: 'WHO Collaborative Group on Takotsubo', given: null }],
    ['山田 太郎', { family: '山田', given: '太郎' }],
    ['王小明', { family: '王', given: '小明' }],
    ['김민준', { family: '김', given: '민준' }],
    ['Smith, null', { family: 'Smith', given: null }],
    ['null Smith', { family: 'Smith', given: null }],
    ['Smith, ', { family: 'Smith', given: null }],
  ])('%s', (raw, expected) => {
    expect(parseAuthorName(raw)).toEqual(expected);
  });

  it('drops "null" and "[No author name available]" authors', () => {
    expect(parseAuthorName('null')).toBeNull();
    expect(parseAuthorName('[No author name available]')).toBeNull();
  });
});

describe('stripMarkup', () => {
  it('turns the section headings Europe PMC writes as <h4> into labels, not glued to the text ("<h4>Background</h4>Preliminary")', () => {
    expect(stripMarkup('<h4>Background</h4>Preliminary evidence.<h4>Methods</h4>Older adults (n = 243).<h4>Trial registration:</h4> ACTRN1')).toBe(
      'Background: Preliminary evidence. Methods: Older adults (n = 243). Trial registration: ACTRN1',
    );
    expect(stripMarkup('<H3 class="x">Results </H3>\nNone')).toBe('Results: None');
  });

  it('removes inline HTML / MathML tags, decodes entities, keeps "<" comparisons', () => {
    expect(stripMarkup('Takotsubo after <i>S. pneumoniae</i> sepsis &amp; CO<sub>2</sub>')).toBe('Takotsubo after S. pneumoniae sepsis & CO2');
    expect(stripMarkup('Outcomes in children <5 years (p<0.05) &#946;-blockers &beta;')).toBe('Outcomes in children <5 years (p<0.05) β-blockers β');
    expect(stripMarkup('<mml:math><mml:mi>x</mml:mi></mml:math> levels')).toBe('x levels');
  });
});

describe('rules found on real exports', () => {
  it('reads the Cochrane Library accession notation "PUBMED n" as a PMID, but not the word PubMed before a year', () => {
    expect(extractPmid('PUBMED 21314913')).toBe('21314913');
    expect(extractPmid('PUBMED 38407106,EMBASE 643589775')).toBe('38407106');
    expect(extractPmid('PubMed ID: 36971057')).toBe('36971057');
    expect(extractPmid('Searched in PubMed 2019 and Embase')).toBeNull();
    expect(extractPmid('EMBASE 643589775')).toBeNull();
  });

  it('reads MEDLINE-style lists with initials longer than two letters ("Campos HBN", PubMed CSV)', () => {
    expect(parseAuthorList("Cincotta A, Nicolaï M, Campos HBN, McNamara M, D'Alba L.")).toEqual([
      { family: 'Cincotta', given: 'A' },
      { family: 'Nicolaï', given: 'M' },
      { family: 'Campos', given: 'HBN' },
      { family: 'McNamara', given: 'M' },
      { family: "D'Alba", given: 'L' },
    ]);
    expect(parseAuthorList('Pérez-de la Fuente R, Sanz JL.')).toEqual([
      { family: 'Pérez-de la Fuente', given: 'R' },
      { family: 'Sanz', given: 'JL' },
    ]);
  });

  it('reads a name without a comma among "Family, Given" names given name first (EBSCOhost: "CAIZHI SHEN")', () => {
    expect(parseAuthorList('CROUDACE, ANGUS D.; CAIZHI SHEN; JUNCHANG LÜ; BRUSATTE, STEPHEN L.; VINTHER, JAKOB')).toEqual([
      { family: 'Croudace', given: 'Angus D' },
      { family: 'Shen', given: 'Caizhi' },
      { family: 'Lü', given: 'Junchang' },
      { family: 'Brusatte', given: 'Stephen L' },
      { family: 'Vinther', given: 'Jakob' },
    ]);
    // Mixed case with initials last stays "Family Initials"; a list of comma-less names is not affected.
    expect(parseAuthorList('Smith, John; Doe AB; Roe, Jane')).toEqual([
      { family: 'Smith', given: 'John' },
      { family: 'Doe', given: 'AB' },
      { family: 'Roe', given: 'Jane' },
    ]);
  });

  it('drops the affiliation letter older Scopus BibTeX glues to the initials ("Iorio, C.a")', () => {
    expect(parseAuthorName('Iorio, C.a')).toEqual({ family: 'Iorio', given: 'C' });
    expect(parseAuthorName('Eilers, P.H.C.b')).toEqual({ family: 'Eilers', given: 'PHC' });
    expect(parseAuthorName('Siciliano, R.')).toEqual({ family: 'Siciliano', given: 'R' });
    expect(parseAuthorName('Smith, Jo')).toEqual({ family: 'Smith', given: 'Jo' });
  });
});
