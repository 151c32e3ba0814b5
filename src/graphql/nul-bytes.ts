import { DocumentNode, Kind, OperationDefinitionNode, ValueNode, visit } from 'graphql';
import type { FieldError } from '../common/errors/domain-error';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '../common/text/control-characters';

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

/**
 * The same checks on JSON decoded outside GraphQL (GET /exports' q): its escapes can make a NUL or a lone surrogate
 * ("\\u0000" in q reached PostgreSQL and answered 500). Paths below `rootPath` (`q.text`, `q.filters.journals.0`).
 */
export function findStringProblems(value: unknown, rootPath: string): FieldError[] {
  const found: FieldError[] = [];
  inValue(value, rootPath, found);
  return found;
}

/**
 * Every string of an argument written in the document, in written order with its path (the parser bounds the
 * nesting; walked without recursion all the same); a variable met on the way goes to `onVariable`.
 */
function walkLiteral(root: ValueNode, rootPath: string, onString: (value: string, path: string) => void, onVariable?: (name: string, path: string) => void): void {
  const pending: { node: ValueNode; path: string }[] = [{ node: root, path: rootPath }];
  while (pending.length) {
    const { node, path } = pending.pop() as { node: ValueNode; path: string };
    if (node.kind === Kind.STRING) onString(node.value, path);
    else if (node.kind === Kind.VARIABLE) onVariable?.(node.name.value, path);
    else if (node.kind === Kind.LIST) {
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
      walkLiteral(node.value, node.name.value, (value, path) => {
        const problem = stringProblem(value);
        if (problem) found.push({ path, message: problem });
      });
    },
  });
  for (const [name, value] of Object.entries(variables ?? {})) inValue(value, name, found);
  return found;
}

/**
 * Mutation arguments that are a file's text, not a value to store: an import's text loses its control
 * characters with a warning in the report instead (src/literature/value-notes.ts).
 */
const FILE_ARGUMENTS: Readonly<Record<string, readonly string[]>> = { importPublications: ['input.text'] };

/**
 * Invisible control characters (C0/C1 other than tab, LF and CR; the bidirectional embedding, override and
 * isolate controls: src/common/text/control-characters.ts) in any string a mutation takes, named by the
 * argument's path (`input.title`, `input.authors.0.family`), whether written in the document or passed in
 * a variable. Queries are not checked (nothing they take is stored). Run after findNulBytes, which bounds
 * the variables' nesting and list lengths.
 */
export function findControlCharacters(document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): FieldError[] {
  if (operation?.operation !== 'mutation') return [];
  const found = new Map<string, FieldError>();
  const usedVariables = new Set<string>();
  const check = (value: string, path: string, exempt: ReadonlySet<string>): void => {
    if (!exempt.has(path) && !found.has(path) && hasControlCharacters(value)) found.set(path, { path, message: CONTROL_CHARACTER_MESSAGE });
  };
  const inJson = (root: unknown, rootPath: string, exempt: ReadonlySet<string>): void => {
    const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
    while (pending.length) {
      const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
      if (typeof value === 'string') check(value, path, exempt);
      else if (value && typeof value === 'object' && depth < MAX_VARIABLE_DEPTH) {
        // Pushed last to first, so they are reported in the order they are written.
        for (const [key, item] of Object.entries(value).reverse()) pending.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  };
  const inArgument = (root: ValueNode, rootPath: string, exempt: ReadonlySet<string>): void =>
    walkLiteral(
      root,
      rootPath,
      (value, path) => check(value, path, exempt),
      (name, path) => {
        usedVariables.add(name);
        inJson(variables?.[name], path, exempt);
      },
    );
  // The operation and the fragments it may spread (a mutation's fields can sit in a fragment on Mutation).
  for (const node of [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)]) {
    visit(node, {
      Field(field) {
        const exempt = new Set(FILE_ARGUMENTS[field.name.value] ?? []);
        for (const argument of field.arguments ?? []) inArgument(argument.value, argument.name.value, exempt);
      },
    });
  }
  // Variables no argument uses (or used where this walk does not look): checked as a whole, by their names.
  for (const [name, value] of Object.entries(variables ?? {})) if (!usedVariables.has(name)) inJson(value, name, new Set());
  return [...found.values()];
}
