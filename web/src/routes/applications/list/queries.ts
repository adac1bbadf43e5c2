import { graphql } from '../../../graphql';

export const APPLICATIONS_LIST_QUERY = graphql(`
  query ApplicationsList($matterId: ID, $first: Int!, $offset: Int!) {
    applications(matterId: $matterId, first: $first, offset: $offset) {
      id
      status
      applicantName
      submittedAt
      matter {
        id
        name
      }
      applicantIdentifier
    }
  }
`);
