import { Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { BrowserSession } from './browser-session.entity';

@Injectable()
export class BrowserSessionsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  insert(session: Pick<BrowserSession, 'tokenHash' | 'principalName' | 'role' | 'expiresAt'>): Promise<BrowserSession> {
    return this.uow.reader.save(BrowserSession, this.uow.reader.create(BrowserSession, session));
  }

  /** The session of this token hash unless it has expired. */
  async findLive(tokenHash: string, now: Date): Promise<BrowserSession | null> {
    const session = await this.uow.reader.findOne(BrowserSession, { where: { tokenHash } });
    return session && session.expiresAt.getTime() > now.getTime() ? session : null;
  }

  async deleteByHash(tokenHash: string): Promise<boolean> {
    const result = await this.uow.reader.delete(BrowserSession, { tokenHash });
    return (result.affected ?? 0) > 0;
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.uow.reader.delete(BrowserSession, { expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}
