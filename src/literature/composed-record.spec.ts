import { parsePublications } from './parse-publications';

async function* textOf(text: string): AsyncGenerator<string> {
  yield text;
}

describe('composed record text', () => {
  it('every text of an imported record is composed (NFC), whatever the format', async () => {
    const ris = ['TY  - JOUR', 'TI  - Ne\u0301vralgie', 'JO  - Revue me\u0301dicale', 'AU  - Mu\u0308ller, Jo\u0308rg', 'KW  - Ce\u0301phale\u0301e', 'AB  - Apre\u0300s', 'ER  - ', ''].join('\n');
    const records = [];
    for await (const record of parsePublications(textOf(ris), { fileName: 'mac.ris' })) records.push(record);
    expect(records[0].publication).toMatchObject({ title: 'N\u00e9vralgie', journal: 'Revue m\u00e9dicale', authors: [{ family: 'M\u00fcller', given: 'J\u00f6rg' }], keywords: ['C\u00e9phal\u00e9e'], abstract: 'Apr\u00e8s' });
    expect(records[0].notes ?? []).toEqual([]);
  });
});
