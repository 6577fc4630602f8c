import type { SourceLocation } from './location.ts';

/**
 * The compiler's error catalogue. Each code names one mistake a mini-program
 * author can make (or one limit of Plaza); the message explains it with `{0}`,
 * `{1}` filled from the error's arguments.
 */
export const compilerMessages = {
  // templates: markup
  PLZ_TPL_MISSING_END_TAG: 'Element <{0}> is missing its end tag',
  PLZ_TPL_UNEXPECTED_END_TAG: 'Unexpected end tag </{0}>: no open element matches it',
  PLZ_TPL_EOF_IN_TAG: 'The file ends inside the tag <{0}>',
  PLZ_TPL_EOF_IN_COMMENT: 'The file ends inside a comment',
  PLZ_TPL_TOO_DEEP: 'Elements nest deeper than {0} levels: <{1}> and what it holds are left out',
  PLZ_TPL_DUPLICATE_ATTRIBUTE: 'Attribute "{0}" is given twice',
  PLZ_TPL_UNCLOSED_INTERPOLATION: 'Interpolation "{{" is not closed with "}}"',
  PLZ_TPL_EMPTY_INTERPOLATION: 'Interpolation "{{ }}" is empty',
  PLZ_TPL_UNKNOWN_DIRECTIVE: 'Unknown directive "{0}"',
  PLZ_TPL_ELSE_WITHOUT_IF: '"{0}" must follow an element with {1}:if or {1}:elif',
  PLZ_TPL_INVALID_LOOP_VARIABLE: '"{0}" is not a valid loop variable name',
  PLZ_TPL_TEMPLATE_WITHOUT_NAME: '<template> needs a "name" (definition) or an "is" (use)',
  PLZ_TPL_DUPLICATE_TEMPLATE: 'Template "{0}" is defined twice',
  PLZ_TPL_MISSING_SRC: '<{0}> needs a static "src"',
  PLZ_TPL_WXS_WITHOUT_MODULE: '<{0}> needs a "module" name',
  PLZ_TPL_MODEL_NOT_PATH: 'model:{0} must bind a data path such as "{{form.name}}"',
  PLZ_TPL_HTML_TAG: '<{0}> is an HTML tag, not a component of the platforms: it renders as an inert element',
  PLZ_TPL_UNKNOWN_TAG:
    '<{0}> is no built-in Plaza renders (a misspelt tag, or one Plaza lacks) nor a component usingComponents names: it renders as an inert element',
  PLZ_TPL_PREFIXED_TAG: '<{0}> is the built-in <{1}> under its rendered name',
  // templates: expressions
  PLZ_EXPR_SYNTAX: 'Invalid expression: {0}',
  PLZ_EXPR_UNSUPPORTED: 'Expressions cannot use {0}',
  PLZ_EXPR_FORBIDDEN_PROPERTY: 'Property "{0}" cannot be read in a template',
  PLZ_EXPR_THIS: '"this" cannot be used in a template',
  PLZ_EXPR_CALL_NOT_WXS:
    'Only functions of {0} modules can be called in a template: this call yields nothing',
  // project
  PLZ_PROJ_APP_JSON_MISSING: 'app.json not found in {0}',
  PLZ_PROJ_JSON_SYNTAX: 'Invalid JSON: {0}',
  PLZ_PROJ_APP_JSON_INVALID: 'Invalid app.json: {0}',
  PLZ_PROJ_COMPONENT_JSON_INVALID: 'Invalid {0}: {1}',
  PLZ_PROJ_PAGE_MISSING: 'Page "{0}" is listed in app.json but {1} does not exist',
  PLZ_PROJ_COMPONENT_UNRESOLVED: 'Component "{0}" ({1}) does not resolve to a component',
  PLZ_PROJ_DIALECT_UNKNOWN: 'No .ttml or .wxml template found: cannot tell the dialect',
  PLZ_PROJ_IMPORT_UNRESOLVED: '{0} "{1}" does not resolve to a file',
  PLZ_PROJ_CIRCULAR_IMPORT: 'Circular {0}: {1}',
  PLZ_PROJ_NPM_NOT_INSTALLED:
    'package.json depends on "{0}", which is not installed (run npm install) nor under miniprogram_npm',
  PLZ_PROJ_PLUGIN:
    'Plugin "{0}" comes from the platform\'s plugin marketplace, which Plaza cannot fetch: pages using it fail',
  // styles
  PLZ_STYLE_SYNTAX: 'Invalid style: {0}',
  PLZ_STYLE_IMPORT_UNRESOLVED: '@import "{0}" does not resolve to a file',
  PLZ_STYLE_IMPORT_CYCLE: 'Circular @import: {0}',
  PLZ_STYLE_LESS: 'Less: {0}',
  PLZ_STYLE_SASS: 'Sass: {0}',
  // scripts
  PLZ_SCRIPT_SYNTAX: 'Invalid script: {0}',
  PLZ_SCRIPT_REQUIRE_UNRESOLVED: 'require("{0}") does not resolve to a script',
  PLZ_SCRIPT_USAGE_UNKNOWN:
    'The APIs and requires of this script could not be read ({0}): what it uses is not known',
  // packages
  PLZ_PKG_INVALID: 'Not a valid Plaza package: {0}',
  PLZ_PKG_TAMPERED: 'File {0} does not match the checksum in manifest.json',
} as const;

