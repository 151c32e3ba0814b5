import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';

/** The enum filters a query's words can name (the term filters are read from the vocabulary). */
export type PopulationFilterKey = 'pregnancyStatuses' | 'sex' | 'ageGroups' | 'anticoagulation' | 'outcomes';

export interface PopulationPhrase {
  /** Lower-case words, American spelling, as `normaliseWord` leaves them. */
  words: string[];
  filterKey: PopulationFilterKey;
  values: string[];
}

/** What a negated mention ("not pregnant", "-anticoagulated") means: the known values it leaves. */
export const KNOWN_VALUES: Record<PopulationFilterKey, string[]> = {
  pregnancyStatuses: [PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM, PregnancyStatus.NOT_PREGNANT],
  sex: [Sex.FEMALE, Sex.MALE],
  ageGroups: [AgeGroup.NEONATE, AgeGroup.INFANT, AgeGroup.CHILD, AgeGroup.ADOLESCENT, AgeGroup.ADULT, AgeGroup.OLDER_ADULT],
  anticoagulation: [Anticoagulation.NONE, Anticoagulation.ANTICOAGULANT, Anticoagulation.ANTIPLATELET, Anticoagulation.BOTH],
  outcomes: [Outcome.FULL_RECOVERY, Outcome.IMPROVED_UNSPECIFIED, Outcome.PARTIAL_RECOVERY, Outcome.RESIDUAL_DEFICIT, Outcome.DEATH],
};

const OBSTETRIC = [PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM];
const CHILDREN = [AgeGroup.NEONATE, AgeGroup.INFANT, AgeGroup.CHILD, AgeGroup.ADOLESCENT];
const EXPOSED = [Anticoagulation.ANTICOAGULANT, Anticoagulation.BOTH];
const RECOVERED = [Outcome.FULL_RECOVERY];

/**
 * Words researchers use for the population and the outcome, mapped to the filters that hold them.
 * "Pregnant" and "obstetric" mean the obstetric population, which includes the postpartum patients most
 * case reports describe (a blood patch is mostly given after delivery); "postpartum" alone means postpartum.
 */
const TABLE: [string, PopulationFilterKey, string[]][] = [
  ['pregnant', 'pregnancyStatuses', OBSTETRIC],
  ['pregnancy', 'pregnancyStatuses', OBSTETRIC],
  ['parturient', 'pregnancyStatuses', OBSTETRIC],
  ['parturients', 'pregnancyStatuses', OBSTETRIC],
  ['obstetric', 'pregnancyStatuses', OBSTETRIC],
  ['obstetrical', 'pregnancyStatuses', OBSTETRIC],
  ['obstetrics', 'pregnancyStatuses', OBSTETRIC],
  ['gravid', 'pregnancyStatuses', OBSTETRIC],
  ['peripartum', 'pregnancyStatuses', OBSTETRIC],
  ['labor', 'pregnancyStatuses', [PregnancyStatus.PREGNANT]],
  ['antepartum', 'pregnancyStatuses', [PregnancyStatus.PREGNANT]],
  ['antenatal', 'pregnancyStatuses', [PregnancyStatus.PREGNANT]],
  ['postpartum', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['post partum', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['puerperal', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['puerperium', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['postnatal', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['after delivery', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['after childbirth', 'pregnancyStatuses', [PregnancyStatus.POSTPARTUM]],
  ['woman', 'sex', [Sex.FEMALE]],
  ['women', 'sex', [Sex.FEMALE]],
  ['female', 'sex', [Sex.FEMALE]],
  ['females', 'sex', [Sex.FEMALE]],
  ['man', 'sex', [Sex.MALE]],
  ['men', 'sex', [Sex.MALE]],
  ['male', 'sex', [Sex.MALE]],
  ['males', 'sex', [Sex.MALE]],
  ['neonate', 'ageGroups', [AgeGroup.NEONATE]],
  ['neonates', 'ageGroups', [AgeGroup.NEONATE]],
  ['newborn', 'ageGroups', [AgeGroup.NEONATE]],
  ['infant', 'ageGroups', [AgeGroup.INFANT]],
  ['infants', 'ageGroups', [AgeGroup.INFANT]],
  ['child', 'ageGroups', CHILDREN],
  ['children', 'ageGroups', CHILDREN],
  ['pediatric', 'ageGroups', CHILDREN],
  ['adolescent', 'ageGroups', [AgeGroup.ADOLESCENT]],
  ['adolescents', 'ageGroups', [AgeGroup.ADOLESCENT]],
  ['teenager', 'ageGroups', [AgeGroup.ADOLESCENT]],
  ['adult', 'ageGroups', [AgeGroup.ADULT, AgeGroup.OLDER_ADULT]],
  ['adults', 'ageGroups', [AgeGroup.ADULT, AgeGroup.OLDER_ADULT]],
  ['elderly', 'ageGroups', [AgeGroup.OLDER_ADULT]],
  ['older adult', 'ageGroups', [AgeGroup.OLDER_ADULT]],
  ['older adults', 'ageGroups', [AgeGroup.OLDER_ADULT]],
  ['geriatric', 'ageGroups', [AgeGroup.OLDER_ADULT]],
  ['anticoagulated', 'anticoagulation', EXPOSED],
  ['anticoagulation', 'anticoagulation', EXPOSED],
  ['anticoagulant', 'anticoagulation', EXPOSED],
  ['anticoagulants', 'anticoagulation', EXPOSED],
  ['warfarin', 'anticoagulation', EXPOSED],
  ['heparin', 'anticoagulation', EXPOSED],
  ['enoxaparin', 'anticoagulation', EXPOSED],
  ['low molecular weight heparin', 'anticoagulation', EXPOSED],
  ['lmwh', 'anticoagulation', EXPOSED],
  ['rivaroxaban', 'anticoagulation', EXPOSED],
  ['apixaban', 'anticoagulation', EXPOSED],
  ['dabigatran', 'anticoagulation', EXPOSED],
  ['antiplatelet', 'anticoagulation', [Anticoagulation.ANTIPLATELET, Anticoagulation.BOTH]],
  ['aspirin', 'anticoagulation', [Anticoagulation.ANTIPLATELET, Anticoagulation.BOTH]],
  ['clopidogrel', 'anticoagulation', [Anticoagulation.ANTIPLATELET, Anticoagulation.BOTH]],
  ['died', 'outcomes', [Outcome.DEATH]],
  ['death', 'outcomes', [Outcome.DEATH]],
  ['deaths', 'outcomes', [Outcome.DEATH]],
  ['fatal', 'outcomes', [Outcome.DEATH]],
  ['fatality', 'outcomes', [Outcome.DEATH]],
  ['mortality', 'outcomes', [Outcome.DEATH]],
  ['full recovery', 'outcomes', RECOVERED],
  ['complete recovery', 'outcomes', RECOVERED],
  ['fully recovered', 'outcomes', RECOVERED],
  ['recovered fully', 'outcomes', RECOVERED],
  ['recovered', 'outcomes', [Outcome.FULL_RECOVERY, Outcome.IMPROVED_UNSPECIFIED, Outcome.PARTIAL_RECOVERY]],
  ['partial recovery', 'outcomes', [Outcome.PARTIAL_RECOVERY]],
  ['residual deficit', 'outcomes', [Outcome.RESIDUAL_DEFICIT]],
  ['permanent deficit', 'outcomes', [Outcome.RESIDUAL_DEFICIT]],
];

export const POPULATION_PHRASES: readonly PopulationPhrase[] = TABLE.map(([phrase, filterKey, values]) => ({ words: phrase.split(' '), filterKey, values }));

