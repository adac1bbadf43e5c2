import { graphql } from '../../graphql';

export const STATISTICS_FIELDS_FRAGMENT = graphql(`
  fragment StatisticsFigures on LinkageStatistics {
    since
    until
    department {
      id
      name
      shortName
    }
    linkagesInForce
    pushesSent
    pushesReceived
    pushesClaimed
    claimsByMethod {
      method
      count
    }
    claimRate
    feedbackDue
    feedbackOnTime
    onTimeFeedbackRate
    overdue
    acceptances
    acceptancesWithCreditCheck
    creditCheckRate
    abnormalFindings
  }
`);

export const STATISTICS_QUERY = graphql(`
  query Statistics($since: Date!, $until: Date!) {
    totals: linkageStatistics(since: $since, until: $until) {
      __typename
      ... on LinkageStatistics {
        ...StatisticsFigures
      }
      ... on ValidationErrors {
        errors {
          field
          code
          message
        }
      }
    }
    byDepartment: linkageStatisticsSeries(since: $since, until: $until, by: DEPARTMENT) {
      __typename
      ... on LinkageStatisticsSeries {
        rows {
          ...StatisticsFigures
        }
      }
    }
    byMonth: linkageStatisticsSeries(since: $since, until: $until, by: MONTH) {
      __typename
      ... on LinkageStatisticsSeries {
        rows {
          ...StatisticsFigures
        }
      }
    }
  }
`);

export const STATISTICS_WORKBOOK_QUERY = graphql(`
  query StatisticsWorkbook($since: Date!, $until: Date!, $by: StatisticsGrouping!) {
    linkageStatisticsSeriesWorkbook(since: $since, until: $until, by: $by) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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

export const ASSESSMENT_QUERY = graphql(`
  query StatisticsAssessment($since: Date!, $until: Date!) {
    assessment(since: $since, until: $until) {
      __typename
      ... on Assessment {
        scheme {
          version
        }
        rows {
          rank
          departmentName
          score
          department {
            id
          }
          indicators {
            indicator
            label
            value
            weight
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

export const ASSESSMENT_WORKBOOK_QUERY = graphql(`
  query StatisticsAssessmentWorkbook($since: Date!, $until: Date!) {
    assessmentWorkbook(since: $since, until: $until) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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

export const ASSESSMENT_REPORT_QUERY = graphql(`
  query StatisticsAssessmentReport($since: Date!, $until: Date!) {
    assessmentReport(since: $since, until: $until) {
      __typename
      ... on CoordinationFile {
        filename
        mediaType
        contentBase64
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
