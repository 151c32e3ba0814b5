import { capabilitiesOf } from './versioned-index';

const info = (number: string, distribution?: string) => ({ name: 'n', cluster_name: 'c', version: { number, ...(distribution ? { distribution } : {}) }, tagline: 'You Know, for Search' });

describe('capabilitiesOf (what an engine accepts, from its info)', () => {
  it.each([
    ['7.6.2', false, false, true],
    ['7.8.1', false, false, true],
    ['7.9.3', false, false, false],
    ['7.10.2', true, false, false],
    ['7.11.0', true, true, false],
    ['7.17.28', true, true, false],
    ['8.0.0', true, true, false],
    ['8.19.3', true, true, false],
    ['9.1.0', true, true, false],
    ['10.0.0-SNAPSHOT', true, true, false],
  ])('Elasticsearch %s: require_alias %s, must_exist %s, 10,000 buckets %s', (number, requireAlias, mustExist, tenThousandBuckets) => {
    expect(capabilitiesOf(info(number))).toEqual({ reported: number, requireAlias, mustExist, tenThousandBuckets });
  });

  it('reads OpenSearch by its distribution: a 7.10.2 fork, must_exist from 2.12', () => {
    const opensearch = (reported: string, mustExist: boolean) => ({ reported, requireAlias: true, mustExist, tenThousandBuckets: false });
    expect(capabilitiesOf(info('1.3.19', 'opensearch'))).toEqual(opensearch('opensearch 1.3.19', false));
    expect(capabilitiesOf(info('2.11.1', 'opensearch'))).toEqual(opensearch('opensearch 2.11.1', false));
    expect(capabilitiesOf(info('2.12.0', 'opensearch'))).toEqual(opensearch('opensearch 2.12.0', true));
    expect(capabilitiesOf(info('7.10.2', 'opensearch'))).toEqual(opensearch('opensearch 7.10.2', false));
  });

  it('takes an engine that does not say its version to accept everything (a refusal then turns a flag off)', () => {
    for (const answer of [undefined, null, {}, { version: {} }, { version: { number: 'unknown' } }]) {
      expect(capabilitiesOf(answer)).toEqual({ reported: null, requireAlias: true, mustExist: true, tenThousandBuckets: false });
    }
  });
});
