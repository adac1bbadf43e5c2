import { graphql } from '../../../graphql';

export const ESCALATIONS_QUERY = graphql(`
  query Escalations($status: EscalationStatus, $first: Int!, $offset: Int!) {
    escalations(status: $status, first: $first, offset: $offset) {
      id
      kind
      title
      status
      raisedBy
      submittedAt
      decidedAt
      assignee
      raisingDepartment {
        id
        name
      }
      parties {
        id
        shortName
      }
    }
  }
`);
