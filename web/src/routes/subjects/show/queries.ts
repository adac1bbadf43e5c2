import { graphql } from '@/graphql';

// A lookup names its purpose (it is logged for case-file review); the answer is the profile
// or ValidationErrors naming `purpose`.
export const SUBJECT_LOOKUP_QUERY = graphql(`
  query SubjectLookup($creditCode: String!, $purpose: String!) {
    subject(creditCode: $creditCode, purpose: $purpose) {
      __typename
      ... on CreditProfile {
        lookupId
        subject {
          creditCode
          name
          kind
          determinations(first: 100) {
            id
            determinedOn
            determinedAt
            ruleVersion
            level
            score
            jointPunished
            summary
            causes {
              ruleCode
              ruleName
              scoreDelta
              records {
                recordId
                title
                source
                decidedOn
              }
              jointPunishments {
                entryId
                sourceDocument
              }
            }
          }
        }
        assessment {
          ...CreditAssessmentFields
        }
        records {
          id
          category
          title
          source
          decidedOn
          validUntil
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

export const CREDIT_RECORD_ADD_MUTATION = graphql(`
  mutation CreditRecordAdd($input: AddCreditRecordInput!) {
    addCreditRecord(input: $input) {
      __typename
      ... on CreditRecord {
        id
        category
        title
        source
        decidedOn
        validUntil
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
