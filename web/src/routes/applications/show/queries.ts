import { graphql } from '../../../graphql';

export const APPLICATION_SHOW_QUERY = graphql(`
  query ApplicationShow($id: ID!) {
    application(id: $id) {
      id
      status
      applicantName
      applicantContact
      applicantAddress
      submittedAt
      matter {
        id
        code
        name
        department {
          id
          name
        }
      }
      applicant {
        creditCode
        name
        kind
        creditRecords {
          id
          category
          title
          source
          decidedOn
          validUntil
        }
      }
      findings {
        id
        kind
        abnormal
        summary
        foundOn
        department {
          id
          name
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
