import { graphql } from '@/graphql';

export const CREDIT_RULE_SET_FIELDS = graphql(`
  fragment CreditRuleSetFields on CreditRuleSet {
    version
    baseScore
    trustworthyMinScore
    dishonestBelowScore
    note
    publishedBy
    publishedByName
    publishedAt
    rules {
      code
      name
      condition
      category
      minCount
      withinDays
      scoreDelta
      forcesLevel
    }
  }
`);

export const CREDIT_RULES_QUERY = graphql(`
  query CreditRules {
    creditRules {
      ...CreditRuleSetFields
    }
    creditRuleVersions {
      ...CreditRuleSetFields
    }
  }
`);

export const PUBLISH_CREDIT_RULES_MUTATION = graphql(`
  mutation PublishCreditRules($input: PublishCreditRulesInput!) {
    publishCreditRules(input: $input) {
      __typename
      ... on CreditRuleSet {
        ...CreditRuleSetFields
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

export const AGGREGATION_RULES_QUERY = graphql(`
  query AggregationRules {
    aggregationRules {
      id
      findingKind
      resultType
      category
      validityMonths
      enabled
      updatedBy
      updatedByName
      updatedAt
    }
  }
`);

export const SAVE_AGGREGATION_RULE_MUTATION = graphql(`
  mutation SaveAggregationRule($input: AggregationRuleInput!) {
    saveAggregationRule(input: $input) {
      __typename
      ... on AggregationRule {
        id
        findingKind
        resultType
        category
        validityMonths
        enabled
        updatedBy
        updatedByName
        updatedAt
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

export const HANDLING_POLICY_QUERY = graphql(`
  query HandlingPolicy {
    handlingPolicy {
      mode
      label
      allowedLevels
    }
  }
`);

export const SET_HANDLING_POLICY_MUTATION = graphql(`
  mutation SetHandlingPolicy($mode: HandlingMode!, $allowedLevels: [CreditLevel!]!) {
    setHandlingPolicy(mode: $mode, allowedLevels: $allowedLevels) {
      __typename
      ... on HandlingPolicyEntry {
        mode
        label
        allowedLevels
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

export const JOINT_PUNISHMENT_FIELDS = graphql(`
  fragment JointPunishmentFields on JointPunishment {
    id
    subjectCode
    sourceDocument
    measures
    startsOn
    endsOn
    origin
    addedBy
    addedByName
    createdAt
    revokedAt
    revokeReason
    active
  }
`);

export const JOINT_PUNISHMENTS_QUERY = graphql(`
  query JointPunishments($subjectCode: String, $activeOn: Date, $endingWithinDays: Int, $first: Int!, $offset: Int!) {
    jointPunishments(
      subjectCode: $subjectCode
      activeOn: $activeOn
      endingWithinDays: $endingWithinDays
      first: $first
      offset: $offset
    ) {
      ...JointPunishmentFields
    }
  }
`);

export const ADD_JOINT_PUNISHMENT_MUTATION = graphql(`
  mutation AddJointPunishment($input: AddJointPunishmentInput!) {
    addJointPunishment(input: $input) {
      __typename
      ... on JointPunishment {
        ...JointPunishmentFields
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

export const IMPORT_JOINT_PUNISHMENTS_MUTATION = graphql(`
  mutation ImportJointPunishments($contentBase64: String!) {
    importJointPunishments(contentBase64: $contentBase64) {
      __typename
      ... on JointPunishmentImport {
        imported
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

export const REVOKE_JOINT_PUNISHMENT_MUTATION = graphql(`
  mutation RevokeJointPunishment($id: ID!, $reason: String!) {
    revokeJointPunishment(id: $id, reason: $reason) {
      __typename
      ... on JointPunishment {
        ...JointPunishmentFields
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

export const CREDIT_LOOKUPS_QUERY = graphql(`
  query CreditLookups($applicationId: ID, $departmentId: ID, $since: Date, $until: Date, $first: Int!, $offset: Int!) {
    creditLookups(applicationId: $applicationId, departmentId: $departmentId, since: $since, until: $until, first: $first, offset: $offset) {
      id
      username
      usernameDisplay
      subjectCode
      purpose
      applicationId
      applicationNumber
      channel
      lookedUpAt
      department {
        id
        name
      }
    }
  }
`);

export const EXPORT_CREDIT_LOOKUPS_QUERY = graphql(`
  query ExportCreditLookups($applicationId: ID, $departmentId: ID, $since: Date, $until: Date) {
    exportCreditLookups(applicationId: $applicationId, departmentId: $departmentId, since: $since, until: $until) {
      filename
      mediaType
      contentBase64
    }
  }
`);
