import { normaliseDoi, normalisePmcid, normalisePmid, titleKeyOf } from './identifiers';

describe('identifier normalisation', () => {
  it.each([
    ['10.1155/2020/8925731', '10.1155/2020/8925731'],
    ['https://doi.org/10.1007/S10140-004-0365-0', '10.1007/s10140-004-0365-0'],
    ['http://dx.doi.org/10.1213/ANE.0b013e3181', '10.1213/ane.0b013e3181'],
    ['doi: 10.1016/j.ijoa.2019.01.002', '10.1016/j.ijoa.2019.01.002'],
    ['10.1016/j.ijoa.2019.01.002 [doi]', '10.1016/j.ijoa.2019.01.002'],
    ['10.1097/01.aoa.0000.x. Epub 2019 Jan 2.', '10.1097/01.aoa.0000.x'],
    ['https://doi.org/10.1002%2Fccr3.1234', '10.1002/ccr3.1234'],
  ])('DOI %s -> %s', (raw, expected) => {
    expect(normaliseDoi(raw)).toBe(expected);
  });

  it('rejects text that is not a DOI', () => {
    expect(normaliseDoi('not a doi')).toBeNull();
    expect(normaliseDoi('')).toBeNull();
  });

  it('normalises PMIDs and PMCIDs', () => {
    expect(normalisePmid(' 32257448 ')).toBe('32257448');
    expect(normalisePmid('PMID: 32257448')).toBe('32257448');
    expect(normalisePmid('abc')).toBeNull();
    expect(normalisePmcid('pmc7102465')).toBe('PMC7102465');
    expect(normalisePmcid('7102465')).toBe('PMC7102465');
    expect(normalisePmcid('PMCX')).toBeNull();
  });
});

describe('titleKeyOf', () => {
  it('ignores case, punctuation and accents, and needs title, year and first author', () => {
    const key = titleKeyOf('Intrathecal Hematoma: a Case Report.', 2020, [{ family: 'Müller' }]);
    expect(key).toBe('intrathecalhematomaacasereport|2020|muller');
    expect(titleKeyOf('intrathecal hematoma - a case report', 2020, [{ family: 'MULLER' }])).toBe(key);
    expect(titleKeyOf('Intrathecal hematoma', null, [{ family: 'Muller' }])).toBeNull();
    expect(titleKeyOf('Intrathecal hematoma', 2020, [])).toBeNull();
  });

  it('ignores inline markup and diacritics', () => {
    expect(titleKeyOf('Takotsubo after <i>Streptococcus pneumoniae</i> sepsis', 2021, [{ family: 'Dos Santos' }])).toBe(
      titleKeyOf('TAKOTSUBO AFTER STREPTOCOCCUS PNEUMONIAE SEPSIS.', 2021, [{ family: 'dos santos' }]),
    );
    expect(titleKeyOf('Anévrisme de l’artère rénale', 2018, [{ family: 'Müller' }])).toBe('anevrismedelartererenale|2018|muller');
  });

  it('keys a record without authors or year on its venue: volume and first page, else the journal', () => {
    const venue = { journal: 'J Vasc Surg Cases', volume: '4', pages: '98-101' };
    expect(titleKeyOf('Bilateral renal artery aneurysms in pregnancy', 2018, [], venue)).toBe('bilateralrenalarteryaneurysmsinpregnancy|2018|~v4p98');
    expect(titleKeyOf('Bilateral renal artery aneurysms in pregnancy.', 2018, null, { ...venue, journal: 'Journal of Vascular Surgery Cases', pages: '98–101' })).toBe(
      'bilateralrenalarteryaneurysmsinpregnancy|2018|~v4p98',
    );
    expect(titleKeyOf('Bilateral renal artery aneurysms in pregnancy', null, [{ family: 'Müller' }], { journal: 'J Vasc Surg Cases' })).toBe('bilateralrenalarteryaneurysmsinpregnancy||~jvascsurgcases');
    // Generic short titles need a venue; long ones may stand alone.
    expect(titleKeyOf('Correction', 2019, [], {})).toBeNull();
    expect(titleKeyOf('Correction', 2019, [], { journal: 'BMJ' })).toBe('correction|2019|~bmj');
    expect(titleKeyOf('A very long and specific title about renal artery aneurysms', 2019, [], {})).toBe('averylongandspecifictitleaboutrenalarteryaneurysms|2019|~');
    // With a first author and a year the key is as before (stored keys stay valid).
    expect(titleKeyOf('Intrathecal hematoma', 2020, [{ family: 'Muller' }], venue)).toBe('intrathecalhematoma|2020|muller');
  });
});

describe('one implementation', () => {
  it('is what the literature importers use', async () => {
    const literature = await import('../literature/normalise');
    expect(literature.normaliseDoi).toBe(normaliseDoi);
    expect(literature.normalisePmid).toBe(normalisePmid);
    expect(literature.normalisePmcid).toBe(normalisePmcid);
  });

  it('keeps letters of every script in the title key (alpha- and beta-synuclein are different papers)', () => {
    expect(titleKeyOf('α-Synuclein in Parkinson disease', 2020, [{ family: 'Lee' }])).not.toBe(titleKeyOf('β-Synuclein in Parkinson disease', 2020, [{ family: 'Lee' }]));
    expect(titleKeyOf('Случай спинальной гематомы', 2021, [{ family: 'Иванов' }])).toBe('случаиспинальноигематомы|2021|иванов');
  });
});
