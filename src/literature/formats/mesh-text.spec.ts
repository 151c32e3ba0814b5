import { meshHeadingToText, parseMeshHeadingList, parseMeshHeadingText, risKeywordAsMesh } from './mesh-text';

describe('MeSH headings as text', () => {
  it('writes MEDLINE notation with the descriptor UI and reads it back', () => {
    const headings = [
      { descriptorUi: 'D020758', label: 'Hematoma, Epidural, Spinal', majorTopic: true },
      { descriptorUi: null, label: 'Blood Patch, Epidural', majorTopic: false },
    ];
    expect(headings.map(meshHeadingToText)).toEqual(['*Hematoma, Epidural, Spinal [D020758]', 'Blood Patch, Epidural']);
    expect(headings.map(meshHeadingToText).map(parseMeshHeadingText)).toEqual(headings);
  });

  it('reads qualifiers the MEDLINE way: dropped, a starred one makes a major topic', () => {
    expect(parseMeshHeadingText('Headache/*etiology/therapy')).toEqual({ descriptorUi: null, label: 'Headache', majorTopic: true });
    expect(parseMeshHeadingText('  Female ')).toEqual({ descriptorUi: null, label: 'Female', majorTopic: false });
    expect(parseMeshHeadingText(' ')).toBeNull();
  });

  it('splits a list at ";" only (names keep their commas) and drops repeated labels', () => {
    expect(parseMeshHeadingList('*Hematoma, Epidural, Spinal [D020758]; Female; Female [D005260]').map((h) => h.label)).toEqual(['Hematoma, Epidural, Spinal', 'Female']);
  });

  it('tells a RIS MeSH keyword from an ordinary keyword', () => {
    expect(risKeywordAsMesh('MeSH: *Anticoagulants [D000925]')).toEqual({ descriptorUi: 'D000925', label: 'Anticoagulants', majorTopic: true });
    expect(risKeywordAsMesh('mesh:Female')).toEqual({ descriptorUi: null, label: 'Female', majorTopic: false });
    expect(risKeywordAsMesh('blood patch')).toBeNull();
    expect(risKeywordAsMesh('MeSH terms in reviews')).toBeNull();
  });
});
