import { SaxesParser } from 'saxes';
import { xmlEscape } from './xml-text';

describe('xmlEscape', () => {
  it('removes what XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates) and escapes markup, keeping tab, line breaks and astral characters', () => {
    expect(xmlEscape('a\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\udc00\ud800b')).toBe('ab');
    expect(xmlEscape('<x a="1"> & \t\n\r 😀 \ufffd')).toBe('&lt;x a=&quot;1&quot;&gt; &amp; \t\n\r 😀 \ufffd');
  });

  it('gives text an XML parser takes, in an element and in an attribute', () => {
    const nasty = 'Review \u0001\u0002\ufffe\uffff\ud800 "<&>" \u202e';
    expect(() => new SaxesParser({ xmlns: true }).write(`<svg xmlns="http://www.w3.org/2000/svg"><title a="${xmlEscape(nasty)}">${xmlEscape(nasty)}</title></svg>`).close()).not.toThrow();
  });
});
