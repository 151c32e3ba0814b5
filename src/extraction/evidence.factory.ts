import type { Evidence, EvidenceField, ExtractionMethod } from './extraction.types';

/** Longest sentence text stored with a piece of evidence; a longer sentence is cut around the match. */
export const MAX_EVIDENCE_SENTENCE = 600;

export function evidenceOf(
  field: EvidenceField,
  fieldText: string,
  start: number,
  end: number,
  sentence: { start: number; end: number },
  method: ExtractionMethod,
  confidence: number,
): Evidence {
  let sStart = sentence.start;
  let sEnd = sentence.end;
  if (sEnd - sStart > MAX_EVIDENCE_SENTENCE) {
    sStart = Math.max(sentence.start, start - MAX_EVIDENCE_SENTENCE / 2);
    sEnd = Math.min(sentence.end, Math.max(end, sStart + MAX_EVIDENCE_SENTENCE));
  }
  return {
    field,
    start,
    end,
    text: fieldText.slice(start, end),
    sentence: fieldText.slice(sStart, sEnd),
    method,
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** Evidence for a whole MeSH heading / keyword / publication type label. */
export function headingEvidence(field: EvidenceField, label: string, method: ExtractionMethod, confidence: number): Evidence {
  return { field, start: 0, end: label.length, text: label, sentence: label, method, confidence };
}
