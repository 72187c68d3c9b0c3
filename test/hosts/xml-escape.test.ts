/**
 * escapeXml (src/hosts/file/copy/xml.ts), one pass by character code, against what XML 1.0 says:
 * & < > " as entities, the characters it cannot hold at all left out, everything else as it is
 * (the two regular expressions it replaced, kept here as the reference).
 */
import fc from 'fast-check';
import { escapeXml } from '../../src/hosts/file/copy/xml';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
const reference = (s: string) =>
  s.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

describe('escapeXml', () => {
  it('escapes and leaves out what XML requires, and nothing else', () => {
    expect(escapeXml('IF(Z5>=90,"好",IF(Z5<60,"较差","一般"))&\x01\t\n\r\ufffe\uffff\ufffd')).toBe(
      'IF(Z5&gt;=90,&quot;好&quot;,IF(Z5&lt;60,&quot;较差&quot;,&quot;一般&quot;))&amp;\t\n\r\ufffd',
    );
  });

  it('gives the text itself when nothing changes', () => {
    const s = 'ROUND(SUM(E5:U5),2)';
    expect(escapeXml(s)).toBe(s);
  });

  it('agrees with the reference on any text', () => {
    const chars = fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\x00', '\x0b', '\x1f', '\ufffe', '\uffff', '好', 'a', '\ud83d\ude00'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (a) => {
        const s = a.join('');
        expect(escapeXml(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
