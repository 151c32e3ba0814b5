/**
 * How deeply the XML importers let elements nest. Real records nest about ten levels (MathML in an
 * abstract a few more); a file nested thousands of levels deep is an attack on the reader: EndNote's
 * element paths grew with every level (20,000 levels, 340 KB, took 9.5 s) and PubMed's text
 * gathering recursed per level (100,000 levels overflowed the stack).
 */
export const MAX_XML_DEPTH = 256;

export function tooDeepMessage(tagName: string): string {
  return `elements are nested more than ${MAX_XML_DEPTH} levels deep (at <${tagName.slice(0, 100)}>); no record of this format nests so deep`;
}
