import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination/connection';
import { CaseChangeModel } from './case-change.model';

@ObjectType()
export class CaseChangeConnection extends ConnectionType(CaseChangeModel, 'CaseChange') {}
