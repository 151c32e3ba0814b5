/** Reading Elasticsearch aggregation results: the shapes and helpers both response parsers share. */

export interface TermsBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

export interface BucketsAggregate<B> {
  buckets: B[] | Record<string, B>;
}

export interface FilterAggregate {
  doc_count: number;
  [sub: string]: unknown;
}

/** Buckets come as an array, or keyed (filters aggregations). */
export const bucketsOf = <B>(aggregate: BucketsAggregate<B> | undefined): B[] => {
  const buckets = aggregate?.buckets;
  return Array.isArray(buckets) ? buckets : buckets ? Object.values(buckets) : [];
};

/** min/max answer null (or, in old versions, ±Infinity) when no document has a value. */
export const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A terms bucket's value as the string the engines compare. */
export const termKey = (bucket: Pick<TermsBucket, 'key' | 'key_as_string'>): string => (typeof bucket.key === 'string' ? bucket.key : (bucket.key_as_string ?? String(bucket.key)));
