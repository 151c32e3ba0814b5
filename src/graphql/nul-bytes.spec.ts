import { OperationDefinitionNode, parse } from 'graphql';
import { findControlCharacters, findNulBytes } from './nul-bytes';

const check = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  return { nul: findNulBytes(document, operation, variables), controls: findControlCharacters(document, operation, variables) };
};
const MESSAGE = expect.stringMatching(/^must not contain invisible control characters/);

describe('findControlCharacters', () => {
  it('refuses control characters in the strings of a mutation, written in the document or in variables, by the argument path', () => {
    expect(check('mutation { createPublication(input: { title: "Safe \\u202Etxt.exe" }) { id } }').controls).toEqual([{ path: 'input.title', message: MESSAGE }]);
    expect(
      check('mutation($input: CreateCaseReportInput!) { createCaseReport(input: $input) { id } }', { input: { label: 'ok', notes: ['fine', 'bell\u0007'], author: { family: 'x\u2066' } } }).controls,
    ).toEqual([
      { path: 'input.notes.1', message: MESSAGE },
      { path: 'input.author.family', message: MESSAGE },
    ]);
    expect(check('mutation($title: String!) { createPublication(input: { title: $title }) { id } }', { title: 'C1\u0085' }).controls).toEqual([{ path: 'input.title', message: MESSAGE }]);
  });

  it('allows tab, line feed, carriage return and the directional marks; does not check queries', () => {
    expect(check('mutation($input: X) { createPublication(input: $input) { id } }', { input: { abstract: 'a\tb\nc\r\nd \u200f \u200e' } }).controls).toEqual([]);
    expect(check('query($text: String) { search(text: $text) { id } }', { text: '\u202e' }).controls).toEqual([]);
  });

  it("leaves an import's file text to the importer (which removes them with a warning), not its other arguments", () => {
    const query = 'mutation($input: ImportPublicationsInput!) { importPublications(input: $input) { warningCount } }';
    expect(check(query, { input: { text: 'TY  - JOUR\nTI  - \u202eevil\nER  - \n', review: 'Review\u202e' } }).controls).toEqual([{ path: 'input.review', message: MESSAGE }]);
    expect(check('mutation($text: String!) { importPublications(input: { text: $text }) { warningCount } }', { text: '\u0007' }).controls).toEqual([]);
  });

  it('checks the variables no argument uses, by their names; NUL stays findNulBytes\'s', () => {
    expect(check('mutation($unused: String) { deletePublication(id: "1") }', { unused: '\u202e' }).controls).toEqual([{ path: 'unused', message: MESSAGE }]);
    expect(check('mutation { createPublication(input: { title: "a\\u0000b" }) { id } }').nul).toEqual([{ path: 'input.title', message: 'must not contain NUL characters (\\u0000)' }]);
  });
});
