/**
 * Reads an annotation file whatever it is: JSON is W3C Web Annotation (its context or types say
 * so) or Hypothesis; text with Kindle separators is `My Clippings.txt`. Never throws.
 */
import { isHypothesisJson, parseHypothesis } from './hypothesis';
import { parseKindleClippings } from './kindle';
import { MAX_ANNOTATION_FILE_BYTES, type ParseResult, tooLargeFile } from './limits';
import { isW3cJson, parseW3c } from './w3c-import';

/** Parses the decoded text of an annotation file. */
export function parseAnnotationFile(text: string): ParseResult {
  // UTF-16 code units: at most two per byte of UTF-8 that made them, so this bounds the bytes from below.
  if (text.length > MAX_ANNOTATION_FILE_BYTES) return tooLargeFile();
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trim() === '') return { ok: false, code: 'empty', message: 'The file is empty.' };
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') return parseJson(body);
  if (/^={10}\s*$/mu.test(body)) return parseKindleClippings(body);
  return {
    ok: false,
    code: 'unsupported-type',
    message: 'This is neither a Kindle “My Clippings.txt” (no ========== lines) nor annotation JSON.',
  };
}

function parseJson(body: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'unsupported-type', message: `The file is not valid JSON: ${detail}` };
  }
  if (isW3cJson(json)) return parseW3c(json);
  if (isHypothesisJson(json)) return parseHypothesis(json);
  return {
    ok: false,
    code: 'unsupported-type',
    message:
      'The JSON is neither W3C Web Annotation (no anno.jsonld context) nor Hypothesis annotations (no uri).',
  };
}
