import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';

import en from './en';
import zhCN from './zh-CN';

// The API the gateway serves (written by `shenguan compose`).
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '../../../gateway/public-schema.graphql'), 'utf8'));

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe('message catalogues', () => {
  it('have the same keys in zh-CN and English, none empty', () => {
    const zh = leaves(zhCN as unknown as Tree);
    const english = leaves(en as unknown as Tree);
    // The same set of keys (zh-CN's console sections are spread after its base: order differs).
    expect(english.map(([k]) => k).sort()).toEqual(zh.map(([k]) => k).sort());
    expect([...zh, ...english].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every value of every enum the app shows, in both languages', () => {
    for (const catalogue of [zhCN, en] as unknown as Tree[]) {
      const enums = catalogue.enums as Tree;
      for (const name of Object.keys(enums)) {
        const type = schema.getType(name);
        expect(type, name).toBeInstanceOf(GraphQLEnumType);
        const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
        expect(Object.keys(enums[name] as Tree).sort(), name).toEqual([...values].sort());
      }
    }
  });
});
