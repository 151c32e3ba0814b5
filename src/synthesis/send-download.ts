import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

export interface Download {
  contentType: string;
  fileName: string;
  totalCases: number;
  totalPublications: number;
  /** The file, piece by piece (an array for a file made whole). */
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
}

/** Sends a download as an attachment, streaming its chunks; a client that goes away mid-download is not a server error. */
export async function sendDownload(response: Response, download: Download): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', download.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
  response.setHeader('X-Total-Cases', String(download.totalCases));
  response.setHeader('X-Total-Publications', String(download.totalPublications));
  try {
    await pipeline(Readable.from(download.chunks), response);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}
