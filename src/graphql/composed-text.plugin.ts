import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { DocumentNode, Kind, visit } from 'graphql';
import { composed, composeStringsInPlace } from '../common/text/composed-text';

/**
 * Every string an operation takes reaches the resolvers in Unicode's composed form (NFC,
 * src/common/text/composed-text.ts), whether written in the document or sent in a variable: a review
 * named "Café" with a decomposed "é" is the review named with the composed one, a decomposed title is
 * stored composed (and found), a journal filter matches the journal stored. Done once per request before
 * execution, instead of wrapping every field resolver (Apollo's willResolveField would).
 */
export function composedTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<object>) {
          const { request } = requestContext;
          if (request.variables) composeStringsInPlace(request.variables);
          const document = composedDocument(requestContext.document);
          // The parsed document is cached and shared between requests: this request executes a composed copy of it.
          if (document !== requestContext.document) (requestContext as { document: DocumentNode }).document = document;
        },
      };
    },
  };
}

/** Apollo keeps a parsed document per query text: each is walked once, not on every request. */
const COMPOSED = new WeakMap<DocumentNode, DocumentNode>();

/** The document itself when none of its string literals changes (nearly always); otherwise a copy with them composed. */
function composedDocument(document: DocumentNode): DocumentNode {
  let known = COMPOSED.get(document);
  if (!known) {
    known = composedCopy(document);
    COMPOSED.set(document, known);
  }
  return known;
}

function composedCopy(document: DocumentNode): DocumentNode {
  let changed = false;
  const copy = visit(document, {
    [Kind.STRING](node) {
      const text = composed(node.value);
      if (text === node.value) return undefined;
      changed = true;
      return { ...node, value: text };
    },
  });
  return changed ? copy : document;
}
