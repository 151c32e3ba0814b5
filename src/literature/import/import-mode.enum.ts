import { registerEnumType } from '@nestjs/graphql';

export enum ImportMode {
  /** Any error: nothing is stored and the report lists every error found. */
  ATOMIC = 'ATOMIC',
  /** Good records are stored, bad ones are listed. */
  PARTIAL = 'PARTIAL',
}

registerEnumType(ImportMode, {
  name: 'ImportMode',
  description: 'ATOMIC (default): any error means nothing is stored. PARTIAL: good records are stored and the bad ones listed; where the file cannot be read on (malformed XML), the records from that point are reported as not read.',
});
