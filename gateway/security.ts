// Gateway-side hardening: the same query limits as the subgraphs (api/core/limits.py, same
// definitions, same numbers), value-free limit errors, request body limit, CSRF content-type
// rule, and security headers on every response. Used by gateway.config.ts.
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  GraphQLOutputType,
} from 'graphql';

export const LIMITS = {
  documentChars: 15_000,
  tokens: 2_000,
  depth: 10,
  aliases: 15,
  directives: 10,
  rootFields: 20,
  maxFirst: 100,
  defaultListSize: 100,
  cost: 5_000_000,
  // 15 MiB: a 10 MB upload travels as base64 (×4/3 ≈ 13.3 MiB) inside the JSON body; a
  // somewhat larger file still reaches the subgraph, which refuses it naming the file field.
  bodyBytes: 15 * 1_048_576,
  batch: 10,
  requestMs: 30_000,
} as const;

const MESSAGES: Record<string, string> = {
  document: '查询文档过大',
  tokens: '查询文档过于复杂（词法单元过多）',
  depth: '查询嵌套层级过深',
  aliases: '查询使用的别名过多',
  directives: '查询使用的指令过多',
  root_fields: '查询的根字段过多',
  cost: '查询代价过高，请缩小分页或减少嵌套列表',
};

function limitError(limit: string): GraphQLError {
  return new GraphQLError(MESSAGES[limit], {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, http: { status: 400 } },
  });
}

function paginationError(argument: string): GraphQLError {
  return new GraphQLError(`分页参数 ${argument} 超出允许范围`, {
    extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 400 } },
  });
}

function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) break;
    }
  } catch {
    return count; // a syntax error: the parser reports it
  }
  return count;
}

interface Shape {
  aliases: number;
  directives: number;
  depth: number;
  rootFields: number;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  }
  return map;
}

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
}

// Fragments are measured once and counted every time they are spread.
function measure(document: DocumentNode): GraphQLError[] {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Shape>();
  const inProgress = new Set<string>();
  const fragment = (name: string): Shape => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || inProgress.has(name)) return { aliases: 0, directives: 0, depth: 0, rootFields: 0 };
    inProgress.add(name);
    const shape = selectionSet(def.selectionSet);
    shape.directives += def.directives?.length ?? 0;
    inProgress.delete(name);
    memo.set(name, shape);
    return shape;
  };
  const selectionSet = (node: SelectionSetNode | undefined): Shape => {
    const shape: Shape = { aliases: 0, directives: 0, depth: 0, rootFields: 0 };
    if (!node) return shape;
    for (const sel of node.selections) {
      shape.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        shape.rootFields += 1;
        if (sel.alias) shape.aliases += 1;
        if (sel.name.value.startsWith('__') && sel.selectionSet) continue; // introspection
        const inner = selectionSet(sel.selectionSet);
        shape.aliases += inner.aliases;
        shape.directives += inner.directives;
        shape.depth = Math.max(shape.depth, 1 + inner.depth);
      } else {
        const inner =
          sel.kind === Kind.FRAGMENT_SPREAD ? fragment(sel.name.value) : selectionSet(sel.selectionSet);
        shape.aliases += inner.aliases;
        shape.directives += inner.directives;
        shape.rootFields += inner.rootFields;
        shape.depth = Math.max(shape.depth, inner.depth);
      }
    }
    return shape;
  };
  let aliases = 0;
  let directives = 0;
  const found = new Set<string>();
  for (const op of operationsOf(document)) {
    const shape = selectionSet(op.selectionSet);
    aliases += shape.aliases;
    directives += shape.directives + (op.directives?.length ?? 0);
    if (shape.depth > LIMITS.depth) found.add('depth');
    if (shape.rootFields > LIMITS.rootFields) found.add('root_fields');
  }
  if (aliases > LIMITS.aliases) found.add('aliases');
  if (directives > LIMITS.directives) found.add('directives');
  return [...found].map(limitError);
}

class PaginationOutOfRange extends Error {
  constructor(readonly argument: string) {
    super(argument);
  }
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

// Objects the operation may return; list sizes from `first:` (default 100).
function cost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const argument = (node: FieldNode, name: string): unknown => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) return undefined;
    if (arg.value.kind === Kind.VARIABLE) return variables[arg.value.name.value];
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    // graphql-js parses -5 as an IntValue with value "-5"
    return undefined;
  };
  const selectionSet = (node: SelectionSetNode | undefined, parent: unknown): number => {
    if (!node || !parent) return 0;
    let total = 0;
    for (const sel of node.selections) {
      if (sel.kind === Kind.FIELD) total += field(sel, parent);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const target = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += selectionSet(sel.selectionSet, target);
      } else total += fragment(sel.name.value);
    }
    return total;
  };
  const field = (node: FieldNode, parent: unknown): number => {
    const first = argument(node, 'first');
    const offset = argument(node, 'offset');
    if (typeof first === 'number' && (first > LIMITS.maxFirst || first < 0)) {
      throw new PaginationOutOfRange('first');
    }
    if (typeof offset === 'number' && offset < 0) throw new PaginationOutOfRange('offset');
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const def = parent.getFields()[node.name.value];
    if (!def) return 0;
    const named = getNamedType(def.type);
    if (!isCompositeType(named)) return 0;
    const size = isList(def.type)
      ? typeof first === 'number'
        ? Math.max(first, 0)
        : LIMITS.defaultListSize
      : 1;
    return size * (1 + selectionSet(node.selectionSet, named));
  };
  const fragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const def = fragments.get(name);
    if (!def || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = selectionSet(def.selectionSet, schema.getType(def.typeCondition.name.value));
    inProgress.delete(name);
    memo.set(name, value);
    return value;
  };
  let result = 0;
  for (const op of operationsOf(document)) {
    if (operationName && op.name && op.name.value !== operationName) continue;
    result = Math.max(result, selectionSet(op.selectionSet, schema.getRootType(op.operation)));
  }
  return result;
}

