import { NUMBER_SOURCE, parseNumber, parseOrdinal } from './number-words';
import type { SentenceContext } from './field-context';

/**
 * How many patients a record reports and which abstract sentences belong to which one. Markers
 * "Case 1:", "Case two", "The first patient", "Patient 2", "The other patient" open a patient's
 * segment; sentences before the first marker (and the title) are shared by every patient. The count
 * is the larger of the markers found and the number stated ("two cases", "a series of 5 patients").
 */
export interface PatientSegment {
  label: string;
  /** Sentences of this patient only (abstract), in order. */
  sentences: SentenceContext[];
}

export interface Segmentation {
  count: number;
  segments: PatientSegment[];
  /** Sentences that speak of all patients (title, introduction, "both patients"). */
  shared: SentenceContext[];
}

/** More than this many patients without a per-patient account is an aggregate, not a set of case reports. */
export const MAX_PATIENTS = 20;

const STATED_COUNT = new RegExp(
  `\\b(?:series of |report of |total of )?(${NUMBER_SOURCE})(?: (?:consecutive|similar|unusual|rare|additional|further|new|illustrative|obstetric|pediatric|paediatric|adult|young|elderly|female|male))? (?:cases|patients|women|men|parturients|children|dogs|cats|subjects)\\b|\\b(${NUMBER_SOURCE}) case reports\\b`,
  'gi',
);
const REPORTED_COUNT = new RegExp(`\\b(?:we|the authors) (?:here |hereby )?(?:report|present|describe|discuss)(?:ed)? (?:the )?(${NUMBER_SOURCE}) (?:\\w+ ){0,2}?(?:cases|patients|women|men|parturients|children)\\b`, 'i');
/** "We report a 57-year-old man", "we describe an unusual case": one patient ("a series of", "a total of", "a group of" are not one). */
const REPORTED_ONE = /\b(?:we|the authors) (?:here |hereby )?(?:report|present|describe)(?:ed)? (?:on )?(?:a|an|one) (?!series\b|total\b|group\b|cohort\b|number\b|review\b)(?:[\w-]+ ){0,4}?(?:case|patient|wom[ae]n|m[ae]n|parturient|girl|boy|gentleman|lady|primigravida|multigravida|primipara|multipara)\b(?! series)/i;
// "Patient No. 1", "case #2" as well as "Case 1".
const MARKER = /\b(?:case|patient)(?: (?:no\.?|number|nr\.?|#) ?| ?#)? ?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?! (?:cases|patients))|\b(?:the|our) (first|second|third|fourth|fifth|other|latter) (?:case|patient)\b|\b(one) (?:patient|case)\b(?! report)/i;
const MARKER_WITHIN = 40;
/**
 * Rules 1.7.0: besides "both patients", a sentence whose subject is all the reported patients is said of each ("They were
 * treated with oxygen and their condition resolved", "All recovered without surgery", "All three women were ...").
 */
const PLURAL_SUBJECT = /^(?:they|all|both)\b(?! (?:of )?(?:the )?(?:authors|studies|reports|cases? reports?)\b)|\btheir (?:condition|symptoms|headaches?|deficits?|complaints|outcomes?)\b|\ball (?:two|three|four|five|six|2|3|4|5|6) (?:patients|cases|women|men|children|parturients)\b/i;
const COORDINATED_COUNT = new RegExp(`\\b(${NUMBER_SOURCE}) (cases|patients|children|women|men) (?:of|with) [^.;]{1,80}? and (${NUMBER_SOURCE}) (?:other |more |further )?(?:cases?|patients?|child(?:ren)?|wom[ae]n|m[ae]n) (?:of|with)\\b`, 'gi');
/**
 * Rules 1.7.0: a group told only in aggregate: its figures are shares of the stated count ("in six of the nine patients",
 * "eight of nine patients", "10 of the 11 cases") and no individual is described (no age, no numbered case marker: "One case
 * (9%) had ..." is a share too). Such a record
 * reports no individual patient, whatever its "nine cases" says.
 */
const SHARE_OF_GROUP = new RegExp(`\\b(?:${NUMBER_SOURCE}) (?:out )?of (?:the |these |our |all )?(${NUMBER_SOURCE}) (?:\\w+ )?(?:patients|cases|women|men|parturients|children)\\b`, 'gi');
const INDIVIDUAL_DETAIL = /\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|yr|month)s?[- ]old\b|\b(?:aged|age) \d{1,3}\b/i;
const COUNT_HINT = /cases|patients|women|men\b|parturients|children|dogs|cats|subjects/i;

function aggregateOnly(sentences: SentenceContext[], count: number): boolean {
  let share = false;
  for (const ctx of sentences) {
    const text = ctx.sentence.text;
    if (INDIVIDUAL_DETAIL.test(text)) return false;
    if (share || text.indexOf(' of ') < 0) continue;
    SHARE_OF_GROUP.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SHARE_OF_GROUP.exec(text)) !== null) if (parseNumber(m[1].toLowerCase()) === count) share = true;
  }
  return share;
}

