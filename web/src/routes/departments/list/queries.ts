import { graphql } from '../../../graphql';

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
