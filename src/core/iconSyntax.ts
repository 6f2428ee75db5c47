/**
 * VS Code draws `$(name)` as an icon in quick-pick labels, descriptions and details, CodeLens titles
 * and status-bar text. Text from a record file is shown there as written, so a title such as
 * `$(pass) Approved by legal` must not borrow the look of Rationale's own markers.
 */

/**
 * The pattern VS Code 1.100 renders as an icon (`ThemeIcon.iconNameExpression` with its optional
 * `~spin` modifier). Only these are escaped: a backslash before anything else, such as `$(5 000)`,
 * would show as a backslash.
 */
const ICON_SYNTAX = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * `text` to show literally in a label that renders icons. A backslash before the `$` is VS Code's
 * documented escape ("Icons in labels"); it is added even after a backslash the text already has,
 * since VS Code takes only the one right before `$` as the escape, so `\$(pass)` shows as written.
 */
export function literalIconText(text: string): string {
  return text.replace(ICON_SYNTAX, (icon) => `\\${icon}`);
}
