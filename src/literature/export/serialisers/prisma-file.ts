import { svgToPng } from '../../../common/svg-to-png';
import type { PrismaIdentification } from '../../import/models/prisma-identification.model';
import { PrismaScreeningNumbers, prismaFlow, prismaSvg } from './prisma-flow';
import { prismaToCsv } from './prisma.serialiser';

export type PrismaFormat = 'csv' | 'json' | 'svg' | 'png';
export const PRISMA_FORMATS: readonly PrismaFormat[] = ['csv', 'json', 'svg', 'png'];

/**
 * The PRISMA numbers of a review in a format (GET /exports/prisma, the CLI): CSV (one row per import,
 * totals, screening stages), JSON (the identification numbers as before, plus `flow`: the diagram's
 * boxes, null where screening is not recorded), SVG and PNG (the PRISMA 2020 flow diagram).
 */
export function prismaFile(prisma: PrismaIdentification, format: PrismaFormat, now = new Date(), screening: PrismaScreeningNumbers | null = null): { contentType: string; body: string | Buffer } {
  switch (format) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify({ ...prisma, flow: prismaFlow(prisma, now, screening) }, null, 2)}\n` };
    case 'svg':
      return { contentType: 'image/svg+xml; charset=utf-8', body: prismaSvg(prismaFlow(prisma, now, screening)) };
    case 'png':
      return { contentType: 'image/png', body: svgToPng(prismaSvg(prismaFlow(prisma, now, screening))) };
    default:
      return { contentType: 'text/csv; charset=utf-8', body: prismaToCsv(prisma, screening) };
  }
}
