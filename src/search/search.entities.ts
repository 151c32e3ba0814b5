import { SearchCaseDocument } from './engines/postgres/search-case-document.entity';
import { SearchFacetCode } from './engines/postgres/search-facet-code.entity';
import { SearchPublicationDocument } from './engines/postgres/search-publication-document.entity';
import { SearchIndexVersion } from './engines/postgres/search-index-version.entity';
import { SearchIndexerLease } from './indexing/search-indexer-lease.entity';
import { SearchOutbox } from './indexing/search-outbox.entity';

/** The tables the search module owns (listed in src/database/entities.ts). */
export const SEARCH_ENTITIES = [SearchOutbox, SearchIndexerLease, SearchCaseDocument, SearchFacetCode, SearchIndexVersion, SearchPublicationDocument];
