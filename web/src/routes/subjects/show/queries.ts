import { graphql } from '../../../graphql';

export const SUBJECT_SHOW_QUERY = graphql(`
  query SubjectShow($creditCode: String!) {
    subject(creditCode: $creditCode) {
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