function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  try {
    return cost(schema, document, operationName, variables ?? {}) > LIMITS.cost ? [limitError('cost')] : [];
  } catch (error) {
    if (error instanceof PaginationOutOfRange) return [paginationError(error.argument)];
    throw error;
  }
}

// Messages of the built-in GraphQL Armor plugins (maxDepth, maxTokens) state the limit
// and the measured value; they are replaced by our value-free errors.
const ARMOR_MESSAGES: [RegExp, string][] = [
  [/depth limit/i, 'depth'],
  [/token limit/i, 'tokens'],
];

function hideLimitValues(error: any): any {
  const message = String(error?.message ?? '');
  // The built-in disableIntrospection's English text, typed and in Chinese (trusted.ts says
  // the same when the document is refused before parsing).
  if (/introspection has been disabled/i.test(message)) {
    return new GraphQLError('生产环境已关闭内省查询', {
      extensions: { code: 'INTROSPECTION_DISABLED', http: { status: 400 } },
    });
  }
  for (const [pattern, limit] of ARMOR_MESSAGES) {
    if (pattern.test(message)) return limitError(limit);
  }
  if (error?.extensions?.code === 'QUERY_LIMIT_EXCEEDED') return error;
  return error;
}

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']);

function jsonError(status: number, message: string, code: string): Response {
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function secure(response: Response, request: Request, production: boolean): void {
  const headers = response.headers;
  const html = (headers.get('content-type') ?? '').startsWith('text/html');
  // The GraphiQL page runs the gateway's own inline bundle. Development serves it to
  // everyone; production only on /graphql to holders of `schema, introspect` (trusted.ts),
  // so elsewhere the strict policy covers every production response.
  const graphiql = html && (!production || new URL(request.url).pathname === '/graphql');
  if (!graphiql) headers.set('content-security-policy', CSP);
  else headers.set('content-security-policy', "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  headers.set('x-content-type-options', 'nosniff');
  headers.set('x-frame-options', 'DENY');
  headers.set('referrer-policy', 'no-referrer');
  headers.set('cross-origin-opener-policy', 'same-origin');
  const proto = (request.headers.get('x-forwarded-proto') ?? '').split(',')[0].trim();
  if (proto === 'https' || new URL(request.url).protocol === 'https:') {
    headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
}

async function readLimited(request: Request, limit: number): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export function securityPlugin(options: { production: boolean }): any {
  return {
    onRequest({ request, endResponse }: any) {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > LIMITS.bodyBytes) {
        endResponse(jsonError(413, '请求体过大', 'PAYLOAD_TOO_LARGE'));
        return;
      }
      if (request.method === 'POST') {
        const media = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
        if (media === '' || SIMPLE_TYPES.has(media)) {
          endResponse(jsonError(415, '请求须为 application/json', 'UNSUPPORTED_MEDIA_TYPE'));
        }
      }
    },
    onRequestParse({ request, setRequestParser }: any) {
      if (request.method !== 'POST') return;
      setRequestParser(async (req: Request) => {
        const text = await readLimited(req, LIMITS.bodyBytes);
        if (text === null) {
          throw new GraphQLError('请求体过大', {
            extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
          });
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new GraphQLError('请求体不是有效的 JSON', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        if (Array.isArray(parsed) || parsed === null || typeof parsed !== 'object') {
          // Batching is off: one operation per request.
          throw new GraphQLError('每个请求只能包含一个操作', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        return parsed;
      });
    },
    onParse({ params, setParseFn }: any) {
      const source = typeof params.source === 'string' ? params.source : params.source?.body ?? '';
      if (source.length > LIMITS.documentChars) {
        setParseFn(() => {
          throw limitError('document');
        });
      } else if (countTokens(source, LIMITS.tokens) > LIMITS.tokens) {
        setParseFn(() => {
          throw limitError('tokens');
        });
      }
    },
    onValidate({ params, setResult }: any) {
      const errors = measure(params.documentAST);
      if (errors.length > 0) setResult(errors);
    },
    onExecute({ args, setResultAndStopExecution }: any) {
      const errors = costErrors(args.schema, args.document, args.operationName, args.variableValues);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }: any) {
      const errors = costErrors(args.schema, args.document, args.operationName, args.variableValues);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onResultProcess({ result, setResult }: any) {
      const results = Array.isArray(result) ? result : [result];
      let changed = false;
      const mapped = results.map((r: any) => {
        if (!r?.errors) return r;
        let introspection = false;
        const errors = r.errors.flatMap((e: any) => {
          const replaced = hideLimitValues(e);
          if (replaced !== e) changed = true;
          // One refusal per document, not one per introspection field.
          if (replaced?.extensions?.code === 'INTROSPECTION_DISABLED') {
            if (introspection) return [];
            introspection = true;
          }
          return [replaced];
        });
        return { ...r, errors };
      });
      if (changed) setResult(Array.isArray(result) ? mapped : mapped[0]);
    },
    onResponse({ request, response }: any) {
      secure(response, request, options.production);
    },
  };
}
