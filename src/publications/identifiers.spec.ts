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
