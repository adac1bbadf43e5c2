import { graphql } from '@/graphql';

export const POLICY_QUERY = graphql(`
  query Policy {
    permissions {
      role
      departmentId
      object
      action
    }
    roleAssignments {
      username
      displayName
      role
      departmentId
    }
  }
`);

export const POLICY_VERSIONS_QUERY = graphql(`
  query PolicyVersions($first: Int!) {
    policyVersions(first: $first) {
      id
      createdAt
      actor
      actorName
      summary
      description
      ruleCount
    }
  }
`);

export const CHECK_PERMISSION_QUERY = graphql(`
  query CheckPermission($username: String!, $departmentId: String!, $object: String!, $action: String!) {
    checkPermission(username: $username, departmentId: $departmentId, object: $object, action: $action) {
      allowed
      decidingRule
      roles
    }
  }
`);

export const POLICY_CATALOGUE_QUERY = graphql(`
  query PolicyCatalogue {
    policyCatalogue {
      roles {
        code
        name
      }
      objects {
        code
        name
        actions {
          code
          name
        }
      }
      actions {
        code
        name
      }
    }
    departments {
      id
      name
    }
  }
`);

export const PERMISSION_MATRIX_QUERY = graphql(`
  query PermissionMatrix($departmentId: ID!) {
    permissionMatrix(departmentId: $departmentId) {
      departmentId
      cells {
        role
        object
        action
        allowed
        decidingRule
      }
    }
  }
`);

export const PERMISSION_ADD_MUTATION = graphql(`
  mutation PermissionAdd($input: PermissionInput!, $reason: String) {
    addPermission(input: $input, reason: $reason) {
      __typename
      ... on PolicyVersion {
        id
        summary
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

export const PERMISSION_REMOVE_MUTATION = graphql(`
  mutation PermissionRemove($input: PermissionInput!, $reason: String) {
    removePermission(input: $input, reason: $reason) {
      __typename
      ... on PolicyVersion {
        id
        summary
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

export const ROLE_ASSIGN_MUTATION = graphql(`
  mutation RoleAssign($input: RoleAssignmentInput!, $reason: String) {
    assignRole(input: $input, reason: $reason) {
      __typename
      ... on PolicyVersion {
        id
        summary
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

export const ROLE_REVOKE_MUTATION = graphql(`
  mutation RoleRevoke($input: RoleAssignmentInput!, $reason: String) {
    revokeRole(input: $input, reason: $reason) {
      __typename
      ... on PolicyVersion {
        id
        summary
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

export const POLICY_ROLLBACK_MUTATION = graphql(`
  mutation PolicyRollback($versionId: ID!, $reason: String) {
    rollbackPolicy(versionId: $versionId, reason: $reason) {
      __typename
      ... on PolicyVersion {
        id
        summary
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

export const AUDIT_QUERY = graphql(`
  query AuditEntries($filter: AuditFilterInput, $first: Int!, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          actor
          actorName
          departmentId
          action
          target
          outcome
          clientAddress
        }
      }
    }
  }
`);

export const DEAD_LETTERS_QUERY = graphql(`
  query DeadLetters($first: Int!, $after: String) {
    deadLetters(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          topic
          key
          attempts
          lastError
          createdAt
        }
      }
    }
  }
`);

export const DEAD_LETTER_RETRY_MUTATION = graphql(`
  mutation DeadLetterRetry($id: ID!) {
    retryDeadLetter(id: $id) {
      __typename
      ... on DeadLetter {
        id
        attempts
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

export const CALENDAR_QUERY = graphql(`
  query CalendarDays($year: Int!) {
    calendarDays(year: $year) {
      day
      kind
      name
    }
  }
`);

export const CALENDAR_SET_MUTATION = graphql(`
  mutation CalendarSet($input: SetCalendarDayInput!) {
    setCalendarDay(input: $input) {
      __typename
      ... on CalendarDay {
        day
        kind
        name
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

export const ACCOUNTS_QUERY = graphql(`
  query Accounts($keyword: String, $departmentId: ID, $lockedOnly: Boolean! = false, $first: Int, $after: String) {
    accounts(keyword: $keyword, departmentId: $departmentId, lockedOnly: $lockedOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          username
          displayName
          serviceAccount
          mustChangePassword
          active
          lockedUntil
          lastSignInAt
          roleAssignments {
            username
            role
            departmentId
          }
          apiKeys {
            id
            name
            prefix
            departmentId
            createdAt
            revokedAt
          }
        }
      }
    }
  }
`);

export const ADMIN_DEPARTMENTS_QUERY = graphql(`
  query AdminDepartments {
    departments {
      id
      name
    }
  }
`);

export const ACCOUNT_CREATE_MUTATION = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on Account {
        id
        username
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

export const API_KEY_ISSUE_MUTATION = graphql(`
  mutation IssueApiKey($username: String!, $departmentId: ID!, $name: String!) {
    issueApiKey(username: $username, departmentId: $departmentId, name: $name) {
      __typename
      ... on IssuedApiKey {
        key
        apiKey {
          id
          prefix
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

export const API_KEY_REVOKE_MUTATION = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey {
        id
        revokedAt
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

export const SMS_TEMPLATES_QUERY = graphql(`
  query SmsTemplates {
    smsTemplates {
      purpose
      title
      providerCode
      text
      defaultText
      preview
      isDefault
      updatedAt
      updatedBy
      updatedByName
      placeholders {
        name
        description
        sample
      }
    }
  }
`);

export const SMS_TEMPLATE_UPDATE_MUTATION = graphql(`
  mutation UpdateSmsTemplate($input: SmsTemplateInput!) {
    updateSmsTemplate(input: $input) {
      __typename
      ... on SmsTemplate {
        purpose
        text
        providerCode
        preview
        isDefault
        updatedAt
        updatedBy
        updatedByName
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
