import { graphql } from '@/graphql';

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
  query WorkbenchToAccept {
    applicationCount(status: SUBMITTED)
  }
`);

export const TODO_TO_COMPLETE_QUERY = graphql(`
  query WorkbenchToComplete {
    applicationCount(status: ACCEPTED)
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
  query WorkbenchOpenEscalations {
    escalationCount(status: SUBMITTED)
  }
`);

export const TODO_MEETINGS_QUERY = graphql(`
  query WorkbenchMeetingsDue($withinDays: Int!) {
    meetingsDueCount(withinDays: $withinDays)
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
  query WorkbenchPolicyChanges($withinDays: Int!) {
    policyChangeCount(withinDays: $withinDays)
  }
`);

export const TODO_LOCKED_ACCOUNTS_QUERY = graphql(`
  query WorkbenchLockedAccounts {
    lockedAccountCount
  }
`);

export const TODO_PUNISHMENTS_ENDING_QUERY = graphql(`
  query WorkbenchPunishmentsEnding($withinDays: Int!) {
    punishmentsEndingCount(withinDays: $withinDays)
  }
`);

export const TODO_RECORDS_EXPIRING_QUERY = graphql(`
  query WorkbenchRecordsExpiring($withinDays: Int!) {
    creditRecordsExpiringCount(withinDays: $withinDays)
  }
`);

export const TODO_RULE_CHANGES_QUERY = graphql(`
  query WorkbenchRuleChanges($withinDays: Int!) {
    creditRuleChangeCount(withinDays: $withinDays)
  }
`);

// 本月数据: the department's figures this month, as the coordination subgraph's statistics
// count them (the same numbers as 统计分析).
export const TODO_MONTH_FIGURES_QUERY = graphql(`
  query WorkbenchMonthFigures($since: Date!, $until: Date!) {
    linkageStatistics(since: $since, until: $until) {
      __typename
      ... on LinkageStatistics {
        pushesSent
        pushesReceived
        openOverdue
        claimOnTimeRate
      }
    }
  }
`);
