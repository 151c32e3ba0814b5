import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { assertRecordIds } from './record-id';

/** Record ids are UUIDs: anything else is the caller's mistake (BAD_USER_INPUT naming the argument), not a database error. */
@Injectable()
export class IdArgPipe implements PipeTransform<string | null | undefined> {
  transform(value: string | null | undefined, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) return value;
    assertRecordIds([[value, metadata.data ?? 'id']]);
    return value;
  }
}
