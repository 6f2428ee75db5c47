import * as assert from 'node:assert/strict';
import { MAX_SLUG_LENGTH, datedRecordFileName, recordFileName, slugify } from '../../src/core/slug';

describe('slugify', () => {
  const cases: Array<[string, string]> = [
    ['Bill annual plans upfront', 'bill-annual-plans-upfront'],
    ['  Use   PostgreSQL 16!  ', 'use-postgresql-16'],
    ['Café à la carte, déjà vu', 'cafe-a-la-carte-deja-vu'],
    ['Straße über Ærø', 'strasse-uber-aero'],
    ['Naïve Łódź', 'naive-lodz'],
    ['日本語の決定', '日本語の決定'],
    ['データベースを選ぶ', 'データベースを選ぶ'],
    ['Выбор базы данных', 'выбор-базы-данных'],
    ['결정 기록', '결정-기록'],
    ['हिंदी निर्णय', 'हिंदी-निर्णय'],
    ["Don't use C#: use Rust", 'dont-use-c-use-rust'],
    ['a/b\\c', 'a-b-c'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'untitled'],
    ['.', 'untitled'],
    ['', 'untitled'],
    ['   ', 'untitled'],
    ['🚀🔥', 'untitled'],
    ['Ship it 🚀 now', 'ship-it-now'],
    ['Title: "quoted" # not a comment', 'title-quoted-not-a-comment'],
    ['ﬁle ＦＵＬＬ width', 'file-full-width'],
    ['---Dashes---everywhere---', 'dashes-everywhere'],
    ['con', 'con-decision'],
    ['NUL', 'nul-decision'],
    ['COM1', 'com1-decision'],
    ['lpt9', 'lpt9-decision'],
    ['console', 'console'],
    ['con game', 'con-game'],
  ];
  for (const [title, expected] of cases) {
    it(`${JSON.stringify(title)} → ${expected}`, () => {
      assert.equal(slugify(title), expected);
    });
  }

  it('cuts long titles at a dash boundary', () => {
    const title = 'We will migrate every single one of our services to the new deployment platform by spring';
    const slug = slugify(title);
    assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
    assert.equal(slug, 'we-will-migrate-every-single-one-of-our-services-to-the-new');
    assert.ok(!slug.endsWith('-'));
  });

  it('keeps a cut that lands exactly on a dash whole', () => {
    const title = `${'a'.repeat(59)} bcd`;
    assert.equal(slugify(title), 'a'.repeat(59));
  });

  it('cuts a single endless word hard', () => {
    assert.equal(slugify('x'.repeat(200)), 'x'.repeat(MAX_SLUG_LENGTH));
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const slug = slugify('𝒜'.repeat(100));
    assert.ok([...slug].length <= MAX_SLUG_LENGTH);
    assert.equal(slug.normalize('NFC'), slug);
    assert.doesNotMatch(slug, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('never yields a separator, a dot or an empty string (property)', () => {
    const titles = ['', '/', '\\', '.', '..', '...', 'a.b', 'C:\\Windows', '\u0000', '\u0301x', '🙂', 'x'.repeat(500)];
    for (const title of titles) {
      const slug = slugify(title);
      assert.ok(slug.length > 0, title);
      assert.doesNotMatch(slug, /[/\\.]/, title);
      assert.ok(!slug.includes('\u0000'), title);
      assert.doesNotMatch(slug, /^-|-$/, title);
    }
  });
});

describe('recordFileName', () => {
  it('pads the number to four digits', () => {
    assert.equal(recordFileName(12, 'Bill annual plans upfront'), '0012-bill-annual-plans-upfront.md');
  });

  it('keeps numbers past 9999 whole', () => {
    assert.equal(recordFileName(12345, 'Big log'), '12345-big-log.md');
  });

  it('names an untitled record', () => {
    assert.equal(recordFileName(1, '?!'), '0001-untitled.md');
  });
});

describe('datedRecordFileName', () => {
  it('continues log4brains naming', () => {
    assert.equal(datedRecordFileName('2026-11-22', 'Use Yarn'), '20261122-use-yarn.md');
    assert.equal(datedRecordFileName('2026-11-22', 'Use Yarn', 2), '20261122-use-yarn-2.md');
  });
});
