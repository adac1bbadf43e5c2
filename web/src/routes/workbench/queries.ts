import { graphql } from '../../graphql';

// Counts the API can answer today: ids of at most `cap` rows per list (it has no totals yet).
// One query per tile: the list fields are non-null, so a field the user may not read would
// otherwise blank every tile.
export const MATTER_COUNT_QUERY = graphql(`
  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {
    matters(kind: $kind, first: $cap) {
      id
    }
  }
`);

export const APPLICATION_COUNT_QUERY = graphql(`
  query WorkbenchApplicationCount($cap: Int!) {
    applications(first: $cap) {
      id
    }
  }
`);

export const FINDING_COUNT_QUERY = graphql(`
  query WorkbenchFindingCount($cap: Int!) {
    findings(first: $cap) {
      id
    }
  }
`);

export const SUBJECT_COUNT_QUERY = graphql(`
  query WorkbenchSubjectCount($cap: Int!) {
    subjects(first: $cap) {
      creditCode
    }
  }
`);

// My to-dos: what waits for this department (received pushes), newest first, a few of each.
export const TODO_PUSHES_QUERY = graphql(`
  query WorkbenchTodoPushes($first: Int!) {
    awaiting: pushInbox(state: AWAITING_CLAIM, first: $first) {
      totalCount
      edges {
        node {
          ...WorkbenchTodoPush
        }
      }
    }
    feedbackDue: pushInbox(state: CLAIMED, feedbackState: OPEN, first: $first) {
      totalCount
      edges {
        node {
          ...WorkbenchTodoPush
        }
      }
    }
    overdue: pushInbox(overdue: true, first: $first) {
      totalCount
      edges {
        node {
          ...WorkbenchTodoPush
        }
      }
    }
  }

  fragment WorkbenchTodoPush on Push {
    id
    matterName
    applicantName
    state
    claimDue
    feedbackDue
    overdue
    fromDepartment {
      id
      name
    }
    application {
      id
    }
  }
`);

export const TODO_FEEDBACK_QUERY = graphql(`
  query WorkbenchTodoFeedback($first: Int!) {
    feedbackInbox(first: $first) {
      totalCount
      edges {
        node {
          id
          summary
          abnormal
          receivedAt
          fromDepartment {
            id
            name
          }
          application {
            id
          }
        }
      }
    }
  }
`);

export const TODO_NOTICES_QUERY = graphql(`
  query WorkbenchTodoNotices($first: Int!) {
    noticeInbox(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          effectiveOn
          announcedAt
          fromDepartment {
            id
            name
          }
        }
      }
    }
  }
`);
