import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, OperationDefinitionNode, parse } from 'graphql';
import { countsSelected, CROSS_TAB_PUBLICATION_FIELDS, SUMMARY_PUBLICATION_FIELDS } from './synthesis-counts';

/** The resolve info of the operation's first field, as far as selections are read (field nodes and fragments). */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(parsed.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition').map((fragment) => [fragment.name.value, fragment]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('publication counts from the selection', () => {
  it('a cross-tab counts publications only when some publication count is selected', () => {
    const crossTab = (selection: string) => countsSelected(infoOf(`{ caseCrossTab(rows: TREATMENT, columns: OUTCOME) { ${selection} } }`), CROSS_TAB_PUBLICATION_FIELDS);
    // The web client's selection: cases only.
    expect(crossTab('totalCases rowHeaders { value caseCount } columnHeaders { value caseCount } cells { rowValue columnValue caseCount ofRow { proportion } }')).toEqual({ publications: false });
    expect(crossTab('totalPublications')).toEqual({ publications: true });
    expect(crossTab('rowHeaders { publicationCount }')).toEqual({ publications: true });
    expect(crossTab('columnHeaders { value publicationCount }')).toEqual({ publications: true });
    expect(crossTab('cells { caseCount n: publicationCount }')).toEqual({ publications: true });
    expect(crossTab('cells { ... on CrossTabCell { publicationCount } }')).toEqual({ publications: true });
  });

  it('through named fragments', () => {
    const info = infoOf(`query { caseCrossTab(rows: TREATMENT, columns: OUTCOME) { ...tab } }
      fragment tab on CaseCrossTab { cells { ...cell } }
      fragment cell on CrossTabCell { rowValue publicationCount }`);
    expect(countsSelected(info, CROSS_TAB_PUBLICATION_FIELDS)).toEqual({ publications: true });
  });

  it('a summary counts publications for its totals, rows and curated / suggested counts', () => {
    const summary = (selection: string) => countsSelected(infoOf(`{ caseSummary(facet: OUTCOME) { ${selection} } }`), SUMMARY_PUBLICATION_FIELDS);
    expect(summary('totalCases knownCases curatedCases rows { value caseCount ofAll { proportion } curated { caseCount } }')).toEqual({ publications: false });
    expect(summary('totalPublications')).toEqual({ publications: true });
    expect(summary('rows { publicationCount }')).toEqual({ publications: true });
    expect(summary('rows { curated { publicationCount } }')).toEqual({ publications: true });
    expect(summary('rows { suggested { caseCount publicationCount } }')).toEqual({ publications: true });
  });
});
