import config from './playwright.config';

// The same servers and browser as the tests; only the README's screenshot "tests" run: the wide
// ones at 1280 px, the phone ones (phone*.spec.ts) on a 390 × 844 phone screen with touch.
export default {
  ...config,
  testDir: 'tests/screenshots',
  workers: 1,
  projects: (config.projects ?? []).filter((project) => project.name !== 'phone-360'),
};