function caseNumber(label: string): number {
  const n = Number(label.replace(/^Case /, ''));
  return Number.isFinite(n) ? n : 0;
}

export function segmentPatients(title: SentenceContext[], abstract: SentenceContext[], individual: boolean): Segmentation {
  let stated = 0;
  for (const ctx of [...title, ...abstract]) {
    if (!COUNT_HINT.test(ctx.sentence.text)) continue;
    STATED_COUNT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = STATED_COUNT.exec(ctx.sentence.text)) !== null) {
      const n = parseNumber(m[1] ?? m[2] ?? '');
      // "12 cases of the literature" is not ours; counts in generic sentences are not ours either.
      const after = ctx.sentence.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (ctx.generic || /^ (?:in|from) the literature|^ (?:were|have|had been|are)\b/i.test(after)) continue;
      if (n !== null && n > stated && n <= 1000) stated = n;
    }
    // Rules 1.7.0: "Two cases of spinal epidural hematoma and two cases of intracranial subdural hematoma": counts of the same
    // noun joined by "and" in one sentence add up (up to 80 characters between them).
    if (!ctx.generic) {
      COORDINATED_COUNT.lastIndex = 0;
      let c: RegExpExecArray | null;
      while ((c = COORDINATED_COUNT.exec(ctx.sentence.text)) !== null) {
        const a = parseNumber(c[1].toLowerCase());
        const b = parseNumber(c[3].toLowerCase());
        if (a !== null && b !== null && a + b > stated && a + b <= MAX_PATIENTS) stated = a + b;
      }
    }
  }

  // "We report two cases of women ... and we analyze other 33 cases found on literature review": the
  // patients the authors say they report are the count, whatever larger numbers the pooled part gives.
  for (const ctx of abstract) {
    if (ctx.generic) continue;
    // The wording needs "we" or "the authors": most sentences have neither (a cheap test first, same result).
    const low = ctx.sentence.text.toLowerCase();
    if (low.indexOf('we ') < 0 && low.indexOf('the authors ') < 0) continue;
    const m = REPORTED_COUNT.exec(ctx.sentence.text);
    const n = m ? parseNumber(m[1]) : null;
    if (n !== null && n >= 1 && n <= MAX_PATIENTS) {
      stated = n;
      break;
    }
    // Rules 1.5.0: "We report a 57 year old man who ..." then "Of the 28 cases, 18 occurred after ...": the authors
    // report one patient; the literature's count is not theirs (it made the record a 28-patient aggregate, so none).
    // Only against a count above the aggregate limit: a smaller stated count ("Two cases of ...") stands.
    if (!m && stated > MAX_PATIENTS && REPORTED_ONE.test(ctx.sentence.text)) {
      stated = 1;
      break;
    }
  }

  const segments: PatientSegment[] = [];
  const shared: SentenceContext[] = [...title];
  let current: PatientSegment | null = null;
  // Rules 1.7.0: whether a marker names a patient by number or rank ("Case 2", "the first patient"); "one case/patient" alone
  // is also how a share of a group is told ("One case (9%) had a hemicraniectomy").
  let numberedMarker = false;
  for (const ctx of abstract) {
    const raw = ctx.sentence.text;
    const colon = raw.indexOf(':');
    const text = colon > 0 && colon < 32 ? raw.replace(/^[A-Z][A-Za-z ]{2,30}:\s*/, (label) => (/^case/i.test(label) ? label : '')) : raw;
    // Every marker wording holds "case" or "patient": a cheap test first, same result.
    const head = text.slice(0, MARKER_WITHIN + 30);
    const headLow = head.toLowerCase();
    const m = headLow.indexOf('case') >= 0 || headLow.indexOf('patient') >= 0 ? MARKER.exec(head) : null;
    if (m && m.index <= MARKER_WITHIN && !ctx.generic) {
      const raw = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
      if (m[3] === undefined) numberedMarker = true;
      let n = parseNumber(raw) ?? parseOrdinal(raw);
      if (n === null) n = segments.length + 1; // "the other patient", "the latter"
      const label = `Case ${n}`;
      current = segments.find((s) => s.label === label) ?? null;
      if (!current) {
        current = { label, sentences: [] };
        segments.push(current);
      }
    }
    if (/\bboth (?:patients|cases|women|men)\b/i.test(ctx.sentence.text) || PLURAL_SUBJECT.test(text) || ctx.generic) {
      shared.push(ctx);
      continue;
    }
    if (current) current.sentences.push(ctx);
    else shared.push(ctx);
  }

  let count = Math.max(stated, segments.length);
  if (individual && count === 0) count = 1;
  if (count > 2 && !numberedMarker && aggregateOnly([...title, ...abstract], count)) return { count: 0, segments: [], shared };
  if (!individual || count > MAX_PATIENTS) return { count: 0, segments: [], shared };
  if (segments.length === 0 && count === 1) return { count: 1, segments: [{ label: 'Case', sentences: [] }], shared };
  // Numbered markers may come out of order ("the third patient" told before the others): fill the
  // missing numbers up to the count and keep the segments in the order of their numbers.
  for (let i = 1; segments.length < count && i <= count + segments.length; i++) {
    if (!segments.some((x) => x.label === `Case ${i}`)) segments.push({ label: `Case ${i}`, sentences: [] });
  }
  segments.sort((a, b) => caseNumber(a.label) - caseNumber(b.label));
  return { count, segments: segments.slice(0, count), shared };
}

