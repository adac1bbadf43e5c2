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

// Each role's own to-dos: one query per count, so a list the user may not read never blanks
// the others (and the page asks only for what `me.abilities` allows).
export const TODO_TO_ACCEPT_QUERY = graphql(`
  query WorkbenchToAccept($cap: Int!) {
    applications(status: SUBMITTED, first: $cap) {
      id
    }
  }
`);

export const TODO_TO_COMPLETE_QUERY = graphql(`
  query WorkbenchToComplete($cap: Int!) {
    applications(status: ACCEPTED, first: $cap) {
      id
    }
  }
`);

export const TODO_MISSING_ITEMS_QUERY = graphql(`
  query WorkbenchMissingItems {
    facilitationFollowUp {
      outstanding
      overdue
    }
  }
`);

export const TODO_CREDIT_NOTICES_QUERY = graphql(`
  query WorkbenchCreditNotices {
    creditNotices(first: 1) {
      totalCount
    }
  }
`);

export const TODO_VERIFICATIONS_QUERY = graphql(`
  query WorkbenchVerifications {
    verificationInbox(openOnly: true, first: 1) {
      totalCount
    }
  }
`);

export const TODO_OVERDUE_QUERY = graphql(`
  query WorkbenchOverdue {
    overduePushes(first: 1) {
      totalCount
    }
  }
`);

export const TODO_CARDS_QUERY = graphql(`
  query WorkbenchCards {
    escalationCards(first: 1) {
      totalCount
    }
  }
`);

export const TODO_RED_CARDS_QUERY = graphql(`
  query WorkbenchRedCards {
    redCardBoard(openOnly: true, first: 1) {
      totalCount
    }
  }
`);

export const TODO_ESCALATIONS_QUERY = graphql(`
  query WorkbenchOpenEscalations($cap: Int!) {
    escalations(status: SUBMITTED, first: $cap) {
      id
    }
  }
`);

export const TODO_MEETINGS_QUERY = graphql(`
  query WorkbenchPlannedMeetings($cap: Int!) {
    meetings(status: PLANNED, first: $cap) {
      id
    }
  }
`);

export const TODO_DEAD_LETTERS_QUERY = graphql(`
  query WorkbenchDeadLetters {
    deadLetters(first: 1) {
      totalCount
    }
  }
`);

export const TODO_POLICY_CHANGES_QUERY = graphql(`
  query WorkbenchPolicyChanges {
    policyVersions(first: 5) {
      id
    }
  }
`);

export const TODO_JOINT_PUNISHMENTS_QUERY = graphql(`
  query WorkbenchJointPunishments($cap: Int!) {
    jointPunishments(first: $cap) {
      id
    }
  }
`);
