// Static checks over the UI's source with the TypeScript compiler: which strings a component would render as they
// are (instead of through a message key), and which message keys the code asks for.
import ts from 'typescript';

/** Attributes a user reads or hears; anything else (class, data-testid, href, value, type…) is code. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** Strings with letters that are allowed to appear as they are: none yet, so each exception is a deliberate choice. */
const ALLOWED = new Set<string>([]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const hasLetters = (s: string) => /\p{L}/u.test(s) && !ALLOWED.has(s.trim());

/** Climbs from a literal to where its value ends up: rendered as a child or a text attribute, or used as code. */
function rendered(node: ts.Node): boolean {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isParenthesizedExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p)) continue;
    if (ts.isConditionalExpression(p)) {
      if (child === p.condition) return false;
      continue;
    }
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) {
      if (child === p.left && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return false;
      continue;
    }
    if (ts.isJsxExpression(p)) {
      const holder = p.parent;
      if (ts.isJsxAttribute(holder)) return TEXT_ATTRIBUTES.has(holder.name.getText());
      return ts.isJsxElement(holder) || ts.isJsxFragment(holder);
    }
    if (ts.isJsxAttribute(p)) return TEXT_ATTRIBUTES.has(p.name.getText());
    return false;
  }
  return false;
}

/** Hard-coded user-facing text in a .tsx source: JSX text with letters, and literal strings rendered as such. */
export function hardCodedStrings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasLetters(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasLetters(node.text) && rendered(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (hasLetters(parts) && rendered(node)) report(node, parts);
    } else if (ts.isVariableDeclaration(node) && node.name.getText() === 'TEXT') {
      // The popup's old convention for strings waiting to move into messages.json.
      report(node, 'const TEXT: strings that belong in messages.json');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Calls that take a message key: t(), getMessage() and plural() in the pages; text(), fail() and failure() where the
 * worker builds what it tells the user (data/i18n/localized-error.ts), localized() for the update check's.
 */
const CALLS_WITH_KEYS = new Map<string, number[]>([
  ['t', [0]],
  ['getMessage', [0]],
  ['plural', [2, 3]],
  ['text', [0]],
  ['fail', [0]],
  ['failure', [0]],
  ['localized', [0]],
]);

/** Properties whose value reaches a page as what the worker says: they must hold message keys, not sentences. */
const SAID = new Set(['message', 'error', 'problem', 'notice', 'title', 'label', 'description']);
const ERRORS = new Set(['Error', 'TypeError', 'RangeError']);
/** Two words or more: a sentence for someone to read, not a key, an id or a code. */
const sentence = (s: string) => /\p{L}{2,}[^\n]*\s[^\n]*\p{L}{2,}/u.test(s.trim()) && !ALLOWED.has(s.trim());

/**
 * Sentences in a .ts source that would reach a user in English: the text of an Error the code throws (the worker
 * answers it to the page), and string values of properties like `message` or `error`. console.* lines are for
 * developers and are not checked.
 */
export function hardCodedMessages(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const textOf = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
    return undefined;
  };
  const check = (node: ts.Node | undefined) => {
    const text = node && textOf(node);
    if (node && text !== undefined && sentence(text)) found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(sf) === 'console') return;
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && ERRORS.has(node.expression.text)) check(node.arguments?.[0]);
    if (ts.isThrowStatement(node)) check(node.expression);
    if (ts.isPropertyAssignment(node) && SAID.has(node.name.getText(sf))) check(node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SAID.has(node.left.name.text)) {
      check(node.right);
    }
    if (ts.isVariableDeclaration(node) && SAID.has(node.name.getText(sf))) check(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every literal message key the source passes to t(), getMessage() or plural(). */
export function usedKeys(file: string, source: string): { key: string; line: number }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const keys: { key: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : node.expression.getText(sf);
      for (const i of CALLS_WITH_KEYS.get(callee) ?? []) {
        const arg = node.arguments[i];
        if (arg && ts.isStringLiteral(arg)) keys.push({ key: arg.text, line: sf.getLineAndCharacterOfPosition(arg.getStart(sf)).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}
