import { graphql } from '@/graphql';

export const DEPARTMENT_DETAIL_QUERY = graphql(`
  query DepartmentDetail($id: ID!) {
    department(id: $id) {
      id
      name
      shortName
      level
      creditCode
      parentId
      sections {
        id
        name
        people {
          id
          name
          officePhone
          mobile
          role
          sectionId
          positions {
            sectionId
            title
            home
            section {
              id
              name
            }
            department {
              id
              name
            }
          }
        }
      }
      liaisons {
        kind
        since
        until
        current
        recordedBy
        recordedByName
        person {
          id
          name
          officePhone
          mobile
        }
      }
    }
    departments {
      id
      name
    }
  }
`);

export const SECTION_CREATE_MUTATION = graphql(`
  mutation CreateSection($input: CreateSectionInput!) {
    createSection(input: $input) {
      __typename
      ... on Section {
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

export const PERSON_CREATE_MUTATION = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      __typename
      ... on Person {
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

export const LIAISON_SET_MUTATION = graphql(`
  mutation SetLiaison($input: SetLiaisonInput!) {
    setLiaison(input: $input) {
      __typename
      ... on Liaison {
        kind
        since
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

export const DEPARTMENT_PEOPLE_QUERY = graphql(`
  query DepartmentPeople($id: ID!) {
    department(id: $id) {
      id
      sections {
        id
        name
        people {
          id
          name
          sectionId
        }
      }
    }
  }
`);

export const POSITION_ADD_MUTATION = graphql(`
  mutation AddPosition($input: AddPositionInput!) {
    addPosition(input: $input) {
      __typename
      ... on Person {
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
