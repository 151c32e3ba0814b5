import { parseTextQuery } from '../../query/text-query.parser';
import { SqlParams, tsquerySql } from './postgres-query.builder';

describe('tsquerySql', () => {
  it('never puts user text into the SQL, only into parameters', () => {
    const hostile = `x'); DROP TABLE case_report; -- "phrase" -y OR z`;
    const params = new SqlParams();
    const sql = tsquerySql(parseTextQuery(hostile)!, params);
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).toMatch(/^\(\(phraseto_tsquery\('english', \$1\)/);
    expect(params.values).toEqual(expect.arrayContaining(["x');", 'phrase', 'y', 'z']));
  });

  it('ANDs the atoms of a clause, NOTs its exclusions, ORs clauses and spellings', () => {
    const params = new SqlParams();
    const sql = tsquerySql(parseTextQuery('haematoma "blood patch" -steroid OR hygroma')!, params);
    expect(sql).toBe(
      "(((phraseto_tsquery('english', $1) || phraseto_tsquery('english', $2)) && phraseto_tsquery('english', $3) && (!! phraseto_tsquery('english', $4))) || phraseto_tsquery('english', $5))",
    );
    expect(params.values).toEqual(['haematoma', 'hematoma', 'blood patch', 'steroid', 'hygroma']);
  });
});
