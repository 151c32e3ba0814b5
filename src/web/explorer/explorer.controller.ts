import { createReadStream } from 'node:fs';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EXPLORER_ASSETS } from './explorer-assets';

@Controller('explorer-assets')
export class ExplorerController {
  @Get(':name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const asset = Object.prototype.hasOwnProperty.call(EXPLORER_ASSETS, name) ? EXPLORER_ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException(`no explorer asset named ${name}`);
    response.setHeader('Content-Type', `${asset.type}; charset=utf-8`);
    response.setHeader('Cache-Control', 'public, max-age=86400');
    createReadStream(asset.file).pipe(response);
  }
}
