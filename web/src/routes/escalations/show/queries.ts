import { graphql } from '../../../graphql';

export const ESCALATION_QUERY = graphql(`
  query EscalationDetail($id: ID!) {
    escalation(id: $id) {
      id
      kind
      title
      statement
      status
      raisedBy
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
      transitions {
        status
        at
        actor
        note
        durationSeconds
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
  mutation DecideEscalation($id: ID!, $decision: String!) {
    decideEscalation(id: $id, decision: $decision) {
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
