import { PregnancyStatus } from './domain-values';
import { TermKind } from './domain-values';
import type {
  ExtractionInput,
  ExtractionResult,
  ProposedComplication,
  ProposedPatient,
  ProposedProcedure,
  ProposedTerm,
  ProposedTreatment,
  VocabularyEntry,
} from './extraction.types';
import { ageRule, anticoagulationRule, notPregnantFromSex, pregnancyRule, sexRule } from './demographics.rules';
import { HYPOTHETICAL, NEGATED, spanFlags } from './context-scopes';
import { EXTRACTION_RULES_VERSION } from './extraction-rules.version';
import { buildFieldContext, type DefinedShortForms, type SentenceContext } from './field-context';
import { outcomeRule, type OutcomeFinding } from './outcome.rules';
import { onePatientWithBefore, ordinalPatientAfter, segmentPatients } from './patient-segmenter';
import { bloodVolume, diagnosis, onsetHours, vertebralLevel } from './procedure-details.rules';
import { ruleSurfaceEntries, withoutIgnoredWordings } from './rule-surfaces';
import { classifyStudy } from './study-kind.classifier';
import { clauseMentions, collectMentions, coordinatedSpaceMentions, evacuationMentions, meshMentions, mostSpecific, procedureRole, sharedHeadMentions, sharedRoleUis, type CollectOptions, type TermMention } from './term-assignment.rules';
import { procedureAnaphora, textOverMesh } from './text-over-mesh.rules';
import { buildTermMatcher, type VocabularyMatcher } from './vocabulary-matcher';

export { EXTRACTION_RULES_VERSION };

/** The vocabulary as the rules use it: the trie over the given terms plus the rule wordings, and the shared procedure/treatment terms. */
export interface ExtractionMatcher extends VocabularyMatcher {
  readonly sharedUis: Set<string>;
}

/** A record that pools its patients with published ones: "all patients" may include those. */
const LITERATURE = /\b(?:literature|published (?:cases|reports|series)|previously (?:reported|published))\b/i;

/** Build once per vocabulary (curated and MeSH-seeded together), reuse for every record. */
export function buildVocabularyMatcher(entries: VocabularyEntry[]): ExtractionMatcher {
  const read = withoutIgnoredWordings(entries);
  // The rule wordings rank with the curated terms, before the MeSH-seeded ones: one wording, one term per
  // kind, the first wins ("unconsciousness" is the curated decreased consciousness, not the MeSH descriptor).
  const all = [...read.filter((e) => e.source !== 'mesh'), ...ruleSurfaceEntries(read), ...read.filter((e) => e.source === 'mesh')];
  const matcher = buildTermMatcher(all);
  return Object.assign(matcher, { sharedUis: sharedRoleUis(matcher, entries) });
}

function term(m: TermMention): ProposedTerm {
  return { termKey: m.key, kind: m.kind, evidence: m.evidence };
}

function sentenceOf(m: TermMention): SentenceContext | null {
  return m.ctx;
}

function previousSentence(m: TermMention, abstract: SentenceContext[]): SentenceContext | null {
  if (!m.ctx || m.ctx.field !== 'abstract') return null;
  return abstract[m.ctx.index - 1] ?? null;
}

/**
 * Propose patients and their facts from one publication's title, abstract, MeSH headings, publication
 * types and keywords. Pure and synchronous; linear in the size of the input.
 */
/** Rules 1.5.0: kind:key of the complications the text names only in a negated or hypothetical scope (for textOverMesh). */
function hedgedComplications(sentences: SentenceContext[]): Set<string> {
  const hedged = new Set<string>();
  const asserted = new Set<string>();
  for (const ctx of sentences) {
    for (const m of ctx.matches) {
      const f = spanFlags(ctx.flags, m.tokenFrom, m.tokenTo);
      for (const e of m.entries) {
        if (e.kind !== TermKind.COMPLICATION) continue;
        const k = `${e.kind}:${e.key}`;
        if (f & (NEGATED | HYPOTHETICAL)) hedged.add(k);
        else asserted.add(k);
      }
    }
  }
  for (const k of asserted) hedged.delete(k);
  return hedged;
}

/** A series patient's own sentences and the shared ones, title first, then the abstract in order. */
function inReadingOrder(own: SentenceContext[], shared: SentenceContext[]): SentenceContext[] {
  const rank = (s: SentenceContext) => (s.field === 'title' ? -1 : s.index);
  return [...own, ...shared].sort((a, b) => rank(a) - rank(b));
}

