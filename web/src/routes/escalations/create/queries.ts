import { graphql } from '@/graphql';

export const RAISE_ESCALATION_MUTATION = graphql(`
  mutation RaiseEscalation($input: RaiseEscalationInput!) {
    raiseEscalation(input: $input) {
      __typename
      ... on Escalation {
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
