import { placeFromSearch, samePlace, searchOfPlace } from './place';

describe('workspace place in the URL', () => {
  const id = '3f2b8c1e-8d2a-4c55-9a0e-6f1d2b3c4d5e';
  const patient = '9a0e6f1d-2b3c-4d5e-8d2a-3f2b8c1e4c55';

  it('reads and writes the review, the record being confirmed and its patient', () => {
    const place = { review: 'EBP complications & more', confirm: id, patient };
    const search = searchOfPlace(place);
    expect(search).toBe(`?review=EBP+complications+%26+more&confirm=${id}&patient=${patient}`);
    expect(placeFromSearch(search)).toEqual(place);
  });

  it('screening is the review alone; no review is an empty query', () => {
    expect(searchOfPlace({ review: 'R', confirm: null, patient: patient })).toBe('?review=R');
    expect(searchOfPlace({ review: null, confirm: null, patient: null })).toBe('');
    expect(placeFromSearch('')).toEqual({ review: null, confirm: null, patient: null });
  });

  it('ignores ids that are not ids, and a patient without a record', () => {
    expect(placeFromSearch(`?review=R&confirm=${encodeURIComponent('"><script>')}&patient=${patient}`)).toEqual({ review: 'R', confirm: null, patient: null });
    expect(placeFromSearch(`?patient=${patient}`)).toEqual({ review: null, confirm: null, patient: null });
    expect(placeFromSearch('?review=%20%20')).toEqual({ review: null, confirm: null, patient: null });
  });

  it('compares places field by field', () => {
    expect(samePlace({ review: 'R', confirm: id, patient: null }, placeFromSearch(`?review=R&confirm=${id}`))).toBe(true);
    expect(samePlace({ review: 'R', confirm: id, patient: null }, { review: 'R', confirm: id, patient })).toBe(false);
  });
});
