import { graphql } from '../graphql';

export const MATTER_OPTIONS_QUERY = graphql(`
  query MatterOptions($kind: MatterKind, $keyword: String) {
    matters(kind: $kind, keyword: $keyword, first: 50) {
      id
      code
      name
      department {
        id
      }
    }
  }
`);

export const CREDIT_ASSESSMENT_FIELDS = graphql(`
  fragment CreditAssessmentFields on CreditAssessment {
    level
    levelLabel
    score
    jointPunished
    ruleVersion
    determinedOn
    summary
    causes {
      ruleCode
      ruleName
      scoreDelta
      forcesLevel
    }
    jointPunishments {
      id
      sourceDocument
      measures
      startsOn
      endsOn
      active
    }
  }
`);
