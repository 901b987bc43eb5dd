/**
 * Pretty-printed JSON as a list of classified tokens, for the pane to render as
 * Lit text spans (never markup). The text is lexed, not re-serialised, so it keeps
 * exactly what the server sent: number spellings, escapes, key order and duplicate
 * keys, which a JSON.parse round trip would lose. JSON.parse only says whether it is
 * JSON; once it is, one regular expression splits it (a full JSON scanner, such as
 * jsonc-parser's, cost 2 KB gzip of the pane's chunk for the same tokens).
 */
import { MASK, maskSecrets, SECRET_KEYS } from '../api-helper/exchange.js';

export type JsonTokenKind =
  | 'key'
  | 'string'
  | 'number'
  | 'literal'
  | 'punctuation'
  | 'space'
  | 'secret';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const INDENT = '  ';

/** One lexed token: its source text and, for strings, the decoded value. */
interface Lexeme {
  raw: string;
  value: string;
}

/**
 * The tokens of `text` indented by two spaces, or null when it is not JSON.
 * Unless `reveal`, a string under a secret key (`access_token`, `token`, …) is
 * masked, and so is any of `secrets` found inside another string.
 */
export function jsonTokens(
  text: string,
  options: { reveal: boolean; secrets: readonly string[] },
): JsonToken[] | null {
  if (!isJson(text)) return null;
  const lexemes = lex(text);
  const out: JsonToken[] = [];
  const push = (kind: JsonTokenKind, tokenText: string) => out.push({ kind, text: tokenText });
  const newline = (depth: number) => push('space', `\n${INDENT.repeat(depth)}`);
  let depth = 0;
  let key: string | undefined;
  for (const [i, { raw, value }] of lexemes.entries()) {
    const next = lexemes[i + 1]?.raw;
    switch (raw[0]) {
      case '{':
      case '[':
        push('punctuation', raw);
        depth++;
        key = undefined;
        if (next !== '}' && next !== ']') newline(depth);
        break;
      case '}':
      case ']': {
        depth--;
        const previous = lexemes[i - 1]?.raw;
        if (previous !== '{' && previous !== '[') newline(depth);
        push('punctuation', raw);
        break;
      }
      case ',':
        push('punctuation', raw);
        newline(depth);
        key = undefined;
        break;
      case ':':
        push('punctuation', ':');
        push('space', ' ');
        break;
      case '"':
        if (next === ':') {
          key = value;
          push('key', maskSecrets(raw, options.secrets));
        } else if (!options.reveal && key !== undefined && SECRET_KEYS.has(key)) {
          push('secret', `"${MASK}"`);
        } else {
          push('string', maskSecrets(raw, options.secrets));
        }
        break;
      default:
        push(/^[-\d]/.test(raw) ? 'number' : 'literal', raw);
    }
  }
  return out;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return text.trim() !== '';
  } catch {
    return false;
  }
}

/**
 * A string (escapes included), a number, a literal or one punctuation character. Only
 * ever run on text JSON.parse accepted, so it needs no error cases: whitespace is all
 * that lies between its matches.
 */
const TOKEN = /"(?:[^"\\]|\\.)*"|[-+.\w]+|[^\s]/g;

/** The significant tokens (no whitespace) of text that JSON.parse accepted. */
function lex(text: string): Lexeme[] {
  return Array.from(text.matchAll(TOKEN), ([raw]) => ({
    raw,
    value: raw[0] === '"' ? (JSON.parse(raw) as string) : raw,
  }));
}
