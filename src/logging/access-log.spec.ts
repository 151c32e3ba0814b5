import { describeUrl } from './access-log';
import { requestIdFrom } from './request-id';

describe('describeUrl', () => {
  it('keeps the path and only the names of query parameters (once each)', () => {
    expect(describeUrl('/exports?format=csv&text=my%20patient&outcomes=A&outcomes=B')).toEqual({ path: '/exports', query: ['format', 'text', 'outcomes'] });
    expect(describeUrl('/graphql')).toEqual({ path: '/graphql' });
    expect(describeUrl('/graphql?')).toEqual({ path: '/graphql' });
  });

  it('bounds what a crafted query string can add to a line', () => {
    const many = Array.from({ length: 50 }, (_, index) => `p${index}=1`).join('&');
    const described = describeUrl(`/x?${'n'.repeat(500)}=1&${many}`);
    expect(described.query).toHaveLength(20);
    expect(described.query![0]).toHaveLength(64);
  });
});

describe('requestIdFrom', () => {
  it('keeps a plain token of up to 128 characters', () => {
    expect(requestIdFrom('abc-DEF_1.2')).toBe('abc-DEF_1.2');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it.each([[undefined], [''], ['a'.repeat(129)], ['has space'], ['new\nline'], ['quote"'], [['two', 'headers']]])('replaces %p with a UUID', (header) => {
    expect(requestIdFrom(header as string | string[] | undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
