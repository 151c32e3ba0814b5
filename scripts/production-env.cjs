/**
 * Preloaded by `npm start` (`node --require`): the service runs as the Dockerfile runs it, with
 * NODE_ENV=production, unless NODE_ENV is already set. graphql-js then skips its cross-realm
 * `instanceOf` checks (~3 ms of CPU per search page, bench/README.md). Nothing the app answers
 * changes: introspection, stack traces in errors (never) and the explorer page are set explicitly in
 * src/graphql/graphql-api.module.ts. `npm run start:dev` and the tests do not load this.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
