/**
 * SVG to PNG on the server, with resvg (@resvg/resvg-js: a Rust renderer shipped as prebuilt binaries
 * in registry packages, so no native build). Text is drawn with the machine's fonts (sans-serif,
 * DejaVu or Liberation where installed). Loaded on first use: a server without the package still
 * serves every other format, and a PNG request there answers 503 with the reason.
 */
import { DomainError } from './errors/domain-error';

interface ResvgModule {
  Resvg: new (svg: string, options: Record<string, unknown>) => { render(): { asPng(): Buffer } };
}

let loaded: ResvgModule | null | undefined;

function resvg(): ResvgModule | null {
  if (loaded === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require('@resvg/resvg-js') as ResvgModule;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** The SVG drawn at `scale` (2: sharp in a manuscript and on a high-density screen) on its own white background. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const module = resvg();
  if (!module) throw new DomainError('SERVICE_UNAVAILABLE', 'PNG is not available on this server (the @resvg/resvg-js package is not installed): download the SVG instead.');
  const renderer = new module.Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return renderer.render().asPng();
}
