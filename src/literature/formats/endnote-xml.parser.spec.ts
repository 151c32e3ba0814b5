import { readFileSync } from 'node:fs';
import { detectFormat } from '../detect-format';
import { parsePublications } from '../parse-publications';
import { fixturePath } from '../testing/fixtures';
import { parseEndnoteXml } from './endnote-xml.parser';

async function collect(text: string) {
  const records = [];
  for await (const record of parseEndnoteXml((async function* () { yield text; })())) records.push(record);
  return records;
}

// The fixture is written from EndNote's XML export layout (style runs around every value, ref-type with a name,
// PubMed's PMID in accession-num and PMCID in custom2): three invented records, as in the CSV dialect fixtures.
const FIXTURE = readFileSync(fixturePath('endnote/endnote-3-records.xml'), 'utf8');

describe('EndNote XML', () => {
  it('is detected from its <records><record> layout', () => {
    expect(detectFormat(FIXTURE.slice(0, 2000), 'export.xml')).toBe('endnote-xml');
  });

  it('reads every field, joining style runs, and takes PMID only from PubMed records', async () => {
    const records = await collect(FIXTURE);
    expect(records.map((record) => record.recordNumber)).toEqual([1, 2, 3]);
    expect(records[0].publication).toMatchObject({
      title: 'Giant dentigerous cyst of the mandible in a child: A case report',
      authors: [
        { family: "Okafor", given: "CN" },
        { family: "Lindqvist", given: "AM" },
        { family: 'van den Berg', given: 'P' },
      ],
      journal: 'International Journal of Surgery Case Reports',
      journalAbbreviation: 'Int J Surg Case Rep',
      year: 2019,
      month: 2,
      volume: '55',
      pages: '112-115',
      doi: '10.1016/j.ijscr.2019.01.017',
      pmid: '30739876',
      pmcid: 'PMC6369207',
      issns: ['2210-2612'],
      publicationTypes: ['Journal Article', 'Case Reports'],
      keywords: ['Dentigerous cyst', 'Mandible'],
      language: 'eng',
      abstract: 'Introduction: Dentigerous cysts are common odontogenic cysts. Case presentation: a boy of 9.',
    });
    expect(records[1].publication).toMatchObject({
      title: 'Takotsubo cardiomyopathy after Streptococcus pneumoniae sepsis: a case report and review of the literature',
      authors: [
        { family: 'Dos Santos', given: 'Maria F' },
        { family: 'Nakamura', given: 'Kenji' },
      ],
      doi: '10.1186/s12872-021-02049-x',
      pmid: null,
      issue: '1',
    });
    expect(records[2].publication).toMatchObject({ title: 'Bilateral renal artery aneurysms in pregnancy', authors: [], year: 2018, volume: '4', pages: '98-101' });
  });

  it('names the record and line of malformed XML, after yielding the records before it', async () => {
    const broken = FIXTURE.replace('<record><rec-number>3</rec-number>', '<record><rec-number>3</rec-number><titles><title>Broken</titles>');
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const record of parsePublications((async function* () { yield broken; })(), { fileName: 'broken.xml' })) seen.push(record.recordNumber);
      })(),
    ).rejects.toThrow(/^EndNote XML record 3, line 1: malformed XML/);
    expect(seen).toEqual([1, 2]);
  });

  it('names an entity XML does not know (an HTML one pasted into a title)', async () => {
    const pasted = FIXTURE.replace('<record><rec-number>3</rec-number>', '<record><rec-number>3</rec-number><titles><title>IgA&nbsp;nephropathy</title></titles>');
    await expect(
      (async () => {
        for await (const record of parsePublications((async function* () { yield pasted; })(), { fileName: 'pasted.xml' })) void record;
      })(),
    ).rejects.toThrow(/^EndNote XML record 3, line 1: malformed XML: undefined entity &nbsp; \(XML knows only/);
  });

  it('refuses a DOCTYPE with entity declarations', async () => {
    await expect(collect('<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "b">]><xml><records></records></xml>')).rejects.toThrow(/internal subset/);
  });
});
