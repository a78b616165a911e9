import config from './playwright.config';

// The same servers and browser as the tests; only the README's screenshot "tests" run.
export default { ...config, testDir: 'tests/screenshots', workers: 1 };
