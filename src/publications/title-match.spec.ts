import { authorsCompatible, differentRecordsSharingDoi, foldForMatching, journalsAgree, sameRecordByTitle, TitleMatchRecord, titleFoldOf, venueAgreement } from './title-match';

const record = (fields: Partial<TitleMatchRecord>): TitleMatchRecord => ({ title: 'Bilateral renal artery aneurysms in pregnancy', year: 2018, authors: [], ...fields });

describe('foldForMatching / titleFoldOf', () => {
  it('folds diacritics, written-out umlauts and letters NFKD keeps whole alike', () => {
    expect(foldForMatching('Müller')).toBe('muller');
    expect(foldForMatching('Mueller')).toBe('muller');
    expect(foldForMatching('MULLER')).toBe('muller');
    expect(foldForMatching('Øster-Ægidius Łukasz Straße')).toBe(foldForMatching('Oster Aegidius Lukasz Strasse'));
    expect(foldForMatching('José')).toBe('jose');
  });

  it('ignores markup, punctuation, case and spacing in titles; keeps other scripts', () => {
    expect(titleFoldOf('Bilateral renal artery aneurysms in <i>pregnancy</i>.')).toBe(titleFoldOf('BILATERAL RENAL ARTERY ANEURYSMS IN PREGNANCY'));
    expect(titleFoldOf('COVID-19 myocarditis')).toBe(titleFoldOf('COVID 19 Myocarditis'));
    expect(titleFoldOf('川崎病の一例')).toBe('川崎病の一例');
    expect(titleFoldOf(' -- ')).toBeNull();
  });
});

describe('journalsAgree', () => {
  it('takes an abbreviation for the name written out', () => {
    expect(journalsAgree('J Vasc Surg Cases', 'Journal of Vascular Surgery Cases')).toBe(true);
    expect(journalsAgree('J. Vasc. Surg. Cases', 'JOURNAL OF VASCULAR SURGERY CASES')).toBe(true);
    expect(journalsAgree('Obstet Gynecol', 'Obstetrics & Gynecology')).toBe(true);
  });

  it('does not confuse journals that share words', () => {
    expect(journalsAgree('BMJ', 'BMJ Case Reports')).toBe(false);
    expect(journalsAgree('J Vasc Surg', 'J Vasc Surg Cases')).toBe(false);
    expect(journalsAgree('Lancet', 'Lancet Oncol')).toBe(false);
    expect(journalsAgree(null, 'BMJ')).toBe(false);
  });
});

describe('venueAgreement', () => {
  it('volume and first page decide, then the journal', () => {
    expect(venueAgreement(record({ volume: '4', pages: '98-101' }), record({ volume: '4', pages: '98' }))).toBe('agree');
    expect(venueAgreement(record({ volume: '364', pages: 'l1234' }), record({ volume: '365', pages: 'l2000' }))).toBe('differ');
    expect(venueAgreement(record({ pages: '98-101' }), record({ pages: '12-15' }))).toBe('differ');
    expect(venueAgreement(record({ journal: 'BMJ' }), record({ journal: 'BMJ', volume: '364' }))).toBe('agree');
    expect(venueAgreement(record({ journal: 'BMJ' }), record({ journal: 'Lancet' }))).toBe('unknown');
  });
});

describe('authorsCompatible', () => {
  it('accepts a missing list, spelling variants and swapped name order', () => {
    expect(authorsCompatible([], [{ family: 'Müller', given: 'J' }])).toBe(true);
    expect(authorsCompatible([{ family: 'Mueller', given: 'J.' }], [{ family: 'Müller', given: 'Jürgen' }])).toBe(true);
    expect(authorsCompatible([{ family: 'Muller', given: 'J' }], [{ family: 'Müller', given: 'Jürgen' }])).toBe(true);
    expect(authorsCompatible([{ family: 'Tanaka', given: 'Hiroshi' }], [{ family: 'Hiroshi', given: 'Tanaka' }])).toBe(true);
  });

  it('refuses different first authors', () => {
    expect(authorsCompatible([{ family: 'Smith', given: 'J' }], [{ family: 'Jones', given: 'J' }])).toBe(false);
  });
});

