import { graphql } from '@/graphql';

export const ME_QUERY = graphql(`
  query Me {
    me {
      username
      displayName
      departmentId
      departmentIds
      roles
      abilities {
        object
        action
      }
    }
  }
`);

export const DEPARTMENT_NAMES_QUERY = graphql(`
  query DepartmentNames {
    departments {
      id
      name
      shortName
    }
  }
`);

export const SIGN_OUT_MUTATION = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

export const SWITCH_DEPARTMENT_MUTATION = graphql(`
  mutation SwitchDepartment($departmentId: ID!) {
    switchDepartment(departmentId: $departmentId) {
      __typename
      ... on SignInPayload {
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

export const INBOX_COUNTS_QUERY = graphql(`
  query InboxCounts {
    awaiting: pushInbox(state: AWAITING_CLAIM, first: 1) {
      totalCount
    }
    overdue: pushInbox(overdue: true, first: 1) {
      totalCount
    }
  }
`);
