import { graphql } from '@/graphql';

export const INBOX_MESSAGES_QUERY = graphql(`
  query InboxMessages($unreadOnly: Boolean!, $first: Int!, $after: String) {
    unreadMessageCount
    inboxMessages(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          refId
          applicationId
          applicationNumber
          matterName
          applicantName
          createdAt
          readAt
        }
      }
    }
  }
`);

export const UNREAD_MESSAGE_COUNT_QUERY = graphql(`
  query UnreadMessageCount {
    unreadMessageCount
  }
`);

export const MARK_MESSAGE_READ_MUTATION = graphql(`
  mutation MarkMessageRead($messageId: ID!) {
    markMessageRead(messageId: $messageId) {
      __typename
      ... on InboxMessage {
        id
        readAt
      }
      ... on ValidationErrors {
        errors {
          field
          code
          message
        }
      }
    }
  }
`);

export const MARK_ALL_MESSAGES_READ_MUTATION = graphql(`
  mutation MarkAllMessagesRead {
    markAllMessagesRead
  }
`);