describe('sameRecordByTitle', () => {
  const scopus = record({ journal: 'Journal of Vascular Surgery Cases', volume: '4', pages: '98-101' });
  const wos = record({ authors: [{ family: 'Mueller', given: 'J' }], journal: 'J VASC SURG CASES', volume: '4', pages: '98-101' });
  const ebsco = record({ title: 'Bilateral renal artery aneurysms in pregnancy.', authors: [{ family: 'Müller', given: 'Jürgen' }], journal: 'Journal of Vascular Surgery Cases' });

  it('matches the same record without authors, with authors spelled differently, with and without venue', () => {
    expect(sameRecordByTitle(scopus, wos)).toBe(true);
    expect(sameRecordByTitle(wos, ebsco)).toBe(true);
    expect(sameRecordByTitle(scopus, ebsco)).toBe(true);
    // A long title matches without a venue on either side.
    expect(sameRecordByTitle(record({}), record({ authors: [{ family: 'Müller', given: null }] }))).toBe(true);
  });

  it('never merges generic short titles without venue agreement', () => {
    const correction = (fields: Partial<TitleMatchRecord>) => record({ title: 'Correction', year: 2019, ...fields });
    expect(sameRecordByTitle(correction({}), correction({}))).toBe(false);
    expect(sameRecordByTitle(correction({ journal: 'BMJ' }), correction({ journal: 'Lancet' }))).toBe(false);
    expect(sameRecordByTitle(correction({ journal: 'BMJ', volume: '364', pages: 'l1234' }), correction({ journal: 'BMJ', volume: '365', pages: 'l2000' }))).toBe(false);
    expect(sameRecordByTitle(correction({ journal: 'BMJ', volume: '364', pages: 'l1234' }), correction({ journal: 'Br Med J', volume: '364', pages: 'l1234' }))).toBe(true);
    const caseReport = (fields: Partial<TitleMatchRecord>) => record({ title: 'Case report', ...fields });
    expect(sameRecordByTitle(caseReport({ journal: 'BMJ Case Rep' }), caseReport({ journal: 'BMJ' }))).toBe(false);
  });

  it('refuses different years, identifiers, first authors or volumes', () => {
    expect(sameRecordByTitle(scopus, { ...wos, year: 2019 })).toBe(false);
    expect(sameRecordByTitle({ ...scopus, doi: '10.1/a' }, { ...wos, doi: '10.1/b' })).toBe(false);
    expect(sameRecordByTitle({ ...scopus, pmid: '1' }, { ...wos, pmid: '2' })).toBe(false);
    expect(sameRecordByTitle(wos, { ...ebsco, authors: [{ family: 'Okafor', given: 'C' }] })).toBe(false);
    expect(sameRecordByTitle(scopus, { ...wos, volume: '5' })).toBe(false);
  });

  it('a record without a year needs the venue to agree', () => {
    expect(sameRecordByTitle(record({ year: null }), record({}))).toBe(false);
    expect(sameRecordByTitle(record({ year: null, journal: 'J Vasc Surg Cases' }), scopus)).toBe(true);
  });
});

describe('differentRecordsSharingDoi', () => {
  const doi = '10.1186/s12919-018-0099-8';
  it('tells apart two Embase conference abstracts that carry their supplement\'s DOI', () => {
    expect(
      differentRecordsSharingDoi(
        { title: 'Quality of life in patients with primary ciliary dyskinesia: A systematic review.', year: 2018, doi, authors: [{ family: 'Behan', given: 'L' }] },
        { title: 'Development of a bioinformatics analysis method for diagnosis of.', year: 2018, doi, authors: [{ family: 'Dyskinesia', given: 'PC' }] },
      ),
    ).toBe(true);
  });

  it('keeps the DOI match for the same article written differently (case, a translated subtitle, the authors lost, the same first author)', () => {
    const article = { title: 'Spinosaurus is not an aquatic dinosaur', year: 2022, doi, authors: [{ family: 'Sereno', given: 'PC' }] };
    expect(differentRecordsSharingDoi(article, { ...article, title: 'SPINOSAURUS IS NOT AN AQUATIC DINOSAUR.' , authors: [{ family: 'Myhrvold', given: 'N' }] })).toBe(false);
    expect(differentRecordsSharingDoi(article, { ...article, title: 'Le spinosaure n\'est pas un dinosaure aquatique', authors: [] })).toBe(false);
    expect(differentRecordsSharingDoi(article, { ...article, title: 'Le spinosaure n\'est pas un dinosaure aquatique', authors: [{ family: 'Sereno', given: 'Paul C' }] })).toBe(false);
    expect(differentRecordsSharingDoi(article, { ...article, title: null })).toBe(false);
  });
});
