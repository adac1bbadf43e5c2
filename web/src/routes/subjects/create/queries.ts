import { graphql } from '@/graphql';

export const SUBJECT_REGISTER_MUTATION = graphql(`
  mutation SubjectRegister($input: RegisterSubjectInput!) {
    registerSubject(input: $input) {
      __typename
      ... on Subject {
        creditCode
        name
        kind
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
