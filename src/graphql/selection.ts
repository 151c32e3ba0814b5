import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The field nodes selected directly in these selection sets, through fragments and inline fragments. */
function fieldsOf(sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

/**
 * The names of the fields selected under a path of field names below the resolved field (aliases,
 * fragments and repeated selections merged), e.g. ['hits', 'edges', 'node', 'caseReport']. Directives
 * (@skip/@include) are not evaluated: a field under one counts as selected, which only means data is
 * read that the answer may not use. Lets a resolver read ahead what its children will ask for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsOf(sets, info).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(sets, info).map((field) => field.name.value));
}
