import type { ApolloServerPlugin } from '@apollo/server';
import { explorerHtml } from './explorer-assets';

/** Replaces Apollo's CDN-hosted landing page with GraphiQL served by this app, so GET /graphql works offline. */
export function offlineExplorerPlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: explorerHtml() };
        },
      };
    },
  };
}
