import { graphql } from '../graphql';

export const ME_QUERY = graphql(`
  query Me {
    me {
      username
      displayName
      departmentId
      departmentIds
      roles
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
