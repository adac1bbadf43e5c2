import { graphql } from '@/graphql';

export const PUSH_INBOX_QUERY = graphql(`
  query PushInbox(
    $state: PushState
    $overdue: Boolean
    $first: Int!
    $after: String
    $supervisionCode: String
    $applicant: String
    $stage: PushStage
    $pushedSince: Date
    $pushedUntil: Date
    $newestFirst: Boolean! = true
    $withinScope: Boolean! = false
  ) {
    pushInbox(
      state: $state
      overdue: $overdue
      first: $first
      after: $after
      supervisionCode: $supervisionCode
      applicant: $applicant
      stage: $stage
      pushedSince: $pushedSince
      pushedUntil: $pushedUntil
      newestFirst: $newestFirst
      withinScope: $withinScope
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          stage
          channel
          state
          supervisionCode
          matterName
          applicantName
          applicantContact
          applicantAddress
          legalDocuments {
            id
            kind
            number
            file {
              fileName
              sha256
            }
          }
          claimReceipt {
            fileName
            sha256
          }
          dispatch {
            channel
            number
            sentOn
            file {
              fileName
              sha256
            }
          }
          pushedAt
          claimDue
          claimedAt
          claimedBy
          feedbackState
          feedbackDue
          overdue
          smsDelivery {
            role
            state
            recipientName
            attempts
            lastError
          }
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

export const FEEDBACK_INBOX_QUERY = graphql(`
  query FeedbackInbox($first: Int!, $after: String) {
    feedbackInbox(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          abnormal
          resultType
          foundOn
          summary
          receivedAt
          subjectCode
          fromDepartment {
            id
            name
          }
          finding {
            id
            measures
            documentNumber
            recordedByName
          }
          application {
            id
            number
            applicantName
            matter {
              id
              name
            }
            legalDocuments {
              kind
              number
            }
          }
        }
      }
    }
  }
`);

export const NOTICE_INBOX_QUERY = graphql(`
  query NoticeInbox($first: Int!, $after: String) {
    noticeInbox(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          body
          changeKind
          effectiveOn
          announcedAt
          listVersion
          readAt
          attachments {
            id
            fileName
            sha256
          }
          fromDepartment {
            id
            name
          }
        }
      }
    }
  }
`);

export const PUSH_CLAIM_MUTATION = graphql(`
  mutation PushClaim($input: ClaimPushInput!) {
    claimPush(input: $input) {
      __typename
      ... on Push {
        id
        state
        claimedAt
        claimedBy
        claimMethod
        claimReceipt {
          fileName
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

export const PUSH_CLOSE_MUTATION = graphql(`
  mutation PushClose($pushId: ID!) {
    closePushWithoutAbnormality(pushId: $pushId) {
      __typename
      ... on Push {
        id
        feedbackState
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

export const CREDIT_NOTICES_QUERY = graphql(`
  query CreditNotices($first: Int!, $after: String) {
    creditNotices(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          applicantName
          previousLevelLabel
          levelLabel
          jointPunished
          decidingRule
          message
          receivedAt
          application {
            id
          }
        }
      }
    }
  }
`);

export const VERIFICATION_INBOX_QUERY = graphql(`
  query VerificationInbox($openOnly: Boolean, $first: Int!, $after: String) {
    verificationInbox(openOnly: $openOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          dueOn
          overdue
          result
          evidence
          documentNumber
          verifiedBy
          verifiedAt
          fromDepartment {
            id
            name
          }
          application {
            id
            applicantName
            matter {
              id
              name
            }
            commitment {
              text
              fileName
            }
          }
        }
      }
    }
  }
`);

export const VERIFICATION_RECORD_MUTATION = graphql(`
  mutation VerificationRecord($input: RecordVerificationInput!) {
    recordVerification(input: $input) {
      __typename
      ... on VerificationTask {
        id
        result
        evidence
        documentNumber
        verifiedBy
        verifiedAt
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

export const NOTICE_READ_MUTATION = graphql(`
  mutation NoticeRead($noticeId: ID!) {
    markNoticeRead(noticeId: $noticeId) {
      __typename
      ... on PolicyNotice {
        id
        readAt
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

export const ISSUED_NOTICES_QUERY = graphql(`
  query IssuedNotices($first: Int!, $after: String) {
    issuedNotices(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          changeKind
          announcedAt
          listVersion
          attachments {
            id
            fileName
            sha256
          }
          readReceipts {
            department {
              id
              name
            }
            readerName
            readAt
          }
        }
      }
    }
  }
`);

export const NOTICE_ANNOUNCE_MUTATION = graphql(`
  mutation NoticeAnnounce($input: AnnouncePolicyNoticeInput!) {
    announcePolicyNotice(input: $input) {
      __typename
      ... on PolicyNotice {
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
