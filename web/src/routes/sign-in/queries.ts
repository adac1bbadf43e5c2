import { graphql } from '@/graphql';

export const SIGN_IN_MUTATION = graphql(`
  mutation SignIn($username: String!, $password: String!, $departmentId: ID) {
    signIn(username: $username, password: $password, departmentId: $departmentId) {
      __typename
      ... on SignInPayload {
        username
        displayName
        departmentId
        mustChangePassword
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
