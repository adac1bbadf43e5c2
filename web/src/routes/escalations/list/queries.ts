import { graphql } from '@/graphql';

export const ESCALATIONS_QUERY = graphql(`
  query Escalations($status: EscalationStatus, $first: Int!, $offset: Int!) {
    escalations(status: $status, first: $first, offset: $offset) {
      id
      kind
      title
      status
      raisedBy
      raisedByName
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

/** Open actions past their due date: the office's board (city-wide), else the own department's. */
export const OVERDUE_ACTIONS_QUERY = graphql(`
  query OverdueEscalationActions {
    overdueEscalationActions(first: 100) {
      totalCount
      items {
        id
        kind
        description
        dueOn
        owner {
          id
          name
        }
        escalation {
          id
          title
        }
      }
    }
  }
`);
