// Python's html.unescape, which the original program_html applies to the selected text before matching
// (docs/design/WEBARENA.md §2.4). Named references come from the HTML5 table (html5-entities.ts: the WHATWG
// named character references, as Python's html.entities.html5 holds them; names without ";" are the legacy
// ones a page may write bare). Numeric references follow the same rules as Python's.
import { HTML5_ENTITIES } from './html5-entities';

const NAMED: Readonly<Record<string, string>> = HTML5_ENTITIES;
// 0x80–0x9F as windows-1252 reads them (written out: Node's TextDecoder reads this label as Latin-1).
const WINDOWS_1252_80_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Python's _invalid_charrefs / _invalid_codepoints: 0 → U+FFFD, 13 → "\r", 0x80–0x9F read as windows-1252,
 * surrogates and anything past U+10FFFF → U+FFFD, other control characters and non-characters → "". */
function numericReference(cp: number): string {
  if (cp === 0) return '\uFFFD';
  if (cp === 0x0d) return '\r';
  if (cp >= 0x80 && cp <= 0x9f) return WINDOWS_1252_80_9F[cp - 0x80];
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  const control = (cp >= 0x1 && cp <= 0x8) || cp === 0xb || (cp >= 0xe && cp <= 0x1f) || cp === 0x7f;
  const nonCharacter = (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
  return control || nonCharacter ? '' : String.fromCodePoint(cp);
}

export function htmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g, (_whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = body.slice(hex ? 2 : 1).replace(/;$/, '');
      return numericReference(parseInt(digits, hex ? 16 : 10));
    }
    if (Object.hasOwn(NAMED, body)) return NAMED[body];
    // Otherwise the longest prefix that is a name (only the legacy names lack the ";"), the rest kept.
    for (let n = body.length - 1; n > 1; n--) {
      const prefix = body.slice(0, n);
      if (Object.hasOwn(NAMED, prefix)) return NAMED[prefix] + body.slice(n);
    }
    return `&${body}`;
  });
}
