import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// features never import one another: what two features share lives in src/components or src/lib,
// and pages that combine features are composed in src/app (bulletproof-react's rule)
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const deepImport = {
  group: ['@/features/*/*', '!@/features/*/pages'],
  message: 'Import a feature through its index (or its route pages through ./pages) only.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'src/lib/api/schema.d.ts',
      'test-results',
      'playwright-report',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [deepImport] }],
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImport,
            {
              group: ['@/features/*', `!@/features/${feature}`, '@/app/*', '../../../*'],
              message: `The ${feature} feature imports no other feature nor the app: move what is shared to src/components or src/lib, or compose the two in src/app.`,
            },
          ],
        },
      ],
    },
  })),
);
