import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { BadUserInputError } from '../errors/domain-error';
import { isRecordId } from '../record-id';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most MAX_PAGE_SIZE).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection types for one node type: `XConnection { edges { node cursor } pageInfo totalCount }`. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Keyset position: opaque to clients, stable under inserts (unlike offsets). */
export interface KeysetCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The time as encodeCursor writes it (Date.toISOString of a stored row, years 0001-9999). */
const CURSOR_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Only what encodeCursor writes: a time in its ISO form that names a real instant (JavaScript's Date.parse also reads "1",
 * "Tue 1" and 2020-02-30, which PostgreSQL refuses) and a uuid. Anything else reached the SQL and came back as an internal error.
 */
const isCursorTime = (value: unknown): value is string => typeof value === 'string' && CURSOR_TIME.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

export function decodeCursor(raw: string, path = 'after'): KeysetCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [createdAt, id] = parsed as unknown[];
      if (isCursorTime(createdAt) && isRecordId(id)) return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw BadUserInputError.field(path, 'is not a cursor returned by this API');
}

export function resolvePageSize(first: number | null | undefined, max: number, path = 'first'): number {
  if (first === null || first === undefined) return Math.min(20, max);
  if (!Number.isInteger(first) || first < 1 || first > max) throw BadUserInputError.field(path, `must be between 1 and ${max}`);
  return first;
}
