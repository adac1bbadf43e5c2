import { graphql } from '../../graphql';

// Counts the API can answer today: ids of at most `cap` rows per list (it has no totals yet).
// One query per tile: the list fields are non-null, so a field the user may not read would
// otherwise blank every tile.
export const MATTER_COUNT_QUERY = graphql(`
  query WorkbenchMatterCount($kind: MatterKind!, $cap: Int!) {
    matters(kind: $kind, first: $cap) {
      id
    }
  }
`);

export const APPLICATION_COUNT_QUERY = graphql(`
  query WorkbenchApplicationCount($cap: Int!) {
    applications(first: $cap) {
      id
    }
  }
`);

export const FINDING_COUNT_QUERY = graphql(`
  query WorkbenchFindingCount($cap: Int!) {
    findings(first: $cap) {
      id
    }
  }
`);

export const SUBJECT_COUNT_QUERY = graphql(`
  query WorkbenchSubjectCount($cap: Int!) {
    subjects(first: $cap) {
      creditCode
    }
  }
`);
