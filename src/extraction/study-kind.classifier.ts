import type { ExtractionInput, StudyKind } from './extraction.types';

/**
 * What kind of study a record reports. Publication types decide first ("Case Reports" is individual;
 * "Review", trials, cohort and other studies are not), then the abstract's own wording; a record
 * that is both ("A case report and review of the literature") counts as individual only when the
 * text clearly reports a patient ("a 34-year-old woman", "we report a case").
 */
const CASE_REPORT_TYPES = /^case reports?$/i;
const NOT_INDIVIDUAL_TYPES =
  /^(?:review|systematic review|meta-analysis|randomized controlled trial|controlled clinical trial|clinical trial(?:, phase [iv]+)?|clinical trial protocol|pragmatic clinical trial|equivalence trial|observational study|cohort studies|multicenter study|comparative study|evaluation study|validation study|practice guideline|guideline|consensus development conference|editorial|news|comment|historical article|scientific integrity review|twin study|clinical study|adaptive clinical trial|overall)$/i;

/**
 * Wordings that mark an individual patient ("We report on a female patient who ..." too, not "we report on the neuroanatomy").
 * Rules 1.7.0: "our patient" as "our case" already was (13 records of the studied splits hold one, every one with a patient).
 * Rules 1.8.0: "the details of a patient who developed ...": one patient told in the past tense (a generic "a patient who
 * develops" is in the present).
 * Rules 1.13.0: "we describe the ..." is a patient only when what is described is one ("the case of", "the occurrence of", "the
 * management of"), not "the early clinical course of outbreak-associated infections"; "this case series explores the experience
 * of ..." is a group; "Two case histories are presented" counts; the subject may be "a young male", "a 2994 g infant" and the
 * verb "suffered".
 */
const INDIVIDUAL_CUE =
  /\b(?:we|the authors) (?:report|present|describe)(?:ed)? on (?:a|an|one|two|three|four|five) (?:\w+ ){0,2}?(?:patients?|wom[ae]n|m[ae]n|cases?|girls?|boys?|parturients?|child(?:ren)?)\b|\b(?:we|the authors) (?:report|present|describe|discuss)(?:ed)? (?:a|an|two|three|four|five|\d+)\b|\b(?:we|the authors) (?:report|present|describe|discuss)(?:ed)? the (?:[\w-]+ ){0,3}?(?:case|cases|patient|patients|occurrence|presentation|co-presentation|report|management|treatment|removal|diagnosis)\b|\bcase (?:of|report)\b|\b(?:a|this|our) (?:rare |unusual |unique )?case\b(?! series)|\b(?:two|three|four|five|2|3|4|5) (?:cases|case histories|case reports|patients|women|men|girls|boys|parturients)\b|(?:^|[.:\n] ?)an? (?:[\w-]+ ){0,2}?(?:parturient|woman|man|male|female|patient|primigravida|girl|boy|infant|neonate|child|gentleman|lady) (?:was|had|reported|presented|developed|underwent|received|complained|suffered|sustained)\b|\bcase (?:1|one)\b|\bthe patient (?:was|had|underwent|developed|presented)\b|\bour patient\b(?!s)|\b(?:a|one) (?:\w+ )?(?:patient|parturient|woman|man|girl|boy) who (?:developed|presented|underwent|suffered|experienced|received|sustained)\b/i;

/** Wordings of studies of groups. Rules 1.6.0: a literature search ("we performed a computerized search of the medical literature", "a PubMed search", "to compile case reports of ...") is a review of published cases. */
const GROUP_CUE =
  /\b(?:randomi[sz]ed|randomly assigned|double[- ]blind|placebo|cohort|retrospective(?:ly)?|prospective(?:ly)?|meta-analysis|systematic(?:ally)? (?:review|searched)|we (?:reviewed|searched|analy[sz]ed|surveyed|enrolled)|were (?:enrolled|included|randomi[sz]ed|reviewed)|(?:\d{2,}|hundred|thousand)[, ]?\d* (?:patients|cases|participants|subjects|women|men|parturients)|incidence of|odds ratio|95% ci|confidence interval|p ?[<=] ?0\.\d+|chart review|registry|survey)\b|\b(?:we|the authors) (?:performed|conducted|carried out|did|undertook|made) an? (?:\w+ ){0,2}?(?:search|review) of the (?:\w+ )?literature\b|\b(?:literature|database|electronic|computeri[sz]ed|medline|pubmed) search(?:es)?\b|\bsearched (?:the )?(?:pubmed|medline|embase|cochrane|scopus|web of science|(?:medical |published )?literature)\b|\b(?:to )?(?:compile|collect) (?:all )?(?:the )?(?:published )?case reports\b/i;

/**
 * "We present three cases of epidural abscess" (then an incidence estimate): a small case series the
 * authors report one by one counts as individual patients even beside group wording; a larger number
 * ("we report 33 cases") is an aggregate.
 */
