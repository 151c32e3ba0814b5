import { DocumentNode, Kind, OperationDefinitionNode, ValueNode, visit } from 'graphql';
import type { FieldError } from '../common/errors/domain-error';

const NUL = '\u0000';
const MESSAGE = 'must not contain NUL characters (\\u0000)';

function inValue(value: unknown, path: string, found: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push({ path, message: MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => inValue(item, `${path}.${index}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) inValue(item, `${path}.${key}`, found);
  }
}

function inLiteral(node: ValueNode, path: string, found: FieldError[]): void {
  if (node.kind === Kind.STRING) {
    if (node.value.includes(NUL)) found.push({ path, message: MESSAGE });
  } else if (node.kind === Kind.LIST) {
    node.values.forEach((item, index) => inLiteral(item, `${path}.${index}`, found));
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) inLiteral(field.value, `${path}.${field.name.value}`, found);
  }
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL in any string input (an argument written in the
 * document or a variable) is refused before execution, every occurrence with its path: arguments by
 * their name (`input.text`), variables by theirs (`$input.text`, which is the argument's path when the
 * variable is named after it, as clients usually do).
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
