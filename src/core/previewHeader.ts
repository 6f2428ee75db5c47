/**
 * The readable header the Markdown preview shows in place of a record's front matter: title,
 * status badge, people, sign-off table and data sources. Everything from the file is escaped, and
 * only http(s) and mailto URLs become links, so a record cannot inject markup or scripts.
 */
import { parseRecord } from './parse';
import { signOffSummary } from './grouping';
import { formatReference } from './references';
import type { DataSource, DecisionRecord, SignOff } from './record';

export interface PreviewHeaderOptions {
  /** The record's path (for its number), relative to the workspace folder. */
  path?: string;
  /** The reference prefix: `DR` → `DR-12`. */
  prefix?: string;
  /** The link target of a data source's repository path, relative to the previewed document; undefined leaves it unlinked. */
  pathHref?: (path: string) => string | undefined;
}

/** Problems that mean the front matter was not understood, so there is nothing reliable to show. */
const UNREADABLE_FRONT_MATTER = new Set(['yaml-syntax', 'unclosed-front-matter', 'parse-failed']);

const BADGE_COLOURS: Record<string, string> = {
  proposed: '#0969da',
  accepted: '#1a7f37',
  rejected: '#cf222e',
  deprecated: '#6e7781',
  superseded: '#8250df',
};

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The header's HTML, or undefined when `text` does not start with front matter that reads as a
 * record (a plain markdown file, or front matter that is broken or says nothing about a decision).
 */
export function renderPreviewHeader(text: string, options: PreviewHeaderOptions = {}): string | undefined {
  if (!/^\uFEFF?---[ \t]*\r?\n/.test(text)) return undefined;
  const record = parseRecord(options.path ?? 'record.md', text);
  if (record.problems.some((problem) => UNREADABLE_FRONT_MATTER.has(problem.code))) return undefined;
  if (record.format !== 'rationale' && record.format !== 'madr') return undefined;
  if (record.statusText === undefined && record.signOff.length === 0 && record.dataSources.length === 0) return undefined;
  return [
    '<div class="rationale-header" style="border:1px solid rgba(128,128,128,.35);border-radius:6px;padding:8px 12px;margin-bottom:16px">',
    titleLine(record, options.prefix ?? 'DR'),
    peopleLine(record),
    signOffTable(record),
    dataSourceList(record.dataSources, options.pathHref),
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function titleLine(record: DecisionRecord, prefix: string): string {
  const reference = record.number === undefined ? '' : `<strong>${escapeHtml(formatReference(record.number, prefix))}</strong> `;
  const date = record.date ? ` <span class="rationale-date">${escapeHtml(record.date)}</span>` : '';
  return `<p class="rationale-title">${reference}${escapeHtml(record.title)} ${statusBadge(record)}${date}</p>`;
}

function statusBadge(record: DecisionRecord): string {
  const text = record.statusText ?? record.status ?? 'no status';
  const colour = (record.status && BADGE_COLOURS[record.status]) ?? '#6e7781';
  const kind = record.status ?? 'unknown';
  return `<span class="rationale-status rationale-status-${kind}" style="background:${colour};color:#fff;border-radius:10px;padding:1px 8px;font-size:85%">${escapeHtml(text)}</span>`;
}

function peopleLine(record: DecisionRecord): string {
  const parts: string[] = [];
  const add = (label: string, names: readonly string[]): void => {
    if (names.length > 0) parts.push(`${label}: ${names.map(escapeHtml).join(', ')}`);
  };
  add('Decision-makers', record.decisionMakers);
  add('Consulted', record.consulted);
  add('Informed', record.informed);
  if (record.tags.length > 0) parts.push(`Tags: ${record.tags.map((tag) => `#${escapeHtml(tag)}`).join(' ')}`);
  return parts.length === 0 ? '' : `<p class="rationale-people">${parts.join(' · ')}</p>`;
}

function signOffTable(record: DecisionRecord): string {
  if (record.signOff.length === 0) return '';
  const rows = record.signOff.map(signOffRow).join('\n');
  const summary = signOffSummary(record) ?? '';
  return [
    `<p class="rationale-sign-off-summary"><strong>Sign-off</strong> ${escapeHtml(summary)}</p>`,
    '<table class="rationale-sign-off">',
    '<thead><tr><th>Stakeholder</th><th>Role</th><th>State</th><th>Date</th><th>Comment</th></tr></thead>',
    `<tbody>\n${rows}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function signOffRow(signOff: SignOff): string {
  const cells = [signOff.name, signOff.role ?? '', signOff.state, signOff.date ?? '', signOff.comment ?? ''];
  return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function dataSourceList(sources: readonly DataSource[], pathHref: PreviewHeaderOptions['pathHref']): string {
  if (sources.length === 0) return '';
  const items = sources.map((source) => `<li>${dataSourceItem(source, pathHref)}</li>`).join('\n');
  return `<p><strong>Data sources</strong></p>\n<ul class="rationale-data-sources">\n${items}\n</ul>`;
}

function dataSourceItem(source: DataSource, pathHref: PreviewHeaderOptions['pathHref']): string {
  const label = escapeHtml(source.title ?? source.url ?? source.path ?? 'Untitled source');
  let item = label;
  if (source.url !== undefined && SAFE_URL.test(source.url.trim())) {
    item = `<a href="${escapeHtml(source.url.trim())}">${label}</a>`;
  } else if (source.path !== undefined) {
    const href = pathHref?.(source.path);
    item = href === undefined ? `${label} <code>${escapeHtml(source.path)}</code>` : `<a href="${escapeHtml(href)}">${label}</a>`;
  }
  if (source.url !== undefined && !SAFE_URL.test(source.url.trim())) item += ` <code>${escapeHtml(source.url)}</code>`;
  return source.note ? `${item} — ${escapeHtml(source.note)}` : item;
}
