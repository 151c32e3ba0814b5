import { EntityMetadata, ValueTransformer } from 'typeorm';

const DATE_TYPES = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);

/**
 * Maps a row as PostgreSQL's to_jsonb gives it (column names, JSON values) to an entity object, the
 * way TypeORM would load it (property names, Dates, column transformers), without TypeORM's query
 * builder and hydration: reads that return a page of rows and their relations in one statement use it.
 */
export function jsonRowMapper<T>(metadata: EntityMetadata): (json: Record<string, unknown>) => T {
  const columns = metadata.columns.map((column) => ({
    name: column.databaseName,
    property: column.propertyName,
    date: DATE_TYPES.has(column.type) || column.isCreateDate || column.isUpdateDate,
    // An array of transformers is applied last to first when reading, as TypeORM does.
    from: column.transformer ? (value: unknown) => [column.transformer].flat().reduceRight((v, transformer) => (transformer as ValueTransformer).from(v), value) : null,
  }));
  if (columns.some((column) => column.property.includes('.'))) throw new Error(`${metadata.name}: embedded columns are not mapped`);
  const prototype = (metadata.target as { prototype: object }).prototype;
  return (json) => {
    const entity = Object.create(prototype) as Record<string, unknown>;
    for (const column of columns) {
      let value = json[column.name] ?? null;
      if (column.date && value !== null) value = new Date(value as string);
      entity[column.property] = column.from ? column.from(value) : value;
    }
    return entity as T;
  };
}
