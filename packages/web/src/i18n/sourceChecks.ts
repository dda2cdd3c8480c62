import ts from 'typescript';

/*
 * Static checks of the web sources for the i18n tests (never imported by the app). They parse the
 * code with the TypeScript compiler rather than grepping, so comments, strings in other positions
 * and formatting cannot fool them.
 */

export interface SourceFinding {
  file: string;
  line: number;
  text: string;
}

export interface TranslationCalls {
  /** `t('patients.title')`: the key must exist. */
  literal: SourceFinding[];
  /** t(`roles.${role}`): the part before `${` must name a group of keys. */
  template: SourceFinding[];
  /** `t(key)`: only allowed where the key is a typed union that a test enumerates. */
  dynamic: SourceFinding[];
}

function parse(file: string, source: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(sourceFile: ts.SourceFile, node: ts.Node): number {
  return sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
}

/** `t(...)` and `i18n.t(...)`, the two ways the app translates. */
function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

export function findTranslationCalls(file: string, source: string): TranslationCalls {
  const sourceFile = parse(file, source);
  const calls: TranslationCalls = { literal: [], template: [], dynamic: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTranslateCall(node)) {
      const [first] = node.arguments;
      const line = lineOf(sourceFile, node);
      if (first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        calls.literal.push({ file, line, text: first.text });
      } else if (first !== undefined && ts.isTemplateExpression(first)) {
        calls.template.push({ file, line, text: first.head.text });
      } else if (first !== undefined) {
        calls.dynamic.push({ file, line, text: first.getText(sourceFile) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/** JSX attributes whose value is read or heard by the user. */
export const USER_FACING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'label',
  'placeholder',
  'title',
  'aria-label',
  'alt',
  'description',
  'error',
]);

const LETTER = /\p{L}/u;

/**
 * String literals with letters that an expression can evaluate to: through conditionals, `??`/`||`,
 * parentheses, template literals and object literals' user-facing properties. Arguments of calls are
 * not followed — `t('some.key')` takes a key, not text — and neither are nested JSX elements, which
 * are checked on their own.
 */
function textLiterals(node: ts.Node, sourceFile: ts.SourceFile, out: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (LETTER.test(node.text)) out.push(node);
    return;
  }
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    if (parts.some((part) => LETTER.test(part))) out.push(node);
    for (const span of node.templateSpans) textLiterals(span.expression, sourceFile, out);
    return;
  }
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = property.name;
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
      if (USER_FACING_ATTRIBUTES.has(key) || key === 'children')
        textLiterals(property.initializer, sourceFile, out);
    }
    return;
  }
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) textLiterals(element, sourceFile, out);
    return;
  }
  if (ts.isConditionalExpression(node)) {
    textLiterals(node.whenTrue, sourceFile, out);
    textLiterals(node.whenFalse, sourceFile, out);
    return;
  }
  if (ts.isBinaryExpression(node)) {
    textLiterals(node.left, sourceFile, out);
    textLiterals(node.right, sourceFile, out);
    return;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    textLiterals(node.expression, sourceFile, out);
    return;
  }
  if (ts.isCallExpression(node)) {
    // `items.map((x) => ({ label: 'Text' }))`: follow the callback's body, not the arguments of t().
    if (isTranslateCall(node)) return;
    for (const argument of node.arguments) {
      if (ts.isArrowFunction(argument) && !ts.isBlock(argument.body))
        textLiterals(argument.body, sourceFile, out);
    }
  }
}

/**
 * Text in the user-facing properties of object literals (`{ value: 'x', label: 'Text' }`) anywhere in
 * an expression: arrays of options, `.map()` callbacks, conditionals. Bare strings are not text
 * here (`roles={['admin']}` holds codes).
 */
function objectTexts(node: ts.Node, sourceFile: ts.SourceFile, out: ts.Node[]): void {
  if (ts.isObjectLiteralExpression(node)) {
    textLiterals(node, sourceFile, out);
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) objectTexts(element, sourceFile, out);
  } else if (ts.isSpreadElement(node) || ts.isParenthesizedExpression(node)) {
    objectTexts(node.expression, sourceFile, out);
  } else if (ts.isConditionalExpression(node)) {
    objectTexts(node.whenTrue, sourceFile, out);
    objectTexts(node.whenFalse, sourceFile, out);
  } else if (ts.isCallExpression(node) && !isTranslateCall(node)) {
    for (const argument of node.arguments) {
      if (ts.isArrowFunction(argument) && !ts.isBlock(argument.body))
        objectTexts(argument.body, sourceFile, out);
    }
  }
}

/**
 * User-facing text written straight into JSX instead of coming from the catalogues: text between
 * tags that contains a letter, `{'literal'}` children, and literal values of the attributes in
 * USER_FACING_ATTRIBUTES (also inside objects such as `data={[{ label: … }]}`).
 *
 * Not reported: text without letters (punctuation such as "·" or "←" joining translated parts),
 * other attributes (`variant="light"`, `autoComplete="username"`, `data-testid`: not shown to users),
 * and comments.
 */
export function findHardcodedText(file: string, source: string): SourceFinding[] {
  const sourceFile = parse(file, source);
  const findings: SourceFinding[] = [];
  const report = (node: ts.Node, text: string): void => {
    findings.push({ file, line: lineOf(sourceFile, node), text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sourceFile);
      const value = node.initializer;
      if (USER_FACING_ATTRIBUTES.has(name) && value !== undefined) {
        if (ts.isStringLiteral(value)) {
          if (LETTER.test(value.text)) report(value, `${name}="${value.text}"`);
        } else if (ts.isJsxExpression(value) && value.expression !== undefined) {
          const literals: ts.Node[] = [];
          textLiterals(value.expression, sourceFile, literals);
          for (const literal of literals) report(literal, `${name}={${literal.getText(sourceFile)}}`);
        }
      } else if (value !== undefined && ts.isJsxExpression(value) && value.expression !== undefined) {
        // Other attributes may still carry user text inside objects, e.g. a select's `data`.
        const literals: ts.Node[] = [];
        objectTexts(value.expression, sourceFile, literals);
        for (const literal of literals) report(literal, `${name}={… ${literal.getText(sourceFile)} …}`);
      }
    } else if (
      ts.isJsxExpression(node) &&
      node.expression !== undefined &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const literals: ts.Node[] = [];
      textLiterals(node.expression, sourceFile, literals);
      for (const literal of literals) report(literal, `{${literal.getText(sourceFile)}}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

export type Catalogue = { readonly [key: string]: string | Catalogue };

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; non-string leaves are reported as such by the caller. */
export function flattenCatalogue(catalogue: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue)) {
    out.set(prefix, catalogue);
    return out;
  }
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flattenCatalogue(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}
