/**
 * Types for Logseq's own markdown parser (mldoc ships none), used by the tests to read an export
 * as Logseq does. Only the entry point they call: it answers the document's AST as JSON text.
 */
declare module 'mldoc' {
  export const Mldoc: {
    parseJson(content: string, config: string): string;
  };
}
