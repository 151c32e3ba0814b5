import { IdArgPipe } from '../common/id-arg.pipe';
import { Args, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../graphql/request-loaders';
import { TermKind } from './term-kind.enum';
import { VocabularyTerm } from './vocabulary-term.entity';
import { VocabularyService } from './vocabulary.service';

@Resolver(() => VocabularyTerm)
export class VocabularyResolver {
  constructor(private readonly vocabulary: VocabularyService) {}

  @Query(() => VocabularyTerm, { description: 'One term by id.' })
  vocabularyTerm(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<VocabularyTerm> {
    return this.vocabulary.get(id);
  }

  @Query(() => VocabularyTerm, { nullable: true, description: 'One term of a kind by its key, MeSH descriptor UI or id (as search filters name terms); null when there is none.' })
  vocabularyTermByReference(@Args('kind', { type: () => TermKind }) kind: TermKind, @Args('reference') reference: string): Promise<VocabularyTerm | null> {
    return this.vocabulary.findByReference(kind, reference);
  }

  @Query(() => [VocabularyTerm], { description: 'Type-ahead for choosing a term of one kind (e.g. correcting a fact): terms whose label or a synonym has a word starting with the prefix, whose key starts with it, or whose MeSH UI it is; label starts first. Unlike facetValues, it lists terms no case uses yet.' })
  vocabularyTypeahead(
    @Args('kind', { type: () => TermKind }) kind: TermKind,
    @Args('prefix') prefix: string,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many (default 10, at most 50).' }) first?: number | null,
  ): Promise<VocabularyTerm[]> {
    return this.vocabulary.typeahead(kind, prefix, first);
  }

  @Query(() => [VocabularyTerm], { description: 'Terms of one kind: all of them, the roots of the tree, or the children of one term.' })
  vocabularyTerms(
    @Args('kind', { type: () => TermKind }) kind: TermKind,
    @Args('parentId', { type: () => ID, nullable: true }, IdArgPipe) parentId?: string,
    @Args('rootsOnly', { nullable: true, defaultValue: false }) rootsOnly?: boolean,
  ): Promise<VocabularyTerm[]> {
    return this.vocabulary.list(kind, parentId, rootsOnly ?? false);
  }

  @ResolveField(() => [VocabularyTerm])
  children(term: VocabularyTerm, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm[]> {
    return loaders.termChildren.load(term.id);
  }

  @ResolveField(() => VocabularyTerm, { nullable: true })
  parent(term: VocabularyTerm, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm | null> {
    return term.parentId ? loaders.term.load(term.parentId) : Promise.resolve(null);
  }
}
