// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The core runs in the extension host, the CLI and plain Node tests alike: it must not reach for
    // the editor, the disk or processes directly. It talks to them through the interfaces in src/core.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Domain modules must not depend on VS Code.' },
          { name: 'fs', message: 'Use the FileSystem interface.' },
          { name: 'node:fs', message: 'Use the FileSystem interface.' },
          { name: 'fs/promises', message: 'Use the FileSystem interface.' },
          { name: 'node:fs/promises', message: 'Use the FileSystem interface.' },
          { name: 'child_process', message: 'Processes are run by the adapters.' },
          { name: 'node:child_process', message: 'Processes are run by the adapters.' },
        ],
      }],
    },
  },
  {
    files: ['scripts/**/*.js', 'esbuild.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
