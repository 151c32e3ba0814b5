import { emptyPublication } from './parsed-publication';
import type { ParsedRecord } from './parsed-publication';
import { abstractWithoutLabels, withoutAbstractLabels } from './abstract-labels';

describe('abstractWithoutLabels', () => {
  it.each([
    // EBSCOhost (CINAHL, Academic Search) and ProQuest mark who wrote the abstract after it.
    ['Growth rates were ancestral. [ABSTRACT FROM AUTHOR]', 'Growth rates were ancestral.'],
    ['Growth rates were ancestral. [ABSTRACT FROM PUBLISHER]', 'Growth rates were ancestral.'],
    // EBSCOhost's CSV puts its copyright notice after the label, in the same cell.
    [
      'They did not set them apart. [ABSTRACT FROM AUTHOR] Copyright of PLoS ONE is the property of Public Library of Science and its content may not be copied. (Copyright applies to all Abstracts.)',
      'They did not set them apart.',
    ],
    ['These findings have implications for the public. [Author Abstract]', 'These findings have implications for the public.'],
    // SciELO opens the abstract with its heading.
    ['ABSTRACT The Atlantic Forest has been highly fragmented.', 'The Atlantic Forest has been highly fragmented.'],
    ['Abstract Here we present a brief review.', 'Here we present a brief review.'],
    ['Abstract: Here we present a brief review.', 'Here we present a brief review.'],
    // APA's copyright line at the end of every PsycInfo abstract (Ovid, Zotero, the Cochrane Library).
    ['It may be beneficial to refer them. (PsycINFO Database Record (c) 2019 APA, all rights reserved)', 'It may be beneficial to refer them.'],
    ['Outcomes improved. (PsycInfo Database Record (c) 2024 APA, all rights reserved).', 'Outcomes improved.'],
    // The heading glued to the first word, as Zotero's RIS of PsycInfo records on Ovid has it.
    ['AbstractYouth with inflammatory bowel disease (IBD) often experience difficulties.', 'Youth with inflammatory bowel disease (IBD) often experience difficulties.'],
  ])('%p -> %p', (raw, expected) => {
    expect(abstractWithoutLabels(raw).abstract).toBe(expected);
  });

  it('reads a hostile abstract of a million spaces in one pass, and a label after a long run of them', () => {
    // Quadratic patterns (opening with \s*) took 30-40 s over 160,000 spaces; a million would hold an import for hours.
    const spaces = ' '.repeat(1_000_000);
    expect(abstractWithoutLabels(`a${spaces}[x`).abstract).toBe(`a${spaces}[x`);
    expect(abstractWithoutLabels(`Seen.${spaces}[ABSTRACT FROM AUTHOR]${spaces}`).abstract).toBe('Seen.');
    expect(abstractWithoutLabels(`Seen.${spaces}(PsycINFO Database Record (c) 2019 APA, all rights reserved)`).abstract).toBe('Seen.');
  });

  it('keeps the text a label word only begins ("Abstract reasoning …", "ABSTRACTS of …")', () => {
    expect(abstractWithoutLabels('Abstract reasoning was impaired.').abstract).toBe('Abstract reasoning was impaired.');
    expect(abstractWithoutLabels('Abstracts From the 2019 Meeting').abstract).toBe('Abstracts From the 2019 Meeting');
    expect(abstractWithoutLabels('AbstractS are counted.').abstract).toBe('AbstractS are counted.');
    expect(abstractWithoutLabels('BACKGROUND: A case. [see Author Abstract] below').abstract).toBe('BACKGROUND: A case. [see Author Abstract] below');
  });

  it('takes the author keywords ProQuest writes after its label as keywords ("[Author Abstract] KEY WORDS: PTSD; children")', () => {
    expect(abstractWithoutLabels('Trauma exposure was linked to PTSD. [Author Abstract] KEY WORDS: PTSD; trajectories; Wenchuan earthquake')).toEqual({
      abstract: 'Trauma exposure was linked to PTSD.',
      keywords: ['PTSD', 'trajectories', 'Wenchuan earthquake'],
    });
  });

  it('leaves an abstract that is only a label empty', () => {
    expect(abstractWithoutLabels('[ABSTRACT FROM AUTHOR]').abstract).toBeNull();
  });
});

describe('withoutAbstractLabels', () => {
  const record = (abstract: string | null, keywords: string[] = []): ParsedRecord => ({ recordNumber: 1, line: 1, notes: [], publication: { ...emptyPublication(), title: 'T', abstract, keywords } });

  it('returns the record itself when its abstract has no label', () => {
    const plain = record('A plain abstract.');
    expect(withoutAbstractLabels(plain)).toBe(plain);
    const none = record(null);
    expect(withoutAbstractLabels(none)).toBe(none);
  });

  it('adds the keywords after the label to the record\'s, once each', () => {
    const out = withoutAbstractLabels(record('Text. [Author Abstract] KEY WORDS: PTSD; children', ['PTSD', 'Earthquakes']));
    expect(out.publication).toMatchObject({ abstract: 'Text.', keywords: ['PTSD', 'Earthquakes', 'children'] });
  });
});
