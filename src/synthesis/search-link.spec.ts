import { facetDefinition, FacetName } from '../search/query/facet-registry';
import { pageQueryOf, searchLink } from './search-link';

const outcome = facetDefinition(FacetName.OUTCOME);
const pregnancy = facetDefinition(FacetName.PREGNANCY_STATUS);
const complication = facetDefinition(FacetName.COMPLICATION);
const treatment = facetDefinition(FacetName.TREATMENT);
const curation = facetDefinition(FacetName.CURATION_STATUS);

describe('searchLink', () => {
  it("adds the row's and column's values to the search, as input JSON and as the page's query string", () => {
    const link = searchLink({ text: 'hematoma', filters: { procedures: ['epidural-blood-patch'], year: { min: 2000, max: null } }, sort: 'YEAR_DESC' as never }, [
      { definition: outcome, value: 'DEATH' },
      { definition: pregnancy, value: 'POSTPARTUM' },
    ])!;
    expect(JSON.parse(link.input)).toEqual({ text: 'hematoma', filters: { procedures: ['epidural-blood-patch'], year: { min: 2000, max: null }, outcomes: ['DEATH'], pregnancyStatuses: ['POSTPARTUM'] }, sort: 'YEAR_DESC' });
    expect(link.pageQuery).toBe('q=hematoma&procedure=epidural-blood-patch&year=2000..&outcome=DEATH&pregnancy=POSTPARTUM&sort=YEAR_DESC');
  });

  it('narrows a single-valued selection to the value', () => {
    const link = searchLink({ filters: { pregnancyStatuses: ['PREGNANT', 'POSTPARTUM'] as never } }, [{ definition: pregnancy, value: 'POSTPARTUM' }])!;
    expect(JSON.parse(link.input).filters.pregnancyStatuses).toEqual(['POSTPARTUM']);
    expect(searchLink({ filters: { pregnancyStatuses: ['POSTPARTUM'] as never } }, [{ definition: pregnancy, value: 'NOT_PREGNANT' }])).toBeNull();
  });

  it('has no search for cases with no value, nor for a second value of a filtered multi-valued facet', () => {
    expect(searchLink({}, [{ definition: complication, value: 'NONE' }])).toBeNull();
    expect(searchLink({}, [{ definition: curation, value: 'UNKNOWN' }])).toBeNull();
    expect(searchLink({ filters: { complications: ['a', 'b'] } }, [{ definition: complication, value: 'a' }])).toBeNull();
    expect(searchLink({ filters: { complications: ['a'] } }, [{ definition: complication, value: 'a' }])).not.toBeNull();
    expect(JSON.parse(searchLink({}, [{ definition: treatment, value: 'UNKNOWN' }])!.input)).toEqual({ filters: { treatments: ['UNKNOWN'] } });
  });

  it('gives no page query when a filter has no page parameter', () => {
    expect(pageQueryOf(undefined, { symptoms: ['back-pain'] }, null)).toBeNull();
    expect(pageQueryOf(undefined, { age: { min: null, max: 40 } }, 'RELEVANCE')).toBe('age=..40');
    expect(pageQueryOf(undefined, { age: {} }, null)).toBe('');
  });
});
