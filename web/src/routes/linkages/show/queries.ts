import { graphql } from '@/graphql';

export const LINKAGE_SHOW_QUERY = graphql(`
  query LinkageShow($id: ID!) {
    linkage(id: $id) {
      id
      principles
      crossDepartment
      crossLevel
      dataScope
      channel
      procedure
      claimDays
      feedbackDays
      frequency
      confidentiality
      reviewMode
      approvalConfirmedAt
      supervisionConfirmedAt
      confirmed
      status
      removalRequestedAt
      createdAt
      updatedAt
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
      approvalMatter {
        id
        code
        name
        status
        repealedOn
      }
      supervisionMatter {
        id
        code
        name
        status
        repealedOn
      }
      approvingDepartment {
        id
        name
      }
      approvingSection {
        id
        name
      }
      approvingPerson {
        id
        name
        role
        officePhone
        mobile
      }
      supervisingDepartment {
        id
        name
      }
      supervisingSection {
        id
        name
      }
      supervisingPerson {
        id
        name
        role
        officePhone
        mobile
      }
      basisDocument {
        id
        kind
        number
        signedOn
        parties
        fileName
        contentType
        size
      }
    }
  }
`);

/** The published versions with their diffs: which ones added, changed or removed this linkage. */
export const LINKAGE_VERSIONS_QUERY = graphql(`
  query LinkageVersions {
    publishedLinkageListVersions {
      number
      publishedAt
      summary
      publisherName
      addedLinkageIds
      changedLinkageIds
      removedLinkageIds
    }
  }
`);

/**
 * The approval matter's applications the caller may see, with their pushes and the
 * responsibilities (linkages of the list version in force) each push was made under.
 */
export const LINKAGE_PUSHES_QUERY = graphql(`
  query LinkagePushes($matterId: ID!) {
    applications(matterId: $matterId, first: 100) {
      id
      applicantName
      pushes {
        id
        stage
        state
        channel
        pushedAt
        overdue
        listVersion
        feedbackState
        department {
          id
          name
        }
        responsibilities {
          linkageId
        }
      }
    }
  }
`);

export const BASIS_DOCUMENT_FILE_QUERY = graphql(`
  query BasisDocumentFile($id: ID!) {
    basisDocumentFile(id: $id) {
      fileName
      contentType
      contentBase64
    }
  }
`);

export const LINKAGE_REMOVAL_MUTATION = graphql(`
  mutation LinkageRequestRemoval($id: ID!) {
    requestLinkageRemoval(id: $id) {
      __typename
      ... on Linkage {
        id
        status
        removalRequestedAt
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

export const LINKAGE_DELETE_MUTATION = graphql(`
  mutation LinkageDelete($id: ID!) {
    deleteLinkage(id: $id) {
      __typename
      ... on DeletedLinkage {
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
