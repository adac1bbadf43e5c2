import { graphql } from '@/graphql';

/** Every department with its sections and their people: both sides of the form pick from these. */
export const LINKAGE_FORM_DEPARTMENTS_QUERY = graphql(`
  query LinkageFormDepartments {
    departments {
      id
      name
      level
      sections {
        id
        name
        people {
          id
          name
          role
          officePhone
        }
      }
    }
  }
`);

export const LINKAGE_EDIT_QUERY = graphql(`
  query LinkageEdit($id: ID!) {
    linkage(id: $id) {
      id
      principles
      dataScope
      channel
      procedure
      claimDays
      feedbackDays
      frequency
      confidentiality
      reviewMode
      approvalMatter {
        id
        code
        name
      }
      supervisionMatter {
        id
        code
        name
      }
      approvingDepartment {
        id
      }
      approvingSection {
        id
      }
      approvingPerson {
        id
      }
      supervisingDepartment {
        id
      }
      supervisingSection {
        id
      }
      supervisingPerson {
        id
      }
      basisDocument {
        id
        kind
        number
        signedOn
        parties
        fileName
        size
      }
    }
  }
`);

export const LINKAGE_CREATE_MUTATION = graphql(`
  mutation LinkageCreate($input: LinkageInput!) {
    createLinkage(input: $input) {
      __typename
      ... on Linkage {
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

export const LINKAGE_UPDATE_MUTATION = graphql(`
  mutation LinkageUpdate($id: ID!, $input: LinkageInput!) {
    updateLinkage(id: $id, input: $input) {
      __typename
      ... on Linkage {
        id
        confirmed
        approvalConfirmedAt
        supervisionConfirmedAt
        updatedAt
        status
        history {
          action
          actor
          actorName
          departmentId
          at
          changes {
            field
            before
            after
          }
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

export const BASIS_DOCUMENT_UPLOAD_MUTATION = graphql(`
  mutation BasisDocumentUpload($input: UploadBasisDocumentInput!) {
    uploadBasisDocument(input: $input) {
      __typename
      ... on BasisDocument {
        id
        kind
        number
        signedOn
        parties
        fileName
        size
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
