import { graphql } from '@/graphql';

export const MATTER_CREATE_MUTATION = graphql(`
  mutation MatterCreate($input: CreateMatterInput!) {
    createMatter(input: $input) {
      __typename
      ... on Matter {
        id
        code
        name
        kind
        department {
          id
          name
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
