import { graphql } from '@/graphql';

export const SMS_MESSAGES_QUERY = graphql(`
  query SmsMessages($first: Int!, $after: String) {
    smsMessages(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          key
          mobile
          recipientName
          template
          purpose
          supervisionCode
          status
          pushId
          text
          sender
          sentAt
        }
      }
    }
  }
`);
