import { graphql } from '@/graphql';

// Sent by the session probe with fetch (before the urql client exists).
export const SESSION_PROBE_QUERY = graphql(`
  query SessionProbe {
    me {
      username
      mustChangePassword
    }
  }
`);
