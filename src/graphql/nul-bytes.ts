import { DocumentNode, Kind, OperationDefinitionNode, ValueNode, visit } from 'graphql';
import type { FieldError } from '../common/errors/domain-error';

const NUL = '\u0000';
const MESSAGE = 'must not contain NUL characters (\\u0000)';
/** A UTF-16 surrogate without its pair: not a character, and PostgreSQL (UTF-8) would keep U+FFFD in its place. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string input, if anything. */
function stringProblem(value: string): string | null {
  if (value.includes(NUL)) return MESSAGE;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `is not well-formed Unicode: a lone surrogate (\\u${surrogate[0].charCodeAt(0).toString(16).toUpperCase()}) at position ${surrogate.index}`;
  return null;
}

/** No input type of the schema nests deeper than a few levels (search.filters.year.min); JSON nested deeper is refused, not walked. */
export const MAX_VARIABLE_DEPTH = 32;
/** The longest list an input takes is 5,000 authors; a longer list is refused before graphql-js coerces (and reports) every item. */
export const MAX_VARIABLE_LIST_ITEMS = 10_000;

/** Walks a variable's JSON value without recursion (a body of 100,000 nested arrays must not overflow the stack): NULs, nesting, list lengths. */
function inValue(root: unknown, rootPath: string, found: FieldError[]): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (pending.length) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) found.push({ path, message: problem });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH) {
      found.push({ path, message: `is nested more than ${MAX_VARIABLE_DEPTH} levels deep; no input of this API is` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_VARIABLE_LIST_ITEMS) {
        found.push({ path, message: `is a list of ${value.length} items; at most ${MAX_VARIABLE_LIST_ITEMS}` });
        continue;
      }
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push({ value: value[index], path: `${path}.${index}`, depth: depth + 1 });
    } else {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) pending.push({ value: entries[index][1], path: `${path}.${entries[index][0]}`, depth: depth + 1 });
    }
  }
}

/** The same for arguments written in the document (the parser bounds their nesting; walked without recursion all the same). */
function inLiteral(root: ValueNode, rootPath: string, found: FieldError[]): void {
  const pending: { node: ValueNode; path: string }[] = [{ node: root, path: rootPath }];
  while (pending.length) {
    const { node, path } = pending.pop() as { node: ValueNode; path: string };
    if (node.kind === Kind.STRING) {
      const problem = stringProblem(node.value);
      if (problem) found.push({ path, message: problem });
    } else if (node.kind === Kind.LIST) {
      for (let index = node.values.length - 1; index >= 0; index -= 1) pending.push({ node: node.values[index], path: `${path}.${index}` });
    } else if (node.kind === Kind.OBJECT) {
      for (let index = node.fields.length - 1; index >= 0; index -= 1) pending.push({ node: node.fields[index].value, path: `${path}.${node.fields[index].name.value}` });
    }
  }
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL in any string input (an argument written in the
 * document or a variable) is refused before execution; so is a lone surrogate (JSON's "\ud800"), which
 * would be stored as U+FFFD while the answer echoed what was sent. Every occurrence with its path: arguments by
 * their name (`input.text`), variables by theirs (`$input.text`, which is the argument's path when the
 * variable is named after it, as clients usually do). Variables nested deeper than MAX_VARIABLE_DEPTH
 * or holding a list over MAX_VARIABLE_LIST_ITEMS are refused the same way, before anything coerces them.
 */
export function findNulBytes(document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): FieldError[] {
  const found: FieldError[] = [];
  visit(operation ?? document, {
    Argument(node) {
      inLiteral(node.value, node.name.value, found);
    },
  });
  for (const [name, value] of Object.entries(variables ?? {})) inValue(value, name, found);
  return found;
}
