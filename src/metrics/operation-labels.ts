/** Distinct operation names kept as label values; later new names are counted as `(other)`. */
export const MAX_OPERATION_LABELS = 100;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names come from clients: the label takes a name only once the document is parsed and
 * the operation resolved (so it is a GraphQL name), keeps at most MAX_OPERATION_LABELS of them, and
 * buckets the rest, so a client inventing names cannot grow the metrics without bound.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(resolved: boolean, name: string | null | undefined): string {
    if (!resolved) return '(invalid)';
    if (!name) return '(anonymous)';
    if (!GRAPHQL_NAME.test(name)) return '(other)';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max) return '(other)';
    this.known.add(name);
    return name;
  }
}
