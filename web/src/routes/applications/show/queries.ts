import { graphql } from '@/graphql';

export const APPLICATION_SHOW_QUERY = graphql(`
  query ApplicationShow($id: ID!) {
    application(id: $id) {
      id
      number
      status
      applicantKind
      applicantName
      applicantIdentifier
      applicantContact
      applicantAddress
      handlingMode
      submittedAt
      submittedBy
      submittedByName
      acceptedAt
      acceptedBy
      acceptedByName
      completedAt
      completedBy
      completedByName
      refusalReason
      listVersion
      creditAtAcceptance {
        level
        levelLabel
        jointPunished
        lookupId
      }
      applicantCredit {
        level
        levelLabel
        jointPunished
        summary
      }
      matter {
        id
        code
        name
        department {
          id
          name
        }
      }
      legalDocuments {
        id
        kind
        number
        validFrom
        validUntil
        fileName
        file {
          fileName
          contentType
          size
          sha256
        }
      }
      pushes {
        id
        stage
        channel
        state
        pushedAt
        claimDue
        claimedAt
        claimedBy
        claimedByName
        claimMethod
        claimMeetingId
        claimReceipt {
          fileName
          sha256
        }
        dispatch {
          channel
          number
          sentOn
          note
          recordedBy
          recordedByName
          recordedAt
          file {
            fileName
            sha256
          }
        }
        fromDepartment {
          id
        }
        receiveLiaisonName
        receiveLiaisonMobile
        responsibilities {
          linkageId
          supervisingDepartment {
            id
          }
          approvingSectionName
          approvingPersonName
          supervisingSectionName
          supervisingPersonName
        }
        feedbackState
        feedbackDue
        feedbackClosedAt
        feedbackClosedByName
        overdue
        smsDelivery {
          role
          state
          recipientName
          attempts
          lastError
        }
        department {
          id
          name
        }
      }
      missingItems {
        id
        name
        days
        dueOn
        state
        overdue
        reminders
        note
        closedBy
        closedByName
        closedAt
      }
      commitment {
        text
        fileName
        fileSha256
        fileType
        recordedBy
        recordedByName
        recordedAt
      }
      verificationTasks {
        id
        dueOn
        overdue
        result
        evidence
        documentNumber
        verifiedBy
        verifiedAt
        department {
          id
          name
        }
      }
      findings {
        id
        kind
        abnormal
        resultType
        measures
        summary
        foundOn
        createdAt
        recordedByName
        department {
          id
          name
        }
      }
    }
  }
`);

export const CREDIT_CHECK_QUERY = graphql(`
  query CreditCheck($subjectCode: String!, $applicationId: ID!, $purpose: String!) {
    creditCheck(subjectCode: $subjectCode, applicationId: $applicationId, purpose: $purpose) {
      __typename
      ... on CreditCheck {
        lookupId
        subjectCode
        level
        jointPunished
        explanation {
          ...CreditAssessmentFields
        }
        modes {
          mode
          label
          allowed
          reason
        }
        allowedModes
        ticket
        checkedAt
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

export const APPLICATION_ACCEPT_MUTATION = graphql(`
  mutation ApplicationAccept($input: AcceptApplicationInput!) {
    acceptApplication(input: $input) {
      __typename
      ... on Application {
        id
        status
        handlingMode
        acceptedAt
        acceptedBy
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

export const APPLICATION_COMPLETE_MUTATION = graphql(`
  mutation ApplicationComplete($input: CompleteApplicationInput!) {
    completeApplication(input: $input) {
      __typename
      ... on Application {
        id
        status
        completedAt
        completedBy
        refusalReason
        legalDocuments {
          id
          kind
          number
          validFrom
          validUntil
          fileName
          file {
            fileName
            contentType
            size
            sha256
          }
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

export const FINDING_RECORD_MUTATION = graphql(`
  mutation FindingRecord($input: RecordFindingInput!) {
    recordFinding(input: $input) {
      __typename
      ... on Finding {
        id
        kind
        abnormal
        summary
        foundOn
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

export const COMMITMENT_FILE_QUERY = graphql(`
  query CommitmentFile($id: ID!) {
    application(id: $id) {
      id
      commitment {
        fileName
        fileType
        contentBase64
      }
    }
  }
`);

export const MISSING_ITEM_SUPPLY_MUTATION = graphql(`
  mutation MissingItemSupply($input: SupplyMissingItemInput!) {
    supplyMissingItem(input: $input) {
      __typename
      ... on MissingItem {
        id
        state
        note
        closedBy
        closedByName
        closedAt
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

export const MISSING_ITEM_WAIVE_MUTATION = graphql(`
  mutation MissingItemWaive($input: WaiveMissingItemInput!) {
    waiveMissingItem(input: $input) {
      __typename
      ... on MissingItem {
        id
        state
        note
        closedBy
        closedByName
        closedAt
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

export const PUSH_DISPATCH_MUTATION = graphql(`
  mutation PushDispatch($input: RecordPushDispatchInput!) {
    recordPushDispatch(input: $input) {
      __typename
      ... on Push {
        id
        dispatch {
          channel
          number
          sentOn
          note
          recordedBy
          recordedByName
          recordedAt
          file {
            fileName
            sha256
          }
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