const FEW_CASES_CUE = /\b(?:we|the authors) (?:report|present|describe)(?:ed)? (?:two|three|four|five|2|3|4|5) (?:\w+ )?(?:cases|patients)\b/i;

/**
 * Rules 1.5.0: the passive announcement of the record's own case ("Presented here is the first published case of ...",
 * "Described is the first reported case of ...", "Reported here is a case of ..."): a patient the authors report, even
 * when the background quotes a meta-analysis or an incidence. "The first case of X was reported in 1950" (no "is") is not one.
 */
const CASE_ANNOUNCED = /\b(?:presented|described|reported|discussed) (?:here |herein )?is (?:the|a|an|our) (?:\w+ ){0,3}?case\b|\bhere(?:in)?,? (?:is|we) (?:present|report|describe)(?:ed)? (?:the|a|an) (?:\w+ ){0,3}?(?:case|patient)\b/i;

/** Rules 1.8.0: the design of a study of a group, said in its own words (an incidence or a literature quote alone is background). */
const STUDY_OF_GROUP = /\b(?:(?:retrospective|prospective)(?:ly)? (?:\w+ )?(?:review|study|studies|analysis|audit|series|collected|reviewed|analy[sz]ed|enrolled|data)|cohort|randomi[sz]ed|meta-analysis|systematic review|chart review|registry|we (?:reviewed|analy[sz]ed|surveyed|enrolled|conducted|studied))\b/i;

/**
 * Rules 1.13.0: the authors report one person, whatever words describe them ("We report a frail elderly man who ...", "we present
 * an unusual case"): as clear as an age, beside an incidence or a literature figure in the background.
 */
const REPORTED_PERSON = /\b(?:we|the authors) (?:report|present|describe) (?:on )?(?:a|an|the) (?:[\w-]+ ){0,3}?(?:case|patient|woman|man|girl|boy|infant|neonate|child|parturient|gentleman|lady)\b/i;
/**
 * Rules 1.13.0: a randomised trial quoted in the background ("there are only a few randomized, controlled studies") does not
 * undo a case the authors announce with its person ("We present the case of a 43-year-old male patient").
 */
const CASE_OF_PERSON = /\b(?:we|the authors) (?:report|present|describe)(?:ed)? (?:here )?(?:the|a) case of (?:an? )?(?:[\w-]+ ){0,3}?(?:woman|man|female|male|patient|girl|boy|infant|child|parturient|gentleman|lady)\b/i;

export interface StudyKindFinding {
  kind: StudyKind;
  individual: boolean;
}

/** The "N-year-old" part of INDIVIDUAL_CUE is the costly one; it only runs when the text says "old". */
const AGE_CUE = /\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|yr|month)s?[- ]old\b/i;

function individualCue(text: string): boolean {
  return INDIVIDUAL_CUE.test(text) || (/old\b/i.test(text) && AGE_CUE.test(text));
}

export function classifyStudy(input: ExtractionInput, text: string): StudyKindFinding {
  const types = input.publicationTypes.map((t) => t.trim());
  const caseReportType = types.some((t) => CASE_REPORT_TYPES.test(t));
  const groupType = types.some((t) => NOT_INDIVIDUAL_TYPES.test(t) && !/^comparative study$/i.test(t) && !/^(?:editorial|comment|news|historical article)$/i.test(t));
  const individualText = individualCue(text);
  const groupText = GROUP_CUE.test(text);
  // Rules 1.8.0: PubMed types some retrospective reviews "Case Reports"; a record so typed whose text is a study of a group
  // and names no individual patient at all ("We conducted a detailed 54-year retrospective review of patients who ...") has none.
  if (caseReportType && !groupType && !individualText && input.abstract && STUDY_OF_GROUP.test(input.abstract)) return { kind: 'NOT_INDIVIDUAL_PATIENTS', individual: false };
  if (caseReportType && (!groupType || individualText)) return { kind: 'CASE_REPORT', individual: true };
  if (individualText && !groupType && !groupText) return { kind: 'CASE_REPORT', individual: true };
  if (individualText && (groupType || groupText)) {
    // Individual patient inside a review/trial wording: only a clear "N-year-old" or "we report a case" counts.
    if ((/\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|yr)s?[- ]old (?:\w+ ){0,2}(?:woman|man|female|male|girl|boy|patient|parturient|primigravida|gentleman|lady)\b/i.test(text) || REPORTED_PERSON.test(text) || FEW_CASES_CUE.test(text) || CASE_ANNOUNCED.test(text)) && (!/\brandomi[sz]ed\b/i.test(text) || CASE_OF_PERSON.test(text))) {
      return { kind: 'CASE_REPORT', individual: true };
    }
    return { kind: 'NOT_INDIVIDUAL_PATIENTS', individual: false };
  }
  if (groupType || groupText) return { kind: 'NOT_INDIVIDUAL_PATIENTS', individual: false };
  return { kind: 'UNKNOWN', individual: false };
}
