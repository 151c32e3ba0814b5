import { Injectable } from '@nestjs/common';
import { CaseReport } from '../case-reports/entities/case-report.entity';
import { buildSearchDocument, SearchDocument, TermIndex } from './indexing/search-document';
import { SearchSourceRepository } from './indexing/search-source.repository';
import { TermCatalog } from './indexing/term-catalog';
import { decodeSearchCursor } from './query/search-cursor';
import { SearchQuery } from './query/search-query';
import { SearchService } from './search.service';

/** One matching case with the document the engines index for it. */
export interface MatchingCase {
  caseReport: CaseReport;
  document: SearchDocument;
}

/** Cases per search page when every matching case is read (keyset cursors: any depth costs the same). */
export const MATCHING_PAGE_SIZE = 1000;

/**
 * The exact path for counts facets cannot give (a multi-valued facet's values when the search filters
 * on that facet, cross-tabulations of multi-valued facets, numeric summaries): every case a search
 * matches, page by page, with its search document rebuilt by the indexer's own builder, so values
 * (ancestors included, "not reported" treatment) are the ones the engines count. Engine-neutral: it
 * only asks SearchService for the matching ids.
 */
@Injectable()
export class MatchingDocuments {
  /** Tests lower it to cross page boundaries on a small corpus. */
  pageSize = MATCHING_PAGE_SIZE;

  constructor(
    private readonly search: SearchService,
    private readonly sources: SearchSourceRepository,
    private readonly catalog: TermCatalog,
  ) {}

  terms(): Promise<TermIndex> {
    return this.catalog.get();
  }

  async *pages(query: SearchQuery): AsyncGenerator<MatchingCase[]> {
    const terms = await this.catalog.get();
    let after = null;
    for (;;) {
      const result = await this.search.searchQuery({ ...query, facets: [], highlight: false, page: { first: this.pageSize, after } });
      const ids = result.hits.edges.map((edge) => edge.node.caseReport.id);
      if (ids.length) {
        const byId = new Map((await this.sources.sources(ids)).map((source) => [source.caseReport.id, source]));
        // In the search's order; a case deleted since the search is left out, as the search would.
        const page = ids.flatMap((id) => {
          const source = byId.get(id);
          return source ? [{ caseReport: source.caseReport as CaseReport, document: buildSearchDocument(source, terms) }] : [];
        });
        if (page.length) yield page;
      }
      if (!result.hits.pageInfo.hasNextPage || !result.hits.pageInfo.endCursor) return;
      after = decodeSearchCursor(result.hits.pageInfo.endCursor, query.sort, query.text);
    }
  }
}
