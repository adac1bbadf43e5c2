import { graphql } from '@/graphql';

export const PUBLISHED_LIST_QUERY = graphql(`
  query PublishedList($version: Int) {
    publishedLinkageList(version: $version) {
      number
      publishedAt
      summary
      publisherName
      publishingDepartmentName
      removedEntries {
        linkageId
        approvalMatterCode
        approvalMatterName
        supervisionMatterCode
        supervisionMatterName
        supervisingDepartmentName
      }
      entries {
        linkageId
        approvalMatterCode
        approvalMatterName
        approvingDepartmentName
        approvingSectionName
        approvingPersonName
        approvingOfficePhone
        supervisionMatterCode
        supervisionMatterName
        supervisingDepartmentName
        supervisingSectionName
        supervisingPersonName
        supervisingOfficePhone
        principles
        crossDepartment
        crossLevel
        claimDays
        feedbackDays
      }
    }
    publishedLinkageListVersions {
      number
      publishedAt
    }
  }
`);
