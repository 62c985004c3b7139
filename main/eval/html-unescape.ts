// Python's html.unescape, which the original program_html applies to the selected text before matching.
// Numeric references are decoded fully; named ones from the common subset below (Python knows all HTML5
// names). An unknown name is left as it is.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  times: '×', divide: '÷', middot: '·', bull: '•', euro: '€', pound: '£', cent: '¢', yen: '¥', deg: '°',
  plusmn: '±', para: '¶', sect: '§', shy: '\u00ad', iexcl: '¡', iquest: '¿', frac12: '½', frac14: '¼',
  frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', larr: '←', rarr: '→', uarr: '↑', darr: '↓', hearts: '♥',
  star: '☆', check: '✓', zwj: '\u200d', zwnj: '\u200c', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', ouml: 'ö',
  uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', ccedil: 'ç', ntilde: 'ñ', oacute: 'ó', iacute: 'í',
  uacute: 'ú', Eacute: 'É', aring: 'å', oslash: 'ø', aelig: 'æ',
};
// Names HTML allows without the closing semicolon (a subset of Python's legacy list).
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

// Invalid code points become U+FFFD, as in Python (0 and surrogates, and anything past U+10FFFF).
function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

export function htmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = body.slice(hex ? 2 : 1).replace(/;$/, '');
      return fromCodePoint(parseInt(digits, hex ? 16 : 10));
    }
    const name = body.endsWith(';') ? body.slice(0, -1) : body;
    if (body.endsWith(';') && name in NAMED) return NAMED[name];
    // Without ";" Python takes the longest legacy name that prefixes the text.
    for (let n = Math.min(name.length, 6); n > 1; n--) {
      const prefix = name.slice(0, n);
      if (LEGACY.has(prefix)) return NAMED[prefix] + body.slice(n);
    }
    return whole;
  });
}
