import { graphql } from '@/graphql';

export const APPLICATION_SUBMIT_MUTATION = graphql(`
  mutation ApplicationSubmit($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      __typename
      ... on Application {
        id
        status
        applicantName
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