/** Rules 1.11.0: access through the skull. */
const CRANIAL_ACCESS = /\b(?:craniotomy|craniectomy|burr[- ]holes?|trephination|trepanation)\b/i;

/**
 * A second opinion on a patient's outcome (the outcome model, or the experiment that trains it): given the sentences the
 * patient's outcome may be read from (in reading order) and the rules' finding, the finding to propose.
 */
export type OutcomeDecider = (sentences: SentenceContext[], rules: OutcomeFinding) => OutcomeFinding;

export function extractCases(input: ExtractionInput, matcher: ExtractionMatcher, decideOutcome?: OutcomeDecider): ExtractionResult {
  const shortForms: DefinedShortForms = new Map();
  const title = buildFieldContext('title', input.title ?? '', matcher, shortForms);
  const abstractText = input.abstract ?? '';
  const abstract = buildFieldContext('abstract', abstractText, matcher, shortForms);
  const recordText = `${input.title ?? ''}\n${abstractText}`;
  const study = classifyStudy(input, recordText);
  const seg = segmentPatients(title.sentences, abstract.sentences, study.individual);
  if (seg.count === 0) return { studyKind: study.kind, patients: [], rulesVersion: EXTRACTION_RULES_VERSION };
  const studyKind = seg.count > 1 ? 'CASE_SERIES' : 'CASE_REPORT';

  const opts: CollectOptions = { matcher, sharedUis: matcher.sharedUis, recordText };
  const allSentences = [...title.sentences, ...abstract.sentences];
  const asProcedure = procedureRole(allSentences, opts);
  const single = seg.count === 1;

  const patients: ProposedPatient[] = seg.segments.map((segment) => {
    // Own sentences first (they speak of this patient), then the shared ones.
    const own = segment.sentences;
    const shared = seg.shared;
    const sentences = single ? allSentences : [...own, ...shared];
    let mentions = collectMentions(sentences, opts, asProcedure).concat(evacuationMentions(sentences, opts), clauseMentions(sentences, opts), coordinatedSpaceMentions(sentences, opts), sharedHeadMentions(sentences, opts));
    if (single) mentions = textOverMesh(mentions.concat(meshMentions(input, opts, asProcedure)), matcher, abstractText.trim().length > 0, hedgedComplications(allSentences));
    else {
      // A shared sentence that gives each patient's finding in turn ("X in the first case and Y in the second").
      const n = Number(segment.label.replace(/^Case /, '')) || seg.segments.indexOf(segment) + 1;
      const whoOf = (m: TermMention) => (!m.ctx || own.includes(m.ctx) ? null : ordinalPatientAfter(m.ctx.fieldText, m.evidence.end) ?? (seg.count === 2 ? onePatientWithBefore(m.ctx.fieldText, m.ctx.sentence.start, m.evidence.start) : null));
      // Rules 1.4.0: a finding the shared text gives to one patient is that patient's in the other shared sentences too
      // (the title "Spinal epidural hematoma following epidural anesthesia versus spontaneous spinal subdural hematoma").
      const owner = new Map<string, number>();
      const who = mentions.map(whoOf);
      mentions.forEach((m, i) => {
        const w = who[i];
        if (w !== null && !owner.has(`${m.kind}:${m.key}`)) owner.set(`${m.kind}:${m.key}`, w);
      });
      mentions = mentions.filter((m, i) => {
        if (!m.ctx || own.includes(m.ctx)) return true;
        const w = who[i] ?? owner.get(`${m.kind}:${m.key}`) ?? null;
        return w === null || w === n;
      });
    }
    mentions = mostSpecific(procedureAnaphora(mentions, matcher), matcher);

    const demographicSentences = single ? allSentences : own.length > 0 ? own : shared;
    const sex = sexRule(demographicSentences, input, single);
    const pregnancy = pregnancyRule(demographicSentences, sex?.value ?? null) ?? notPregnantFromSex(sex);
    // In reading order (the title first): the last outcome statement about the patient decides. In a
    // multi-patient record the patient's own sentences decide, else what is said of all of them.
    let outcome = outcomeRule(single ? title.sentences.concat(abstract.sentences) : own, { reported: seg.count });
    // Rules 1.4.0: in a series that reviews no literature, "Evolution was favorable in all cases" speaks of the reported patients.
    if (!single && !outcome.outcome) outcome = outcomeRule(shared, { allMeansReported: !LITERATURE.test(recordText), reported: seg.count });
    if (decideOutcome) outcome = decideOutcome(single ? allSentences : inReadingOrder(own, shared), outcome);

    const procedureMentions = mentions.filter((m) => m.kind === TermKind.PROCEDURE);
    const procedures: ProposedProcedure[] = procedureMentions.map((m) => {
      const ctx = sentenceOf(m);
      const shared = matcher.sharedUis.size > 0 && matcher.byKey(m.kind, m.key)?.meshUi !== undefined && matcher.sharedUis.has(matcher.byKey(m.kind, m.key)?.meshUi ?? '');
      let volume = null;
      if (shared) {
        for (const s of [ctx, ...sentences].filter((x): x is SentenceContext => !!x && !x.generic)) {
          volume = bloodVolume(s);
          if (volume) break;
        }
      }
      return {
        ...term(m),
        bloodVolumeMl: volume,
        vertebralLevel: ctx ? vertebralLevel(ctx, m.evidence.start) : null,
        attemptNumber: m.attempt ? { value: m.attempt, evidence: m.evidence } : null,
      };
    });

    // A repeat ("second blood patch") makes the other mention of the same procedure the first attempt.
    for (const p of procedures) {
      if (p.attemptNumber) continue;
      if (procedures.some((q) => q.termKey === p.termKey && (q.attemptNumber?.value ?? 0) > 1)) p.attemptNumber = { value: 1, evidence: p.evidence };
    }

    const complications: ProposedComplication[] = mentions
      .filter((m) => m.kind === TermKind.COMPLICATION)
      .map((m) => {
        const ctx = sentenceOf(m);
        const prev = previousSentence(m, abstract.sentences);
        let procedureIndex: number | null = null;
        if (ctx) {
          const after = ctx.sentence.text.slice(m.evidence.start - ctx.sentence.start).search(/\b(?:after|following)\b/i);
          if (after >= 0) {
            const from = m.evidence.start + after;
            const idx = procedures.findIndex((p) => p.evidence.field === ctx.field && p.evidence.start >= from && p.evidence.start < ctx.sentence.end);
            if (idx >= 0) procedureIndex = idx;
          }
        }
        return {
          ...term(m),
          onsetHours: (ctx && ctx.field === 'abstract' ? onsetHours(ctx) : null) ?? (prev ? onsetHours(prev) : null),
          procedureIndex,
          diagnosis: (ctx ? diagnosis(ctx) : null) ?? (prev ? diagnosis(prev) : null),
        };
      });

    // A hematoma evacuation takes the site of the patient's hematoma.
    const spinal = complications.some((c) => /^(?:spinal|intrathecal)/.test(c.termKey));
    const cranial = complications.some((c) => /intracranial|subarachnoid-hem|intracerebral/.test(c.termKey));
    for (const m of mentions) {
      if (m.kind !== TermKind.TREATMENT || m.key !== 'hematoma-evacuation') continue;
      // Rules 1.11.0: an evacuation through the skull ("hematoma evacuation with craniotomy") is intracranial whatever else the patient had.
      const throughSkull = m.ctx ? CRANIAL_ACCESS.test(m.ctx.sentence.text) : false;
      const site = throughSkull ? 'intracranial-hematoma-evacuation' : spinal && !cranial ? 'spinal-hematoma-evacuation' : cranial && !spinal ? 'intracranial-hematoma-evacuation' : null;
      if (site && matcher.byKey(TermKind.TREATMENT, site)) m.key = site;
    }
    const treatments: ProposedTreatment[] = mostSpecific(mentions.filter((m) => m.kind === TermKind.TREATMENT), matcher)
      .map((m) => {
        const ctx = sentenceOf(m);
        let complicationIndex: number | null = complications.length === 1 ? 0 : null;
        if (ctx) {
          const idx = complications.findIndex((c) => c.evidence.field === ctx.field && c.evidence.start >= ctx.sentence.start && c.evidence.end <= ctx.sentence.end);
          if (idx >= 0) complicationIndex = idx;
        }
        return { ...term(m), complicationIndex };
      });

    return {
      label: segment.label,
      ageYears: ageRule(demographicSentences),
      sex,
      pregnancyStatus: pregnancy && pregnancy.value !== PregnancyStatus.UNKNOWN ? pregnancy : null,
      anticoagulation: anticoagulationRule(demographicSentences),
      comorbidities: mentions.filter((m) => m.kind === TermKind.COMORBIDITY).map(term),
      procedures,
      complications,
      symptoms: mentions.filter((m) => m.kind === TermKind.SYMPTOM).map(term),
      treatments,
      outcome: outcome.outcome,
      timeToResolutionDays: outcome.timeToResolutionDays,
    };
  });

  return { studyKind, patients, rulesVersion: EXTRACTION_RULES_VERSION };
}
