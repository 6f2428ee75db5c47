import * as assert from 'node:assert/strict';
import { parseRecord } from '../../src/core/parse';
import {
  type LineOrigin,
  needsProvenance,
  provenanceNote,
  signOffProvenance,
  signOffStateLines,
  unverifiedApprovalProblems,
} from '../../src/core/signOffProvenance';

const SAM_COMMIT = 'a'.repeat(40);
const ANA_COMMIT = 'b'.repeat(40);
const UNCOMMITTED = '0'.repeat(40);

const RECORD = `---
title: Bill annual plans upfront
status: accepted
sign-off:
  - name: Ana Ruiz
    email: ana@example.com
    state: pending
  - name: Sam Lee
    email: Sam@Example.com
    role: VP Finance
    state: approved
    date: 2026-03-03
  - name: Tom Berg
    state: objected
    comment: Too early.
---
# Bill annual plans upfront
`;

function origins(entries: [number, LineOrigin][]): Map<number, LineOrigin> {
  return new Map(entries);
}

function by(commit: string, authorEmail: string, signedOffBy: string[] = []): LineOrigin {
  return { commit, authorEmail, signedOffBy };
}

describe('sign-off provenance', () => {
  describe('signOffStateLines', () => {
    it('finds the 0-based line of each state value, and none for a bare name', () => {
      assert.deepEqual(signOffStateLines(RECORD), [6, 10, 13]);
      assert.deepEqual(signOffStateLines('---\nsign-off: [Ana Ruiz, Sam Lee]\n---\n'), [undefined, undefined]);
    });

    it('counts lines as git does in CRLF files and after a BOM', () => {
      assert.deepEqual(signOffStateLines(`\uFEFF${RECORD.replace(/\n/g, '\r\n')}`), [6, 10, 13]);
    });

    it('reads flow entries, other key spellings and the status/decision synonyms', () => {
      const text = '---\nsignOff:\n  - {name: Sam Lee, email: sam@example.com, status: Approved}\n  -\n  - name: Tom\n    decision: objected\n---\n';
      assert.deepEqual(parseRecord('', text).signOff.map((signOff) => signOff.state), ['approved', 'objected']);
      assert.deepEqual(signOffStateLines(text), [2, 5]);
    });

    it('takes the last of a repeated state key, as the parser does', () => {
      const text = '---\nsign-off:\n  - name: Sam Lee\n    state: pending\n    state: approved\n---\n';
      assert.equal(parseRecord('', text).signOff[0].state, 'approved');
      assert.deepEqual(signOffStateLines(text), [4]);
    });

    it('takes the list the parser takes when the key is written twice', () => {
      const text = '---\nsign-off:\n  - name: Sam Lee\n    state: pending\nsign-off:\n  - name: Sam Lee\n    state: approved\n---\n';
      assert.equal(parseRecord('', text).signOff[0].state, 'approved');
      assert.deepEqual(signOffStateLines(text), [6]);
    });

    it('locates nothing in front matter it cannot read, an unclosed block, or no front matter', () => {
      for (const text of ['---\nsign-off:\n  - name: Sam\n    state: approved\n  bad: [\n---\n', '---\nsign-off:\n  - name: Sam\n    state: approved\n']) {
        const parsed = parseRecord('', text).signOff;
        assert.deepEqual(signOffStateLines(text), parsed.map(() => undefined));
      }
      assert.deepEqual(signOffStateLines('# Title\n\nNo front matter.\n'), []);
    });

    it('leaves an aliased entry unlocated', () => {
      const text = '---\nexample: &sam {name: Sam Lee, state: approved}\nsign-off:\n  - *sam\n---\n';
      assert.equal(parseRecord('', text).signOff[0].state, 'approved');
      assert.deepEqual(signOffStateLines(text), [undefined]);
    });

    it('never throws on hostile text', () => {
      for (const text of ['', '---', '---\n---\n', '---\n- a\n---\n', '---\nsign-off: 12\n---\n', '---\nsign-off: {name: x, state: approved}\n---\n', `---\nsign-off:\n${'  - name: x\n    state: approved\n'.repeat(2000)}---\n`]) {
        assert.doesNotThrow(() => signOffProvenance(text, new Map()));
      }
    });
  });

  describe('signOffProvenance', () => {
    it('verifies an approval committed by the stakeholder, comparing emails without case', () => {
      const result = signOffProvenance(RECORD, origins([[10, by(SAM_COMMIT, 'sam@example.COM')]]));
      assert.deepEqual(result[1], {
        index: 1,
        name: 'Sam Lee',
        email: 'Sam@Example.com',
        state: 'approved',
        line: 10,
        verdict: 'verified',
        reason: 'authored',
        commit: SAM_COMMIT,
        committedBy: 'sam@example.COM',
      });
      assert.equal(provenanceNote(result[1]), 'verified');
    });

    it('verifies an approval committed by someone else with the stakeholder in a Signed-off-by trailer', () => {
      const [, sam] = signOffProvenance(RECORD, origins([[10, by(ANA_COMMIT, 'ana@example.com', ['bo@example.com', 'sam@example.com'])]]));
      assert.equal(sam.verdict, 'verified');
      assert.equal(sam.reason, 'signed-off-by');
      assert.equal(provenanceNote(sam), 'verified: signed off by Sam@Example.com');
    });

    it('does not verify an approval someone else committed', () => {
      const [, sam] = signOffProvenance(RECORD, origins([[10, by(ANA_COMMIT, 'ana@example.com', ['bo@example.com'])]]));
      assert.equal(sam.verdict, 'unverified');
      assert.equal(sam.reason, 'other-author');
      assert.equal(sam.committedBy, 'ana@example.com');
      assert.equal(provenanceNote(sam), 'unverified: committed by ana@example.com');
    });

    it('says why the others are unverified: not committed, not in git, no email, no blame for the line', () => {
      assert.equal(signOffProvenance(RECORD, origins([[10, by(UNCOMMITTED, 'not.committed.yet')]]))[1].reason, 'uncommitted');
      assert.equal(signOffProvenance(RECORD, undefined)[1].reason, 'not-in-git');
      assert.equal(signOffProvenance(RECORD, new Map())[1].reason, 'unlocated');
      const tom = signOffProvenance(RECORD, origins([[13, by(SAM_COMMIT, 'sam@example.com')]]))[2];
      assert.deepEqual([tom.verdict, tom.reason, provenanceNote(tom)], ['unverified', 'no-email', 'unverified: no email to check against']);
    });

    it('needs nothing for a pending sign-off', () => {
      const [ana] = signOffProvenance(RECORD, undefined);
      assert.deepEqual([ana.verdict, ana.reason, provenanceNote(ana)], ['not-needed', 'pending', '']);
      assert.deepEqual(['pending', 'approved', 'objected', 'abstained', 'maybe'].map(needsProvenance), [false, true, true, true, false]);
    });

    it('judges only the state line: a forged state under a line the stakeholder committed stays unverified', () => {
      // Sam committed his entry as pending; Ana changed only the state line.
      const result = signOffProvenance(RECORD, origins([[8, by(SAM_COMMIT, 'sam@example.com')], [10, by(ANA_COMMIT, 'ana@example.com')]]));
      assert.equal(result[1].verdict, 'unverified');
    });
  });

  describe('unverifiedApprovalProblems', () => {
    const record = { ...parseRecord('docs/decisions/0012-bill-annual.md', RECORD) };

    it('reports each unverified approval of an accepted record, with its line', () => {
      const provenance = signOffProvenance(RECORD, origins([[10, by(ANA_COMMIT, 'ana@example.com')], [13, by(ANA_COMMIT, 'ana@example.com')]]));
      assert.deepEqual(unverifiedApprovalProblems(record, provenance, 'DR'), [
        {
          code: 'unverified-sign-off',
          severity: 'error',
          line: 10,
          message: "DR-12 is accepted, but Sam Lee's approval (line 11) was committed by ana@example.com, not Sam@Example.com",
        },
      ]);
    });

    it('says so for an approval not committed yet or in an untracked file, and names an unnumbered record by title', () => {
      const unnumbered = { ...record, number: undefined };
      assert.deepEqual(
        unverifiedApprovalProblems(unnumbered, signOffProvenance(RECORD, undefined), 'ADR').map((problem) => problem.message),
        ['"Bill annual plans upfront" is accepted, but Sam Lee\'s approval (line 11) is in a file git does not track'],
      );
      assert.deepEqual(
        unverifiedApprovalProblems(record, signOffProvenance(RECORD, origins([[10, by(UNCOMMITTED, '')]])), 'ADR').map((problem) => problem.message),
        ["ADR-12 is accepted, but Sam Lee's approval (line 11) is not committed yet"],
      );
    });

    it('reports nothing for a verified approval or a record that is not accepted', () => {
      const verified = signOffProvenance(RECORD, origins([[10, by(SAM_COMMIT, 'sam@example.com')]]));
      assert.deepEqual(unverifiedApprovalProblems(record, verified, 'DR'), []);
      const proposed = { ...record, status: 'proposed' as const };
      assert.deepEqual(unverifiedApprovalProblems(proposed, signOffProvenance(RECORD, undefined), 'DR'), []);
    });
  });
});
