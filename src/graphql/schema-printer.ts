import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** How schema.graphql is written: sorted, so the committed file changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `# Generated from the code-first types by \`npm run schema:generate\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