/**
 * "was due to epi-subdural haematoma in the first case and epidural abscess in the second": a mention in a
 * sentence shared by several patients that is directly followed by "in the first/second ... (case|patient)"
 * is that patient's only. Returns the patient's number (1-based), or null when the mention is not so marked.
 */
const ORDINAL_AFTER = /^\s*,?\s*(?:(?:was|were) (?:seen |found |present |noted )?)?(?:in|for) (?:the |our )?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?! (?:time|day|week|month|year|attempt|trimester|stage|line|dose|injection|puncture|patch))/i;

export function ordinalPatientAfter(fieldText: string, end: number): number | null {
  const m = ORDINAL_AFTER.exec(fieldText.slice(end, end + 48));
  return m ? parseOrdinal(m[1].toLowerCase()) : null;
}

/**
 * Rules 1.4.0: "one patient with spontaneous spinal subdural hematoma ... and one with spinal epidural
 * hematoma associated with ... epidural catheterization": in a sentence shared by two patients, a mention
 * after "one (patient) with" is the first patient's, after "and one / the other / another (patient) with"
 * the second's, up to the next such opening. Returns 1, 2 or null; reads at most 160 characters back.
 */
const ONE_WITH = /\b(?:(and|,|while|whereas)\s+)?(one|another|the other|a second|the second|the first)(?:\s+(?:patient|case|woman|man|parturient))?\s+(?:with|had|developed|presented with|suffered)\b/gi;

export function onePatientWithBefore(fieldText: string, sentenceStart: number, start: number): number | null {
  const from = Math.max(sentenceStart, start - 160);
  const before = fieldText.slice(from, start);
  ONE_WITH.lastIndex = 0;
  let who: number | null = null;
  let m: RegExpExecArray | null;
  while ((m = ONE_WITH.exec(before)) !== null) {
    const word = m[2].toLowerCase();
    who = word === 'the first' ? 1 : word === 'one' && !m[1] ? 1 : 2;
  }
  return who;
}
