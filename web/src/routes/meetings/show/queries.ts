import { graphql } from '@/graphql';

export const MEETING_QUERY = graphql(`
  query MeetingDetail($id: ID!) {
    meeting(id: $id) {
      id
      title
      status
      scheduledAt
      heldAt
      location
      minutes
      minutesFile {
        fileName
        contentType
        size
        sha256
      }
      convenedBy
      convener {
        id
        name
      }
      participants {
        department {
          id
          name
        }
        personName
      }
      agenda {
        id
        position
        title
        kind
        refId
      }
      decisions {
        id
        text
        owner {
          id
          name
        }
        dueOn
        status
        followUp
        closedAt
        agendaItemId
        overdue
      }
      exchanges {
        pushId
        department {
          id
          name
        }
        summary
        recordedBy
        recordedByName
        recordedAt
      }
    }
  }
`);

export const RECORD_MINUTES_MUTATION = graphql(`
  mutation RecordMeetingMinutes($meetingId: ID!, $minutes: String!, $heldAt: DateTime!, $minutesFile: MinutesFileInput) {
    recordMeetingMinutes(meetingId: $meetingId, minutes: $minutes, heldAt: $heldAt, minutesFile: $minutesFile) {
      __typename
      ... on Meeting {
        id
        status
        minutes
        heldAt
        minutesFile {
          fileName
          contentType
          size
          sha256
        }
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

export const ADD_DECISION_MUTATION = graphql(`
  mutation AddMeetingDecision($meetingId: ID!, $text: String!, $ownerDepartmentId: ID!, $dueOn: Date!, $agendaItemId: ID) {
    addMeetingDecision(meetingId: $meetingId, text: $text, ownerDepartmentId: $ownerDepartmentId, dueOn: $dueOn, agendaItemId: $agendaItemId) {
      __typename
      ... on MeetingDecision {
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

export const FOLLOW_UP_MUTATION = graphql(`
  mutation FollowUpMeetingDecision($decisionId: ID!, $status: DecisionStatus!, $note: String!) {
    followUpMeetingDecision(decisionId: $decisionId, status: $status, note: $note) {
      __typename
      ... on MeetingDecision {
        id
        status
        followUp
        closedAt
        overdue
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

export const RECORD_EXCHANGE_MUTATION = graphql(`
  mutation RecordMeetingExchange($meetingId: ID!, $pushId: ID!, $summary: String!) {
    recordMeetingExchange(meetingId: $meetingId, pushId: $pushId, summary: $summary) {
      __typename
      ... on MeetingExchange {
        pushId
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

export const MEETING_MINUTES_FILE_QUERY = graphql(`
  query MeetingMinutesFile($meetingId: ID!) {
    meetingMinutesFile(meetingId: $meetingId) {
      filename
      mediaType
      contentBase64
    }
  }
`);