export type CompilerErrorCode = keyof typeof compilerMessages;

/**
 * Codes that are warnings: quirks the platforms tolerate (they build and run the program), so
 * Plaza does too and says what it did. Every other code is an error.
 */
export const compilerWarnings: ReadonlySet<CompilerErrorCode> = new Set<CompilerErrorCode>([
  'PLZ_TPL_DUPLICATE_ATTRIBUTE',
  'PLZ_TPL_UNKNOWN_DIRECTIVE',
  'PLZ_TPL_MISSING_END_TAG',
  'PLZ_TPL_UNEXPECTED_END_TAG',
  'PLZ_TPL_HTML_TAG',
  'PLZ_TPL_PREFIXED_TAG',
  'PLZ_TPL_UNKNOWN_TAG',
  'PLZ_EXPR_CALL_NOT_WXS',
  'PLZ_SCRIPT_REQUIRE_UNRESOLVED',
  'PLZ_SCRIPT_USAGE_UNKNOWN',
  'PLZ_PROJ_NPM_NOT_INSTALLED',
]);

/** An error found in the author's program: coded, positioned, never an internal stack. */
export class CompilerError extends Error {
  override readonly name = 'CompilerError';
  readonly code: CompilerErrorCode;
  /** `warning` for a quirk the platforms tolerate (see `compilerWarnings`). */
  readonly severity: 'error' | 'warning';
  /** Package-relative file the error is in, when known. */
  file: string | undefined;
  readonly loc: SourceLocation | undefined;
  /** A few source lines around `loc` with a caret, filled when the source is at hand. */
  frame: string | undefined;

  constructor(
    code: CompilerErrorCode,
    args: readonly (string | number)[] = [],
    loc?: SourceLocation,
    file?: string,
  ) {
    // An error value about the author's program: a stack of the compiler is of no use to them,
    // and capturing one for each of thousands of warnings is most of a hostile file's cost.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(formatMessage(code, args));
    Error.stackTraceLimit = limit;
    this.code = code;
    this.severity = compilerWarnings.has(code) ? 'warning' : 'error';
    this.loc = loc;
    this.file = file;
    this.frame = undefined;
  }

  /** `file:line:col: message [code]`, the form editors and terminals link. */
  override toString(): string {
    const where = this.file
      ? `${this.file}${this.loc ? `:${this.loc.start.line}:${this.loc.start.column}` : ''}: `
      : '';
    return `${where}${this.message} [${this.code}]${this.frame ? `\n${this.frame}` : ''}`;
  }

  toJSON(): { code: string; message: string; file?: string; line?: number; column?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.file ? { file: this.file } : {}),
      ...(this.loc ? { line: this.loc.start.line, column: this.loc.start.column } : {}),
    };
  }
}

function formatMessage(code: CompilerErrorCode, args: readonly (string | number)[]): string {
  return compilerMessages[code].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** The callback phases report through, so one pass collects every error instead of stopping. */
export type ErrorHandler = (error: CompilerError) => void;
