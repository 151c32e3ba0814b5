import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { BadUserInputError } from './errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs: anything else is the caller's mistake (BAD_USER_INPUT naming the argument), not a database error. */
@Injectable()
export class IdArgPipe implements PipeTransform<string | null | undefined> {
  transform(value: string | null | undefined, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (!UUID.test(value)) throw BadUserInputError.field(metadata.data ?? 'id', `"${value.slice(0, 80)}" is not a valid id (expected a UUID)`);
    return value;
  }
}
