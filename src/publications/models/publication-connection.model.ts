import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { Publication } from '../publication.entity';

@ObjectType()
export class PublicationConnection extends ConnectionType(Publication, 'Publication') {}
