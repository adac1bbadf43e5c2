import { graphql } from '@/graphql';

export const DEPARTMENTS_LIST_QUERY = graphql(`
  query DepartmentsList {
    departments {
      id
      name
      shortName
      level
      creditCode
      parentId
    }
  }
`);

export const DEPARTMENT_CREATE_MUTATION = graphql(`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      __typename
      ... on Department {
        id
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
