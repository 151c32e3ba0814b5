/**
 * Medical English comes in British and American spellings (haematoma/hematoma, anaesthesia/anesthesia).
 * The vocabulary uses American spelling, many abstracts British. A query atom matches either.
 */
const BRITISH_TO_AMERICAN: [RegExp, string][] = [
  [/haem/g, 'hem'],
  [/anaes/g, 'anes'],
  [/aemia/g, 'emia'],
  [/\boedem/g, 'edem'],
  [/\boesophag/g, 'esophag'],
  [/\boestr/g, 'estr'],
  [/\bfoet/g, 'fet'],
  [/paed/g, 'ped'],
  [/ischaem/g, 'ischem'],
  [/\blabour/g, 'labor'],
  [/\btumour/g, 'tumor'],
  [/\bcentre/g, 'center'],
];

const AMERICAN_TO_BRITISH: [RegExp, string][] = [
  [/\bhem(?=at|or|ato|o)/g, 'haem'],
  [/(?<=\w)hem(?=at|or)/g, 'haem'],
  [/\banesth/g, 'anaesth'],
  [/(?<=[a-z])emia\b/g, 'aemia'],
  [/\bedem/g, 'oedem'],
  [/\besophag/g, 'oesophag'],
  [/\bestr(?=o|a)/g, 'oestr'],
  [/\bfet(?=al|us)/g, 'foet'],
  [/\bped(?=ia)/g, 'paed'],
  [/\bischem/g, 'ischaem'],
  [/\blabor\b/g, 'labour'],
  [/\btumor/g, 'tumour'],
];

function rewrite(text: string, rules: [RegExp, string][]): string {
  return rules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** The text itself first, then its American and British spellings when they differ (lower-cased). */
export function spellingVariants(text: string): string[] {
  const lower = text.toLowerCase();
  const american = rewrite(lower, BRITISH_TO_AMERICAN);
  const british = rewrite(american, AMERICAN_TO_BRITISH);
  const variants = [text];
  for (const candidate of [american, british]) if (candidate !== lower && !variants.some((v) => v.toLowerCase() === candidate)) variants.push(candidate);
  return variants;
}

/** The American spelling of lower-case text (the vocabulary's spelling). */
export function americanSpelling(text: string): string {
  return rewrite(text.toLowerCase(), BRITISH_TO_AMERICAN);
}
