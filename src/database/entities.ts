import { CaseComplication } from '../case-reports/entities/case-complication.entity';
import { CaseProcedure } from '../case-reports/entities/case-procedure.entity';
import { CaseReport } from '../case-reports/entities/case-report.entity';
import { CaseTreatment } from '../case-reports/entities/case-treatment.entity';
import { BrowserSession } from '../auth/session/browser-session.entity';
import { PublicationMerge } from '../literature/duplicates/publication-merge.entity';
import { DuplicateDismissal } from '../literature/duplicates/duplicate-dismissal.entity';
import { ImportBatch } from '../literature/import/import-batch.entity';
import { SavedSearchRun } from '../literature/saved-searches/saved-search-run.entity';
import { SavedSearch } from '../literature/saved-searches/saved-search.entity';
import { Publication } from '../publications/publication.entity';
import { CaseChange } from '../review/history/case-change.entity';
import { Review } from '../review/review.entity';
import { ScreeningDecision } from '../review/screening/screening-decision.entity';
import { ScreeningResolution } from '../review/screening/screening-resolution.entity';
import { SEARCH_ENTITIES } from '../search/search.entities';
import { VocabularyTerm } from '../vocabulary/vocabulary-term.entity';

/** Every entity, in one list shared by the app, the migration CLI and the tests. */
export const ENTITIES = [VocabularyTerm, Publication, CaseReport, CaseProcedure, CaseComplication, CaseTreatment, ...SEARCH_ENTITIES, ImportBatch, SavedSearch, SavedSearchRun, PublicationMerge, DuplicateDismissal, CaseChange, BrowserSession, Review, ScreeningDecision, ScreeningResolution];
