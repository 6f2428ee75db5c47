import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { literalIconText } from '../../src/core/iconSyntax';

/**
 * How VS Code renders a label that supports icons (renderLabelWithIcons): an icon becomes an
 * element, shown here as `<icon:name>`, and a backslash right before it is taken as its escape.
 */
function rendered(label: string): string {
  return label.replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_whole, escaped: string | undefined, name: string) =>
    escaped ? `$(${name})` : `<icon:${name}>`,
  );
}

describe('literalIconText', () => {
  const cases: [string, string][] = [
    ['Bill annual plans upfront', 'Bill annual plans upfront'],
    ['$(pass) Approved by legal', '\\$(pass) Approved by legal'],
    ['$(sync~spin) waiting', '\\$(sync~spin) waiting'],
    ['a $(error) and $(Mark-Github)', 'a \\$(error) and \\$(Mark-Github)'],
    ['pay $(5 000) or $()', 'pay $(5 000) or $()'],
    ['already \\$(pass)', 'already \\\\$(pass)'],
    ['$$(pass)', '$\\$(pass)'],
    ['', ''],
  ];
  for (const [text, expected] of cases) {
    it(`escapes ${JSON.stringify(text)}`, () => {
      assert.equal(literalIconText(text), expected);
    });
  }

  it('shows every text exactly as written once VS Code renders the label', () => {
    for (const [text] of cases) assert.equal(rendered(literalIconText(text)), text);
  });

  it('leaves no icon in any mix of icon syntax, backslashes and dollars', () => {
    const piece = fc.constantFrom('$(', 'pass', ')', '\\', '$', '~spin', ' ', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        const shown = rendered(literalIconText(text));
        assert.ok(!shown.includes('<icon:'), `${JSON.stringify(text)} rendered ${shown}`);
        assert.equal(shown, text);
      }),
    );
  });
});
