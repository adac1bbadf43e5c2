import { graphql } from '@/graphql';

export const INBOX_UPDATES_SUBSCRIPTION = graphql(`
  subscription InboxUpdates {
    inboxUpdates {
      kind
      id
    }
  }
`);
