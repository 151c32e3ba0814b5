/** The bench's negation audit (shared by extraction.bench.ts and the outcome-model experiment). */
/**
 * The negation audit, independent of the rules' own scopes (context-scopes.ts is not imported): a fixed
 * list of cues a reader takes as negating what follows them, and a scope that runs from the cue over up
 * to six words to the mention, inside the same clause (it stops at a sentence or clause end: ". ; : ? !",
 * "but", "however", "although", "which", "who", "whereas", "while", "except", or "and" followed by a
 * new subject or verb). Plus a backward form: the mention followed within three words by "was/were
 * ruled out / excluded / not required ...". Up to rules 1.1.1 the forward window was three words, which
 * missed "She had no risks of an underlying coagulopathy".
 */
const NEGATION_CUES = [
  'no',
  'not',
  'without',
  'denied',
  'denies',
  'deny',
  'negative for',
  'absence of',
  'absent',
  'free of',
  'refused',
  'declined',
  'neither',
  'nor',
  'never',
  'none',
  'ruled out',
  'excluded',
  'unremarkable for',
  'rather than',
  'instead of',
];
const AUDIT_SCOPE_WORDS = 6;
const NEGATION_BEFORE = new RegExp(`\\b(?:${NEGATION_CUES.join('|').replace(/ /g, '\\s+')})\\b((?:\\W+[\\w'-]+){0,${AUDIT_SCOPE_WORDS}}?)\\W*$`, 'i');
/** What ends a clause between the cue and the mention (then the cue does not reach the mention). */
const CLAUSE_END = /[.;:?!]|\b(?:but|however|although|though|which|who|whereas|while|except|yet|until|then)\b|\band (?:she|he|they|we|it|was|were|is|are|had|has|underwent|developed|received|presented|required)\b/i;
export const NEGATION_AFTER = /^\W*(?:\w+\W+){0,3}(?:was|were) (?:ruled out|excluded|not (?:required|needed|found|seen|detected|present|performed|given))\b/i;

export function negatedBefore(before: string): boolean {
  const m = NEGATION_BEFORE.exec(before);
  return m !== null && !CLAUSE_END.test(m[1]);
}
