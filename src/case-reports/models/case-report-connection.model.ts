import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { CaseReport } from '../entities/case-report.entity';

@ObjectType()
export class CaseReportConnection extends ConnectionType(CaseReport, 'CaseReport') {}
