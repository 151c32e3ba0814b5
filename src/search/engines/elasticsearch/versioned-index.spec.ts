import { capabilitiesOf } from './versioned-index';

const info = (number: string, distribution?: string) => ({ name: 'n', cluster_name: 'c', version: { number, ...(distribution ? { distribution } : {}) }, tagline: 'You Know, for Search' });

describe('capabilitiesOf (what an engine accepts, from its info)', () => {
  it.each([
    ['7.6.2', false, false],
    ['7.9.3', false, false],
    ['7.10.2', true, false],
    ['7.11.0', true, true],
    ['7.17.28', true, true],
    ['8.0.0', true, true],
    ['8.19.3', true, true],
    ['9.1.0', true, true],
    ['10.0.0-SNAPSHOT', true, true],
  ])('Elasticsearch %s: require_alias %s, must_exist %s', (number, requireAlias, mustExist) => {
    expect(capabilitiesOf(info(number))).toEqual({ reported: number, requireAlias, mustExist });
  });

  it('reads OpenSearch by its distribution: a 7.10.2 fork, must_exist from 2.12', () => {
    expect(capabilitiesOf(info('1.3.19', 'opensearch'))).toEqual({ reported: 'opensearch 1.3.19', requireAlias: true, mustExist: false });
    expect(capabilitiesOf(info('2.11.1', 'opensearch'))).toEqual({ reported: 'opensearch 2.11.1', requireAlias: true, mustExist: false });
    expect(capabilitiesOf(info('2.12.0', 'opensearch'))).toEqual({ reported: 'opensearch 2.12.0', requireAlias: true, mustExist: true });
    expect(capabilitiesOf(info('7.10.2', 'opensearch'))).toEqual({ reported: 'opensearch 7.10.2', requireAlias: true, mustExist: false });
  });

  it('takes an engine that does not say its version to accept everything (a refusal then turns a flag off)', () => {
    for (const answer of [undefined, null, {}, { version: {} }, { version: { number: 'unknown' } }]) {
      expect(capabilitiesOf(answer)).toEqual({ reported: null, requireAlias: true, mustExist: true });
    }
  });
});
