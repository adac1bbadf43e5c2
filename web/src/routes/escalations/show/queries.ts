import { graphql } from '@/graphql';

export const ESCALATION_QUERY = graphql(`
  query EscalationDetail($id: ID!) {
    escalation(id: $id) {
      id
      kind
      title
      statement
      status
      raisedBy
      raisedByName
      raisingDepartment {
        id
        name
      }
      parties {
        id
        name
      }
      refKind
      refId
      assignee
      meetingId
      decision
      submittedAt
      decidedAt
      closedAt
      workingDays
      transitions {
        status
        at
        actor
        actorName
        note
        durationSeconds
        workingDays
      }
      actions {
        id
        kind
        description
        owner {
          id
          name
        }
        dueOn
        state
        overdue
        createdBy
        doneAt
        doneBy
        doneByName
        note
        listVersion
        linkages {
          linkageId
          listVersion
          change
        }
      }
      attachments {
        id
        filename
        contentType
        size
      }
    }
  }
`);

export const ESCALATION_ATTACHMENT_QUERY = graphql(`
  query EscalationAttachment($id: ID!) {
    escalationAttachment(id: $id) {
      filename
      mediaType
      contentBase64
    }
  }
`);

/** Meetings the caller may schedule onto: planned ones (the server checks the convener). */
export const PLANNED_MEETINGS_QUERY = graphql(`
  query PlannedMeetings {
    meetings(status: PLANNED, first: 100) {
      id
      title
      scheduledAt
      convener {
        id
      }
    }
  }
`);

export const ASSIGN_ESCALATION_MUTATION = graphql(`
  mutation AssignEscalation($id: ID!, $assignee: String!) {
    assignEscalation(id: $id, assignee: $assignee) {
      __typename
      ... on Escalation {
        id
        status
        assignee
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

export const SCHEDULE_ESCALATION_MUTATION = graphql(`
  mutation ScheduleEscalation($id: ID!, $meetingId: ID!) {
    scheduleEscalation(id: $id, meetingId: $meetingId) {
      __typename
      ... on Escalation {
        id
        status
        meetingId
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

export const DECIDE_ESCALATION_MUTATION = graphql(`
  mutation DecideEscalation($id: ID!, $decision: String!, $actions: [EscalationActionInput!]) {
    decideEscalation(id: $id, decision: $decision, actions: $actions) {
      __typename
      ... on Escalation {
        id
        status
        decision
        decidedAt
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

export const ADD_ESCALATION_ACTION_MUTATION = graphql(`
  mutation AddEscalationAction($escalationId: ID!, $input: EscalationActionInput!) {
    addEscalationAction(escalationId: $escalationId, input: $input) {
      __typename
      ... on EscalationAction {
        id
        state
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

export const COMPLETE_ESCALATION_ACTION_MUTATION = graphql(`
  mutation CompleteEscalationAction($id: ID!, $note: String!) {
    completeEscalationAction(id: $id, note: $note) {
      __typename
      ... on EscalationAction {
        id
        state
        doneAt
        doneBy
        note
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
