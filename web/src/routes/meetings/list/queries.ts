import { graphql } from '@/graphql';

export const MEETINGS_QUERY = graphql(`
  query Meetings($status: MeetingStatus, $first: Int!, $offset: Int!) {
    meetings(status: $status, first: $first, offset: $offset) {
      id
      title
      status
      scheduledAt
      heldAt
      location
      convener {
        id
        name
      }
      participants {
        department {
          id
          shortName
        }
      }
      decisions {
        id
        status
        overdue
      }
    }
  }
`);

export const CONVENE_MEETING_MUTATION = graphql(`
  mutation ConveneMeeting($input: ConveneMeetingInput!) {
    conveneMeeting(input: $input) {
      __typename
      ... on Meeting {
        id
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
